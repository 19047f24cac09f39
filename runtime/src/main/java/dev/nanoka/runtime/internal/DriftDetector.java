package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDescriber;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Whether a live database still matches its migration history: the applied migrations are
 * replayed into a shadow ({@link Dialect#replay}) and the two schemas compared.
 */
public final class DriftDetector {

  private DriftDetector() {}

  /**
   * One line per difference of the live database from the migrations it applied, replayed;
   * empty when none.
   *
   * @param found the migrations of the source, applied or not
   * @throws MigrationException when the history cannot be replayed: an applied migration has no
   *     file, or a file does not run on its own
   */
  public static List<String> detect(Connection connection, Dialect dialect, List<Migration> found)
      throws SQLException, MigrationException {
    // The history and the schema from one snapshot: another process may be migrating, and its
    // new tables must not look like drift to a run that read the history before them.
    List<String> applied;
    DatabaseSchema actual;
    connection.setAutoCommit(false);
    try {
      applied = History.read(connection, dialect).stream().map(AppliedMigration::name)
          .toList();
      actual = dialect.introspect(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    List<String> names = found.stream().map(Migration::name).toList();
    List<String> missing = applied.stream().filter(name -> !names.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new MigrationException(MigrationException.Kind.UNREADABLE, "Cannot replay the"
          + " history: applied migration" + (missing.size() > 1 ? "s" : "") + " without a file ("
          + String.join(", ", missing) + ").", null);
    }
    return detect(connection, dialect, actual,
        found.stream().filter(m -> applied.contains(m.name())).toList());
  }

  /**
   * One line per difference of a schema read from the live database from its history. The
   * caller reads the schema and the history in one transaction: read apart, another process
   * migrating in between makes its new tables look like drift.
   */
  public static List<String> detect(Connection connection, Dialect dialect,
      DatabaseSchema actual, List<Migration> applied) throws SQLException, MigrationException {
    DatabaseSchema expected = dialect.replay(connection, applied);
    List<String> lines = new java.util.ArrayList<>(SchemaDescriber.describe(
        SchemaDiffer.diff(expected, actual, RenameHints.NONE), "the migrations", "the database"));
    lines.addAll(EnumDrift.describe(expected, actual));
    return lines;
  }
}
