package dev.nanoka.cli;

import static dev.nanoka.core.testing.Migrations.write;
import static dev.nanoka.core.testing.Sqlite.column;
import static dev.nanoka.core.testing.Sqlite.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationListener;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs migrate one SQLite file at the same moment, as the instances of a freshly deployed
 * application do. SQLite's write lock ({@code BEGIN IMMEDIATE}) must make every file apply once.
 */
class ConcurrentMigrateTest {

  static final int PROCESSES = 5;
  static final int MIGRATIONS = 10;

  @TempDir Path tmp;

  @Test
  void severalProcessesApplyEachMigrationExactlyOnce() throws Exception {
    Path dir = tmp.resolve("migrations");
    Path db = tmp.resolve("shared.db");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < MIGRATIONS; i++) {
      String name = String.format("%04d_step_%d.sql", i, i);
      names.add(name);
      StringBuilder sql = new StringBuilder();
      if (i == 0) {
        sql.append("CREATE TABLE applied_log (id integer PRIMARY KEY AUTOINCREMENT,"
            + " name text NOT NULL);\n--> statement-breakpoint\n");
      }
      sql.append("CREATE TABLE `t").append(i).append("` (`x` integer);\n");
      if (i % 3 == 1) {
        // Slowish: long enough that the others queue up for the lock.
        sql.append("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 50000)"
            + " INSERT INTO `t").append(i).append("` SELECT i FROM r;\n");
      }
      sql.append("INSERT INTO applied_log (name) VALUES ('").append(name).append("');\n");
      write(dir, name, sql.toString());
    }

    Path barrier = Files.createDirectories(tmp.resolve("barrier"));
    List<JvmProcesses.Started> started = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      started.add(JvmProcesses.start(StartTogether.class, List.of(barrier.toString(),
          "migrate", "--url", Sqlite.url(db), "--dir", dir.toString(), "--lock-timeout", "60"),
          tmp.resolve("logs"), "p" + p));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (countReady(barrier) < PROCESSES) {
      for (JvmProcesses.Started s : started) {
        assertTrue(s.process().isAlive() || s.process().exitValue() == 0,
            "a process died before the start" + s.describe());
      }
      assertTrue(System.nanoTime() < deadline, "the processes did not get ready in 60 s");
      Thread.sleep(10);
    }
    Files.createFile(barrier.resolve("go"));

    int appliedInAll = 0;
    Pattern applied = Pattern.compile("Applied (\\d+) migration");
    for (JvmProcesses.Started s : started) {
      assertTrue(s.process().waitFor(60, TimeUnit.SECONDS), "still running" + s.describe());
      assertEquals(0, s.process().exitValue(), s.describe());
      assertFalse(s.stderr().contains("Drift"), "no drift: every change came from a migration"
          + s.describe());
      Matcher m = applied.matcher(s.stdout());
      if (m.find()) {
        appliedInAll += Integer.parseInt(m.group(1));
      } else {
        assertTrue(s.stdout().contains("Nothing to apply"), s.describe());
      }
    }

    assertEquals(MIGRATIONS, appliedInAll, "the processes together applied each file once");
    assertEquals(names, column(db, "SELECT name FROM applied_log ORDER BY id"),
        "each migration ran exactly once, in order");
    assertEquals(names, history(db));
    assertEquals(names, column(db, "SELECT name FROM nanoka_migration_checksums ORDER BY name"));
    assertEquals("ok", Sqlite.integrityCheck(db));
    assertEquals(List.of("50000"), column(db, "SELECT count(*) FROM t1"));
  }

  private static long countReady(Path barrier) throws Exception {
    try (var files = Files.list(barrier)) {
      return files.filter(f -> f.getFileName().toString().startsWith("ready-")).count();
    }
  }

  /** A process that cannot get the write lock in time gives up with exit code 3. */
  @Test
  void lockTimeoutExitsWithThreeAndAppliesNothing() throws Exception {
    Path dir = tmp.resolve("migrations");
    Path db = tmp.resolve("locked.db");
    write(dir, "0000_first.sql", "CREATE TABLE first (x);");
    assertEquals(0, NanokaCli.run(new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()),
        "migrate", "--url", Sqlite.url(db), "--dir", dir.toString()));
    write(dir, "0001_second.sql", "CREATE TABLE second (x);");

    JvmProcesses.Started run;
    long took;
    try (Connection holder = Sqlite.open(db); Statement statement = holder.createStatement()) {
      statement.execute("BEGIN IMMEDIATE"); // another writer holds the lock throughout
      statement.execute("INSERT INTO first VALUES (1)");
      long start = System.nanoTime();
      run = JvmProcesses.start(NanokaCli.class, List.of("migrate", "--url",
          Sqlite.url(db), "--dir", dir.toString(), "--lock-timeout", "1"),
          tmp.resolve("logs"), "locked");
      assertTrue(run.process().waitFor(60, TimeUnit.SECONDS), run.describe());
      took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      statement.execute("COMMIT");
    }
    assertEquals(3, run.process().exitValue(), run.describe());
    assertTrue(run.stderr().contains("Waited 1 s for the database's write lock"), run.describe());
    assertTrue(run.stderr().contains("--lock-timeout"), run.describe());
    assertTrue(took >= 1000, "gave up after " + took + " ms, before the timeout");
    assertEquals(List.of("0000_first.sql"), history(db));
    assertFalse(Sqlite.tableExists(db, "second"));

    // Once the lock is free the same command succeeds.
    assertEquals(0, NanokaCli.run(new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()),
        "migrate", "--url", Sqlite.url(db), "--dir", dir.toString(), "--lock-timeout", "1"));
    assertEquals(List.of("0000_first.sql", "0001_second.sql"), history(db));
  }

  /**
   * A run that read the history before another one applied the files finds them applied when it
   * gets the lock, and does not apply them again. Deterministic: the first run is held between
   * reading the history and applying, while the second runs.
   */
  @Test
  void runThatFindsAFileAppliedMeanwhileSkipsIt() throws Exception {
    Path dir = tmp.resolve("migrations");
    Path db = tmp.resolve("meanwhile.db");
    write(dir, "0000_a.sql", "CREATE TABLE a (x);\nINSERT INTO a VALUES (1);");
    write(dir, "0001_b.sql", "CREATE TABLE b (x);");
    java.util.concurrent.CountDownLatch readHistory = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch otherDone = new java.util.concurrent.CountDownLatch(1);
    List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.FutureTask<MigrateResult> first = new java.util.concurrent.FutureTask<>(
        () -> Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir))
            .listener(new MigrationListener() {
              @Override
              public void pending(int pending) {
                events.add("pending " + pending);
                readHistory.countDown();
                try {
                  otherDone.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              }

              @Override
              public void appliedElsewhere(String name) {
                events.add("elsewhere " + name);
              }
            }).migrate());
    new Thread(first).start();
    assertTrue(readHistory.await(30, TimeUnit.SECONDS));
    MigrateResult second = Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir))
        .migrate();
    otherDone.countDown();
    MigrateResult firstResult = first.get(30, TimeUnit.SECONDS);

    assertEquals(List.of("0000_a.sql", "0001_b.sql"), second.applied());
    assertEquals(List.of(), firstResult.applied());
    assertEquals(List.of("0000_a.sql", "0001_b.sql"), firstResult.upToDate());
    assertEquals(List.of("pending 2", "elsewhere 0000_a.sql", "elsewhere 0001_b.sql"), events);
    assertEquals(List.of("1"), column(db, "SELECT count(*) FROM a"));
    assertEquals(List.of("0000_a.sql", "0001_b.sql"), history(db));
  }
}
