package dev.nanoka.cli;

import static dev.nanoka.core.testing.Migrations.write;
import static dev.nanoka.core.testing.Sqlite.history;
import static dev.nanoka.core.testing.Sqlite.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL, no shutdown hooks, no rollback of its own) while it applies a file:
 * SQLite's journal must undo its open transaction — the file, and the quick file before it that
 * ran in the same transaction (files commit together, at most a second apart) — and the next run
 * must apply them.
 */
class KilledMigrateTest {

  /** Rows the slow file inserts: about 40 MB, a second or two. */
  static final int SLOW_ROWS = 600_000;

  @TempDir Path tmp;

  @Test
  void killedMidFileLeavesTheDatabaseAsBeforeItsTransaction() throws Exception {
    Path dir = tmp.resolve("migrations");
    Path db = tmp.resolve("killed.db");
    write(dir, "0000_create.sql", "CREATE TABLE before_kill (x);\nINSERT INTO before_kill VALUES (1);");
    write(dir, "0001_slow.sql", "CREATE TABLE slow (i integer, s text);\n"
        + "INSERT INTO before_kill VALUES (2);\n"
        + "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < " + SLOW_ROWS
        + ") INSERT INTO slow SELECT i, hex(randomblob(16)) FROM r;\n");
    write(dir, "0002_after.sql", "CREATE TABLE after_kill (x);");
    List<String> args = List.of("migrate", "--url", Sqlite.url(db), "--dir", dir.toString());

    JvmProcesses.Started run =
        JvmProcesses.start(NanokaCli.class, args, tmp.resolve("logs"), "killed");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!run.stdout().contains("Applying 0001_slow.sql (2/3) ...")) {
      assertTrue(run.process().isAlive(), "ended before the slow file" + run.describe());
      assertTrue(System.nanoTime() < deadline, "never reached the slow file" + run.describe());
      Thread.sleep(2);
    }
    // Inside the big INSERT once SQLite has spilled its first uncommitted pages into the file
    // (the hot journal then has to undo them): whatever the machine's speed.
    long sizeBefore = Files.size(db);
    while (Files.size(db) < sizeBefore + 4 * 1024 * 1024) {
      assertTrue(run.process().isAlive(), "ended during the slow file" + run.describe());
      assertTrue(System.nanoTime() < deadline, "the slow file wrote nothing" + run.describe());
      Thread.sleep(2);
    }
    assertTrue(run.process().isAlive(), "the slow file finished too soon to be interrupted; raise"
        + " SLOW_ROWS" + run.describe());
    run.process().destroyForcibly(); // SIGKILL on Unix
    assertTrue(run.process().waitFor(30, TimeUnit.SECONDS));
    assertFalse(run.stdout().substring(run.stdout().indexOf("0001_slow.sql")).contains("done"),
        "the slow file completed" + run.describe());
    assertTrue(Files.exists(tmp.resolve("killed.db-journal")), "no hot journal left behind?");

    // The journal rolls the transaction back when the database is next opened.
    assertEquals("ok", Sqlite.integrityCheck(db));
    assertEquals(List.of(), history(db));
    assertFalse(tableExists(db, "slow"), "the killed file's table must be gone");
    assertFalse(tableExists(db, "before_kill"), "0000 ran in the killed transaction");
    assertFalse(tableExists(db, "after_kill"));

    // No lock outlives the process: the next run applies the rest straight away.
    JvmProcesses.Started again = JvmProcesses.start(NanokaCli.class,
        List.of("migrate", "--url", Sqlite.url(db), "--dir", dir.toString(),
            "--lock-timeout", "5"), tmp.resolve("logs"), "again");
    assertTrue(again.process().waitFor(120, TimeUnit.SECONDS), again.describe());
    assertEquals(0, again.process().exitValue(), again.describe());
    assertTrue(again.stdout().contains("Applying 0001_slow.sql (2/3)"), again.describe());
    assertTrue(again.stdout().contains("Applied 3 migration(s); 3 applied in all."),
        again.describe());
    assertEquals(List.of("0000_create.sql", "0001_slow.sql", "0002_after.sql"), history(db));
    assertEquals(List.of(String.valueOf(SLOW_ROWS)),
        Sqlite.column(db, "SELECT count(*) FROM slow"));
    assertEquals(List.of("1", "2"), Sqlite.column(db, "SELECT x FROM before_kill ORDER BY x"));
    assertEquals("ok", Sqlite.integrityCheck(db));
  }
}
