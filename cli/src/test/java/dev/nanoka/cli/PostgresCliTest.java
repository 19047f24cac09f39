package dev.nanoka.cli;

import static dev.nanoka.runtime.postgres.PostgresHistoryRows.drizzleRows;
import static dev.nanoka.runtime.postgres.PostgresHistoryRows.strings;
import static dev.nanoka.runtime.postgres.PostgresHistoryRows.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import dev.nanoka.runtime.postgres.PostgresFolders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code nanoka migrate --url jdbc:postgresql://…} on a real server, in-process and in JVMs. */
@ExtendWith(PostgresExtension.class)
class PostgresCliTest {

  static final int PROCESSES = 8;

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NanokaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void migrateStatusDiffResetAndPushOfSqliteModels(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));

    Run migrate = cli("migrate", "--url", db.url(), "--dir", dir.toString());
    assertEquals(0, migrate.code(), migrate.toString());
    assertTrue(migrate.out().contains("Applied 3 migration(s); 3 applied in all."),
        migrate.toString());
    assertFalse(migrate.err().contains("Drift"), migrate.toString());
    assertEquals(List.of("posts", "users"), tables(db));

    Run status = cli("status", "--url", db.url(), "--dir", dir.toString());
    assertEquals(0, status.code(), status.toString());
    assertTrue(status.out().contains("0002_add_users_nickname.sql"), status.toString());
    assertFalse(status.out().contains("pending"), status.toString());

    Run again = cli("migrate", "--url", db.url(), "--dir", dir.toString(), "--no-drift-check");
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.out().contains("Nothing to apply: 3 migrations already applied."),
        again.toString());

    Run push = cli("push", "--url", db.url(), "--schema", PrototypingCliTest.DRAFT_CLASS);
    Run diff = cli("diff", "--from", "migrations", "--to", "database", "--url", db.url(),
        "--dir", dir.toString());
    Run reset = cli("reset", "--url", db.url(), "--dir", dir.toString(), "--force",
        "--skip-seed");
    assertEquals(1, push.code(), push.toString());
    assertTrue(push.err().contains("The models are not PostgreSQL's"), push.toString());
    assertEquals(0, diff.code(), diff.toString());
    assertEquals(0, reset.code(), reset.toString());
    assertEquals(List.of("posts", "users"), tables(db));
  }

  @Test
  void aMissingDatabaseExitsFourAndAHeldLockExitsThree(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    String missing = db.url().replace("/" + db.name() + "?", "/" + db.name() + "_nope?");
    Run none = cli("migrate", "--url", missing, "--dir", dir.toString());
    assertEquals(4, none.code(), none.toString());
    assertTrue(none.err().contains("database \"" + db.name() + "_nope\" does not exist"),
        none.toString());

    try (Connection holder = db.connect(); var s = holder.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + 0x6E616E6F6B61L + ")"); // as a migrator would
      Run locked = cli("migrate", "--url", db.url(), "--dir", dir.toString(), "--lock-timeout",
          "1");
      assertEquals(3, locked.code(), locked.toString());
      assertTrue(locked.err().contains("another process is migrating"), locked.toString());
    }
    assertEquals(List.of(), tables(db));
    Run script = cli("rollback", "--to", "0", "--script", "--url", db.url(), "--dir",
        dir.toString());
    assertEquals(1, script.code(), script.toString());
    assertTrue(script.err().contains("rollback --script is not supported on PostgreSQL"),
        script.toString());
  }

  @Test
  void eightProcessesApplyEachFileOnce(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    PostgresFolders.addCustom(dir, "0003_rows", "INSERT INTO \"users\" (\"email\")"
        + " VALUES ('once@example.com');");
    Path barrier = Files.createDirectories(tmp.resolve("barrier"));
    List<JvmProcesses.Started> started = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      started.add(JvmProcesses.start(StartTogether.class, List.of(barrier.toString(),
          "migrate", "--url", db.url(), "--dir", dir.toString(), "--lock-timeout", "60"),
          tmp.resolve("logs"), "p" + p));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (ready(barrier) < PROCESSES) {
      for (JvmProcesses.Started s : started) {
        assertTrue(s.process().isAlive(), "a process died before the start" + s.describe());
      }
      assertTrue(System.nanoTime() < deadline, "the processes did not get ready in 120 s");
      Thread.sleep(10);
    }
    Files.createFile(barrier.resolve("go"));

    int appliedInAll = 0;
    Pattern applied = Pattern.compile("Applied (\\d+) migration");
    for (JvmProcesses.Started s : started) {
      assertTrue(s.process().waitFor(120, TimeUnit.SECONDS), "still running" + s.describe());
      assertEquals(0, s.process().exitValue(), s.describe());
      Matcher m = applied.matcher(s.stdout());
      if (m.find()) {
        appliedInAll += Integer.parseInt(m.group(1));
      } else {
        assertTrue(s.stdout().contains("Nothing to apply"), s.describe());
      }
    }
    assertEquals(4, appliedInAll, "the processes together applied each file once");
    assertEquals(4, drizzleRows(db).size());
    try (Connection c = db.connect()) {
      assertEquals(List.of("1"), strings(c, "SELECT count(*) FROM users"));
      assertEquals(List.of("4"), strings(c,
          "SELECT count(*) FROM drizzle.nanoka_migration_checksums"));
    }
  }

  /**
   * kill -9 during a slow statement: the server rolls the open transaction back (the slow file
   * and the files committed with it), and the next migrate applies everything. The slow
   * statement sleeps only where the connection asks for it, so the second run is quick.
   */
  @Test
  void killedMidStatementLeavesNothingHalfAppliedAndTheNextRunCompletes(PostgresDatabase db)
      throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    PostgresFolders.addCustom(dir, "0003_slow", "CREATE TABLE \"slow\" (\"x\" int);\n"
        + "--> statement-breakpoint\nSELECT pg_sleep(CASE WHEN current_setting("
        + "'nanoka.test_slow', true) = 'on' THEN 60 ELSE 0 END);");
    String slowUrl = db.url() + "&options=-c%20nanoka.test_slow%3Don";

    JvmProcesses.Started run = JvmProcesses.start(NanokaCli.class, List.of("migrate", "--url",
        slowUrl, "--dir", dir.toString()), tmp.resolve("logs"), "killed");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (Connection watch = db.connect()) {
      while (strings(watch, "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
          + db.name() + "' AND state = 'active' AND query LIKE '%pg_sleep%'"
          + " AND pid <> pg_backend_pid()").equals(List.of("0"))) {
        assertTrue(run.process().isAlive(), "ended before the slow statement" + run.describe());
        assertTrue(System.nanoTime() < deadline, "never reached the slow statement"
            + run.describe());
        Thread.sleep(5);
      }
    }
    run.process().destroyForcibly(); // SIGKILL on Unix
    assertTrue(run.process().waitFor(30, TimeUnit.SECONDS));
    long killed = System.nanoTime();

    // Once the server has ended the killed session: the slow file and its history row are
    // gone, and every file recorded has its tables (none half there, none unrecorded).
    try (Connection watch = db.connect()) {
      while (!strings(watch, "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
          + db.name() + "' AND pid <> pg_backend_pid()").equals(List.of("0"))) {
        assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(90),
            "the killed session is still there after 90 s");
        Thread.sleep(5);
      }
    }
    long hadRecorded = drizzleRows(db).size();
    assertTrue(hadRecorded < 4, "the slow file was recorded");
    assertFalse(tables(db).contains("slow"), "the slow file's table outlived its session");
    List<String> expected = List.of(List.<String>of(), List.of("users"),
        List.of("posts", "users"), List.of("posts", "users")).get((int) hadRecorded);
    assertEquals(expected, tables(db), "tables of exactly the recorded files");

    Run again = cli("migrate", "--url", db.url(), "--dir", dir.toString(), "--lock-timeout",
        "120");
    long took = System.nanoTime() - killed;
    assertEquals(0, again.code(), again + run.describe());
    assertEquals(4, drizzleRows(db).size());
    assertTrue(tables(db).contains("slow"));
    // Not asserted (no timed tests): how long the killed session held the lock.
    System.out.printf("next migrate done %d ms after kill -9 of one in a 60 s statement"
        + " (%d of 4 files had been committed)%n", TimeUnit.NANOSECONDS.toMillis(took),
        hadRecorded);
  }

  private static long ready(Path barrier) throws Exception {
    try (var files = Files.list(barrier)) {
      return files.filter(f -> f.getFileName().toString().startsWith("ready-")).count();
    }
  }
}
