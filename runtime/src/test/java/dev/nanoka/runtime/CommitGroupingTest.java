package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Migrations.write;
import static dev.nanoka.core.testing.Sqlite.history;
import static dev.nanoka.core.testing.Sqlite.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.Sqlite;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending files share a transaction until {@code commitEvery} has passed: what another
 * connection sees while a run is under way, and what a failure keeps.
 */
class CommitGroupingTest {

  @TempDir Path tmp;
  Path dir;
  Path db;

  @BeforeEach
  void setUp() {
    dir = tmp.resolve("migrations");
    db = tmp.resolve("app.db");
    write(dir, "0000_a.sql", "CREATE TABLE a (x);");
    write(dir, "0001_b.sql", "CREATE TABLE b (x);");
    write(dir, "0002_c.sql", "CREATE TABLE c (x);");
  }

  /** The history another connection sees each time the run is about to apply a file. */
  List<List<String>> committedBeforeEachFile(Duration commitEvery) throws Exception {
    List<List<String>> seen = new ArrayList<>();
    Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir))
        .commitEvery(commitEvery)
        .listener(new MigrationListener() {
          @Override
          public void applying(String name, int position, int total) {
            try {
              seen.add(history(db));
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        })
        .migrate();
    return seen;
  }

  @Test
  void quickFilesCommitTogether() throws Exception {
    assertEquals(List.of(List.of(), List.of(), List.of()),
        committedBeforeEachFile(Duration.ofMinutes(1)));
    assertEquals(List.of("0000_a.sql", "0001_b.sql", "0002_c.sql"), history(db));
  }

  @Test
  void zeroCommitsAfterEveryFile() throws Exception {
    assertEquals(List.of(List.of(), List.of("0000_a.sql"), List.of("0000_a.sql", "0001_b.sql")),
        committedBeforeEachFile(Duration.ZERO));
  }

  @Test
  void failingFileKeepsTheFilesOfItsTransactionBeforeIt() throws Exception {
    write(dir, "0002_c.sql", "CREATE TABLE c (x);\nINSERT INTO nowhere VALUES (1);");
    MigrationException e = assertThrows(MigrationException.class, () ->
        Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir))
            .commitEvery(Duration.ofMinutes(1)).migrate());
    assertTrue(e.getMessage().startsWith("0002_c.sql: statement 2 of 2 failed"), e.getMessage());
    assertEquals(List.of("0000_a.sql", "0001_b.sql"), history(db));
    assertFalse(tableExists(db, "c"));
  }

  /**
   * {@code RAISE(ROLLBACK)} ends the whole transaction, as SQLite does itself on I/O errors or a
   * full disk: the files before the failing one went with it, and the message must say so.
   */
  @Test
  void transactionEndedByTheDatabaseUndoesTheFilesBeforeAndSaysSo() throws Exception {
    write(dir, "0002_c.sql", "CREATE TABLE c (x);\n"
        + "CREATE TRIGGER c_guard BEFORE INSERT ON c BEGIN SELECT RAISE(ROLLBACK, 'no c'); END;\n"
        + "INSERT INTO c VALUES (1);");
    MigrationException e = assertThrows(MigrationException.class, () ->
        Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir)).migrate());
    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("0002_c.sql: statement 3 of 3 failed"), e.getMessage());
    assertTrue(e.getMessage().contains("no c"), e.getMessage());
    assertTrue(e.getMessage().contains("The database rolled back the whole transaction, so these"
        + " files applied earlier in it are not applied either: 0000_a.sql, 0001_b.sql"),
        e.getMessage());
    assertEquals(List.of(), history(db));
    assertFalse(tableExists(db, "a"));

    // The connection was left clean: fixed, the next run applies everything.
    write(dir, "0002_c.sql", "CREATE TABLE c (x);");
    assertEquals(List.of("0000_a.sql", "0001_b.sql", "0002_c.sql"),
        Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir)).migrate()
            .applied());
  }

  @Test
  void negativeCommitEveryIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Migrator.forUrl(Sqlite.url(db))
        .commitEvery(Duration.ofMillis(-1)));
  }
}
