package dev.nanoka.runtime.internal;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes history for a database whose schema came another way — by hand, {@code drizzle-kit
 * push}, wrangler, an older deploy — and checks first that it is true: the live schema must be
 * what the migrations it records produce (replayed into an in-memory database), or nothing is
 * recorded and every difference is listed. Flyway's baseline and Prisma's {@code migrate
 * resolve} take the user's word for it; a wrong baseline only shows when a later migration
 * fails, or worse, succeeds on the wrong schema.
 *
 * <p>The check and the writing happen in one transaction under the write lock, so no other
 * migrator can change the schema or the history in between.
 */
public final class DbBaseline {

  private final Connection connection;
  private final Dialect dialect;
  private final LockWaits waits;

  public DbBaseline(Connection connection, Dialect dialect, Duration lockTimeout) {
    this.connection = connection;
    this.dialect = dialect;
    this.waits = new LockWaits(connection, dialect, lockTimeout);
  }

  /**
   * Records the first {@code version} migrations as applied, in a database that has no history
   * yet.
   *
   * @return the files recorded
   */
  public List<String> baseline(List<Migration> found, int version)
      throws SQLException, MigrationException {
    if (version < 0 || version > found.size()) {
      throw refused("Cannot baseline at version " + version + ": the migrations hold versions 0"
          + " to " + found.size() + " (version N is the first N files, "
          + (found.isEmpty() ? "and there are none" : "e.g. " + version(found, found.size()))
          + ").");
    }
    List<Migration> applied = found.subList(0, version);
    History.createIfMissing(connection, dialect, waits);
    waits.inLock(() -> {
      List<AppliedMigration> history = History.read(connection, dialect);
      if (!history.isEmpty()) {
        throw refused("The database already has a history (" + history.size()
            + " migration(s) applied, the last " + history.get(history.size() - 1).name()
            + "): a baseline is for a database without one. To record or undo one migration"
            + " after a fix by hand, use resolve (Migrator.resolve).");
      }
      check(applied, "version " + version + " (" + version(found, version) + ")");
      for (Migration migration : applied) {
        History.record(connection, dialect, migration);
      }
    });
    return applied.stream().map(Migration::name).toList();
  }

  /**
   * Records one pending migration as applied ({@code applied}), or removes an applied one from
   * the history ({@code applied} false), after checking that the database is what the history
   * then says.
   */
  public void resolve(List<Migration> found, String file, boolean applied)
      throws SQLException, MigrationException {
    Migration migration = found.stream().filter(m -> m.name().equals(file)).findFirst()
        .orElseThrow(() -> refused("No migration " + file + " in the source. Migrations: "
            + String.join(", ", found.stream().map(Migration::name).toList()) + "."));
    History.createIfMissing(connection, dialect, waits);
    waits.inLock(() -> {
      Set<String> done = new HashSet<>();
      History.read(connection, dialect).forEach(a -> done.add(a.name()));
      if (applied == done.contains(file)) {
        throw refused(file + " is " + (applied ? "applied" : "not applied")
            + " already: nothing to resolve.");
      }
      if (applied) {
        done.add(file);
      } else {
        done.remove(file);
      }
      List<Migration> after = new ArrayList<>();
      found.stream().filter(m -> done.contains(m.name())).forEach(after::add);
      check(after, "the history with " + file + (applied ? "" : " rolled back"));
      if (applied) {
        History.record(connection, dialect, migration);
      } else {
        History.remove(connection, dialect, file);
      }
    });
  }

  /** Refuses unless the live schema is what {@code applied} produce. */
  private void check(List<Migration> applied, String what)
      throws SQLException, MigrationException {
    DatabaseSchema actual = dialect.introspect(connection);
    List<String> differences = DriftDetector.detect(connection, dialect, actual, applied);
    if (!differences.isEmpty()) {
      throw refused("The database does not match " + what + "; nothing was recorded:\n  - "
          + String.join("\n  - ", differences) + "\nMake the database match (or pick the"
          + " version it matches), then run this again.");
    }
  }

  private static String version(List<Migration> found, int version) {
    return version == 0 ? "no migration applied"
        : "up to " + found.get(version - 1).name();
  }

  private static MigrationException refused(String message) {
    return new MigrationException(MigrationException.Kind.FAILED, message, null);
  }
}
