package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.DataLoss;
import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.RenameStatements;
import dev.nanoka.core.text.ReviewMarker;
import dev.nanoka.runtime.DataLossException;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.RollbackResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rollback}: runs the down migrations of the files applied after a schema version,
 * newest first, each with the removal of its rows from both history tables (so wrangler
 * agrees), all in one transaction under the write lock: the database ends at that version, or
 * nothing changes.
 *
 * <p>Before anything runs, what the down migrations would lose in this database is counted, by
 * the same rules as push: the schema after the applied files and the schema at the version are
 * replayed in memory and diffed, renames taken from the applied files' own
 * {@code ALTER TABLE … RENAME} statements; a column or table added since that holds values is
 * refused unless data loss is accepted, and a change the rows make impossible is refused
 * whatever is accepted.
 */
public final class DbRollback {



  private final Connection connection;
  private final Dialect dialect;
  private final Duration lockTimeout;

  public DbRollback(Connection connection, Dialect dialect, Duration lockTimeout) {
    this.connection = connection;
    this.dialect = dialect;
    this.lockTimeout = lockTimeout;
  }

  /**
   * @param found the source's migrations
   * @param down the down migration of each file, by the file's name
   * @return the files rolled back (newest first) and the losses accepted
   */
  public RollbackResult rollback(List<Migration> found, Map<String, Migration> down, int version,
      boolean acceptDataLoss) throws SQLException, MigrationException, DataLossException {
    LockWaits waits = new LockWaits(connection, dialect, lockTimeout);
    waits.next();
    List<Migration> undone = undone(found, History.read(connection, dialect), version);
    List<List<String>> scripts = new ArrayList<>();
    for (Migration migration : undone) {
      scripts.add(statements(migration, Optional.ofNullable(down.get(migration.name()))));
    }
    try (WriteTransaction transaction = waits.begin()) {
      // Under the lock: another migrator may have moved the history while this one waited.
      List<Migration> still = undone(found, History.read(connection, dialect), version);
      if (!still.equals(undone)) {
        throw refused("The history changed while waiting for the lock; run rollback again.");
      }
      List<String> losses = losses(found, version, undone, acceptDataLoss);
      for (int i = 0; i < undone.size(); i++) {
        String name = undone.get(i).name();
        transaction.runScript("down/" + name, scripts.get(i),
            "Nothing was rolled back.", c -> History.remove(c, dialect, name));
      }
      transaction.commit();
      return new RollbackResult(undone.stream().map(Migration::name).toList(), losses);
    }
  }

  /**
   * The rollback from version {@code from} to {@code to} as one SQL file for a database this
   * runtime cannot reach (D1 remote: {@code wrangler d1 execute <db> --remote --file}): the down
   * migrations newest first, then the removal of their history rows from both tables. It cannot
   * count what would be lost there; the down migrations' {@code -- Data loss:} lines say what
   * can be.
   */
  public static String script(List<Migration> found, Map<String, Migration> down, int from,
      int to) throws MigrationException {
    if (to < 0 || to > from || from > found.size()) {
      throw refused("Cannot write a rollback from version " + from + " to " + to + ": the"
          + " source holds versions 0 to " + found.size() + ".");
    }
    List<Migration> undone = new ArrayList<>(found.subList(to, from));
    java.util.Collections.reverse(undone);
    StringBuilder out = new StringBuilder("-- Rollback from schema version " + from + " to " + to
        + ", written by Nanoka for Java. Run it where the database is, e.g.\n"
        + "--   wrangler d1 execute <database> --remote --file <this file>\n"
        + "-- D1 runs the statements of a file as one batch: all of it, or none. Nothing here"
        + " checks the data first;\n-- the Data loss lines of the down migrations say what can"
        + " be lost.\n");
    for (Migration migration : undone) {
      out.append("\n-- ").append(DOWN_OF).append(migration.name()).append('\n');
      for (String statement : statements(migration, Optional.ofNullable(
          down.get(migration.name())))) {
        // Each ends with its own semicolon in a file of many: the last one of a file may not,
        // and a trailing comment would swallow one put at the end of its line.
        boolean ended = SqlSplitter.withoutComments(statement).strip().endsWith(";");
        out.append(statement.strip()).append(ended ? "\n" : "\n;\n");
      }
    }
    out.append("\n-- The history, as wrangler and Nanoka keep it.\n")
        .append("CREATE TABLE IF NOT EXISTS ").append(History.CHECKSUMS)
        .append(" (name TEXT PRIMARY KEY NOT NULL, checksum TEXT NOT NULL);\n");
    for (Migration migration : undone) {
      String name = "'" + migration.name().replace("'", "''") + "'";
      out.append("DELETE FROM ").append(History.TABLE).append(" WHERE name = ").append(name)
          .append(";\nDELETE FROM ").append(History.CHECKSUMS).append(" WHERE name = ")
          .append(name).append(";\n");
    }
    return out.toString();
  }

