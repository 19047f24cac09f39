package dev.nanoka.review;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDescriber;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.text.Lines;
import dev.nanoka.folder.MigrationFile;
import dev.nanoka.runtime.internal.SqlSplitter;
import dev.nanoka.runtime.internal.SqliteIntrospector;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Replays the folder into an empty in-memory SQLite database, migration by migration, and after
 * each compares the database (read with the runtime's introspection) with that migration's
 * snapshot. A generated migration always gives its snapshot; a hand edit that adds, drops or
 * changes a column, table or index does not, and the next build would diff from a snapshot that
 * no database has. Only the first migration that differs is reported: every later snapshot
 * differs in the same way.
 */
final class FolderReplay {

  private FolderReplay() {}

  /** The finding of the first migration that fails or differs, if any. */
  static Optional<Finding> check(List<CheckedMigration> migrations) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement statement = connection.createStatement()) {
      for (CheckedMigration migration : migrations) {
        if (!migration.isWhole()) {
          return Optional.empty(); // reported already; what follows cannot be replayed
        }
        String sql = migration.sql().get();
        Optional<Finding> failed = run(statement, migration, sql);
        if (failed.isPresent()) {
          return failed;
        }
        DatabaseSchema replayed = SqliteIntrospector.read(connection);
        DatabaseSchema recorded = migration.snapshot().get().schema().get();
        List<String> differences = SchemaDescriber.describe(
            SchemaDiffer.diff(recorded, replayed, RenameHints.NONE),
            "the snapshot", "the replayed folder");
        if (!differences.isEmpty()) {
          // An unedited file gives its snapshot by construction: the two come from different
          // builds, one of them committed without the other.
          String advice = MigrationFile.isUnedited(sql)
              ? "This file is as generated, so it and its snapshot come from different builds"
                  + " (one was committed without the other): run the build and commit both"
              : "A hand edit may add data statements, not schema changes: move the schema"
                  + " change into the models (the build then writes it), or undo it";
          return Optional.of(Finding.at(CheckRule.REPLAY_DIFFERS.id(), Severity.ERROR,
              migration.sqlFile(), "does not give the schema its snapshot "
                  + migration.snapshotFile().getFileName() + " records, when the folder is"
                  + " replayed up to it: " + String.join("; ", differences) + ". " + advice));
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot use an in-memory SQLite database: " + e, e);
    }
  }

  private static Optional<Finding> run(
      Statement statement, CheckedMigration migration, String sql) {
    Optional<String> skipped = SqlSplitter.skippedText(sql);
    if (skipped.isPresent()) {
      return Optional.of(Finding.at(CheckRule.REPLAY_FAILS.id(), Severity.ERROR,
          migration.sqlFile(), skipped.get()));
    }
    List<String> statements = SqlSplitter.split(sql);
    int searchFrom = 0;
    for (int i = 0; i < statements.size(); i++) {
      int at = sql.indexOf(statements.get(i), searchFrom);
      if (at >= 0) {
        searchFrom = at + statements.get(i).length();
      }
      try {
        statement.execute(statements.get(i));
      } catch (SQLException e) {
        String message = "statement " + (i + 1) + " of " + statements.size() + " fails when the"
            + " folder is replayed into an empty database: " + e.getMessage() + ". Fix the"
            + " statement; a migration that fails here fails on every new database";
        return Optional.of(at >= 0
            ? Finding.at(CheckRule.REPLAY_FAILS.id(), Severity.ERROR, migration.sqlFile(),
                Lines.at(sql, at), message)
            : Finding.at(CheckRule.REPLAY_FAILS.id(), Severity.ERROR, migration.sqlFile(),
                message));
      }
    }
    return Optional.empty();
  }
}
