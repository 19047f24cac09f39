package dev.nanoka.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.testing.LibraryRebuild;
import dev.nanoka.core.testing.MigrationCheck;
import dev.nanoka.core.testing.MigrationCheck.Evolution;
import dev.nanoka.core.testing.MigrationMode;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a rebuild costs, counted by SQLite rather than timed: {@code total_changes()} counts the
 * rows each statement inserts, updates or deletes, ON DELETE actions included. The rebuild of
 * {@code authors} with two levels of dependents ({@link LibraryRebuild}):
 * <ul>
 *   <li>where foreign keys are not enforced, writes the rows of {@code authors} and no other: the
 *       dependents stay where they are;
 *   <li>where they are (D1), moves every dependent row out and back, and no statement moves more
 *       than 1/16 of a table's rows plus one.
 * </ul>
 * With more than 16 × 15 rows in a table, a missing batch statement would lose rows here.
 */
class RebuildRowMovesTest {

  private static final int ROWS = 1000;
  private static final int AUTHORS = LibraryRebuild.authors(ROWS);
  private static final Pattern CREATE_AS =
      Pattern.compile("^CREATE TABLE (`[^`]+`) AS SELECT ", Pattern.MULTILINE);

  @Test
  void keepsEveryRowInEveryMode() {
    MigrationCheck.assertRowPreserving(new Evolution("authors rebuilt with " + ROWS
        + " books and reviews", LibraryRebuild.before(), LibraryRebuild.after(), RenameHints.NONE,
        LibraryRebuild.rows(ROWS)));
  }

  @Test
  void withoutForeignKeysOnlyTheRebuiltTableIsWritten() throws SQLException {
    List<Long> moved = apply(MigrationMode.FK_OFF_AUTOCOMMIT);
    assertEquals(AUTHORS, moved.stream().mapToLong(Long::longValue).sum(),
        "rows written: the copy of authors, nothing of books and reviews " + moved);
  }

  @Test
  void withoutForeignKeysInOneTransactionOnlyTheRebuiltTableIsWritten() throws SQLException {
    // Nanoka's runtime: foreign keys off, the file in one transaction.
    try (Connection c = Sqlite.memory(false)) {
      Sqlite.applyAll(c, setUp(), true, "set-up");
      long before = Sqlite.longValue(c, "SELECT total_changes()");
      Sqlite.applyAll(c, Migrations.statements(LibraryRebuild.before(), LibraryRebuild.after()),
          true, "rebuild");
      assertEquals(AUTHORS, Sqlite.longValue(c, "SELECT total_changes()") - before);
    }
  }

  @ParameterizedTest
  @EnumSource(value = MigrationMode.class, names = {"D1_FK_ON_ONE_TRANSACTION", "FK_ON_AUTOCOMMIT"})
  void withForeignKeysEveryDependentRowMovesInBoundedStatements(MigrationMode mode)
      throws SQLException {
    List<Long> moved = apply(mode);
    long share = ROWS / 16 + 1;
    assertTrue(moved.stream().allMatch(m -> m <= share),
        "a statement moved more than " + share + " rows: " + moved);
    // books and reviews set aside, deleted, put back; authors copied, then emptied before DROP.
    assertEquals(3L * 2 * ROWS + 2L * AUTHORS, moved.stream().mapToLong(Long::longValue).sum(),
        "rows moved " + moved);
  }

  /** The setup, then the rebuild one statement at a time: the rows each statement moved. */
  private static List<Long> apply(MigrationMode mode) throws SQLException {
    List<Long> moved = new ArrayList<>();
    try (Connection c = mode.open()) {
      Sqlite.applyAll(c, setUp(), true, "set-up");
      c.setAutoCommit(!mode.oneTransaction);
      for (String statement : Migrations.statements(LibraryRebuild.before(),
          LibraryRebuild.after())) {
        long before = Sqlite.longValue(c, "SELECT total_changes()");
        Sqlite.exec(c, statement);
        long changes = Sqlite.longValue(c, "SELECT total_changes()") - before;
        // CREATE TABLE … AS SELECT is not counted: count what it created.
        Matcher created = CREATE_AS.matcher(statement);
        moved.add(created.find() ? changes + Sqlite.longValue(c, "SELECT count(*) FROM "
            + created.group(1)) : changes);
      }
      if (mode.oneTransaction) {
        c.commit();
        c.setAutoCommit(true);
      }
      for (var table : LibraryRebuild.counts(ROWS).entrySet()) {
        assertEquals(table.getValue(), Sqlite.count(c, table.getKey()), table.getKey());
      }
    }
    return moved;
  }

  private static List<String> setUp() {
    List<String> statements = new ArrayList<>(Migrations.creation(LibraryRebuild.before()));
    statements.addAll(LibraryRebuild.rows(ROWS));
    return statements;
  }
}