  private static final String DOWN_OF = "Down migration of ";

  /** The applied files after {@code version}, newest first, checked to be the source's own. */
  private static List<Migration> undone(List<Migration> found, List<AppliedMigration> history,
      int version) throws MigrationException {
    if (version < 0 || version > history.size()) {
      throw refused("Cannot roll back to version " + version + ": the database is at version "
          + history.size() + " (" + history.size() + " migration(s) applied).");
    }
    for (int i = 0; i < history.size(); i++) {
      String applied = history.get(i).name();
      if (i >= found.size() || !found.get(i).name().equals(applied)) {
        throw refused("The history does not follow the source: migration " + (i + 1)
            + " applied is " + applied + ", the source's is "
            + (i < found.size() ? found.get(i).name() : "missing") + ". Rollback undoes the"
            + " source's files in order; repair the history first (status shows it).");
      }
    }
    List<Migration> undone = new ArrayList<>(found.subList(version, history.size()));
    java.util.Collections.reverse(undone);
    return undone;
  }

  private static List<String> statements(Migration up, Optional<Migration> down)
      throws MigrationException {
    if (down.isEmpty()) {
      throw refused("No down migration for " + up.name() + " (down/" + up.name() + " in the"
          + " migrations folder). The build writes one for every migration it generates; for a"
          + " migration written by hand, write its down migration there. Nothing was rolled"
          + " back.");
    }
    String sql = down.get().sql();
    Optional<ReviewMarker.Line> review = ReviewMarker.find(sql);
    if (review.isPresent()) {
      throw refused("down/" + up.name() + " waits for a review:" + review.get().reason()
          + " Check it, edit it if needed, then delete that line. Nothing was rolled back.");
    }
    return PendingScript.of(down.get()).statements();
  }

  /**
   * What the down migrations would do to the rows of this database: the applied schema and
   * the version's schema, replayed, diffed with the renames of the undone files reversed.
   */
  private List<String> losses(List<Migration> found, int version, List<Migration> undone,
      boolean acceptDataLoss) throws SQLException, MigrationException, DataLossException {
    DatabaseSchema now = dialect.replay(connection, found.subList(0, version + undone.size()));
    DatabaseSchema then = dialect.replay(connection, found.subList(0, version));
    SchemaDiff diff = SchemaDiffer.diff(now, then, reversedRenames(undone));
    LossCounter affected = dialect.lossCounter(connection, diff.renamed());
    List<String> losses = new ArrayList<>();
    List<String> unexecutable = new ArrayList<>();
    List<DataLoss> possible = new ArrayList<>(diff.losses());
    // PostgreSQL: an enum type the down migrations rebuild without values rows hold
    possible.addAll(affected.beyondDiff(now, then));
    for (DataLoss loss : possible) {
      Optional<String> line = affected.describe(loss);
      if (line.isPresent()) {
        (affected.fails(loss) ? unexecutable : losses).add(line.get());
      }
    }
    if (!unexecutable.isEmpty() || !losses.isEmpty() && !acceptDataLoss) {
      throw new DataLossException(losses, unexecutable);
    }
    return losses;
  }

  /**
   * The renames the undone files made, reversed (newest first): the down migrations rename
   * back, so those names are not dropped. Files that rename differently (by hand) may show a
   * rename as a drop and an add, which only refuses more.
   */
  static RenameHints reversedRenames(List<Migration> undone) {
    Map<String, String> tables = new HashMap<>();
    Map<String, Map<String, String>> columns = new HashMap<>();
    for (Migration migration : undone) {
      for (String statement : SqlSplitter.split(migration.sql())) {
        Optional<RenameStatements.Rename> rename =
            RenameStatements.parse(SqlSplitter.withoutComments(statement));
        // A rebuild's own last step (__new_users → users) renames nothing: taken as a rename,
        // it would key the table's renamed columns under __new_users.
        if (rename.isPresent() && rename.get() instanceof RenameStatements.TableRename table
            && !table.isRebuild()) {
          tables.put(table.from(), table.to());
        } else if (rename.isPresent()
            && rename.get() instanceof RenameStatements.ColumnRename column) {
          columns.computeIfAbsent(column.table(), t -> new HashMap<>())
              .put(column.from(), column.to());
        }
      }
    }
    // A column renamed in a table renamed by the same files is keyed by the table's old name.
    Map<String, Map<String, String>> byOldTable = new HashMap<>();
    columns.forEach((table, renamed) -> byOldTable.put(tables.entrySet().stream()
        .filter(e -> e.getValue().equalsIgnoreCase(table)).map(Map.Entry::getKey).findFirst()
        .orElse(table), renamed));
    return new RenameHints(tables, byOldTable, Set.of(), Map.of());
  }


  private static MigrationException refused(String message) {
    return new MigrationException(MigrationException.Kind.FAILED, message, null);
  }
}
