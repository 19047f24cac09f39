package dev.nanoka.cli;

import static dev.nanoka.cli.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI in-process, on real SQLite files: output, messages and exit codes. */
class NanokaCliTest {

  @TempDir Path tmp;
  Path dir;
  Path db;

  @BeforeEach
  void setUp() {
    dir = tmp.resolve("migrations");
    db = tmp.resolve("cli.db");
  }

  /** A database command with this test's --url and --dir. */
  CliRun db(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--url", Sqlite.url(db),
        "--dir", dir.toString()));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  void writeTwo() {
    Migrations.write(dir, "0000_users.sql", "CREATE TABLE users (id integer PRIMARY KEY);");
    Migrations.write(dir, "0001_posts.sql", "CREATE TABLE posts (id integer PRIMARY KEY,"
        + " author integer REFERENCES users (id));");
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    CliRun run = cli("--help");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().startsWith("Usage: nanoka"), run.describe());
    for (String command : List.of("migrate", "status", "validate", "repair", "apply", "help")) {
      assertTrue(Pattern.compile("(?m)^\\s+" + command + "\\s").matcher(run.out()).find(),
          command + run.describe());
    }
    assertTrue(run.out().contains("Exit codes:"), run.describe());
    for (String code : List.of("0", "1", "2", "3", "4")) {
      assertTrue(Pattern.compile("(?m)^\\s+" + code + "\\s+\\S").matcher(run.out()).find(),
          "exit code " + code + run.describe());
    }
    assertEquals("", run.err());
  }

  @Test
  void everyCommandHasHelp() {
    CommandLine root = new CommandLine(new NanokaCli());
    assertTrue(root.getSubcommands().size() >= 6);
    for (String command : root.getSubcommands().keySet()) {
      CliRun run = cli(command, "--help");
      assertEquals(0, run.exitCode(), command + run.describe());
      assertTrue(run.out().contains("Usage: nanoka " + command), command + run.describe());
      if (command.equals("help")) {
        continue;
      }
      CliRun viaHelp = cli("help", command);
      assertEquals(0, viaHelp.exitCode(), command + viaHelp.describe());
      assertEquals(run.out(), viaHelp.out(), command);
    }
  }

  @Test
  void databaseCommandsDocumentTheirDefaults() {
    for (String command : List.of("migrate", "status", "validate", "repair")) {
      String help = cli(command, "--help").out().replaceAll("\\s+", " ");
      assertTrue(help.contains("--url=JDBC_URL"), command + help);
      assertTrue(help.contains("(default: " + DatabaseOptions.DEFAULT_URL + ", a SQLite file in"
          + " the working directory)"), command + help);
      assertTrue(help.contains("--dir=DIR"), command + help);
      assertTrue(help.contains("(default: drizzle/migrations)"), command + help);
      assertTrue(help.contains("--lock-timeout=SECONDS"), command + help);
      assertTrue(help.contains("(default: 300)"), command + help);
    }
    assertEquals("jdbc:sqlite:nanoka.db", DatabaseOptions.DEFAULT_URL);
  }

  @Test
  void version() {
    CliRun run = cli("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("nanoka "), run.describe());
  }

  /**
   * picocli skips its usage checks when --help or --version is given: an unknown command before
   * one must still be wrong usage, not a printed version and success.
   */
  @Test
  void unknownCommandIsWrongUsageEvenBeforeVersionOrHelp() {
    // The report that found this used "baseline", a command now.
    for (String[] args : List.of(new String[] {"frobnicate", "--version", "3"},
        new String[] {"frobnicate", "-V"}, new String[] {"frobnicate", "--help"},
        new String[] {"--version", "frobnicate"},
        new String[] {"migrate", "frobnicate", "--version"},
        new String[] {"migrate", "extra", "--help"})) {
      CliRun run = cli(args);
      assertEquals(2, run.exitCode(), String.join(" ", args) + run.describe());
      assertTrue(run.err().contains("Unmatched argument"), String.join(" ", args) + run.describe());
      assertFalse(run.out().contains("nanoka 0") || run.out().contains("(development build)"),
          "no version printed" + run.describe());
    }
    assertTrue(cli("frobnicate", "--version", "3").err().contains("'frobnicate'"));
  }

  /** Every command's --version prints the CLI's version, not an empty line. */
  @Test
  void versionOfASubcommand() {
    CliRun top = cli("--version");
    for (String command : List.of("migrate", "status", "push", "reset")) {
      CliRun run = cli(command, "--version");
      assertEquals(0, run.exitCode(), command + run.describe());
      assertEquals(top.out(), run.out(), command + run.describe());
    }
  }

  @Test
  void usageErrorsExitWithTwo() {
    for (String[] args : List.of(new String[] {}, new String[] {"frobnicate"},
        new String[] {"migrate", "--no-such-option"}, new String[] {"migrate", "extra-arg"},
        new String[] {"migrate", "--lock-timeout", "soon"},
        new String[] {"migrate", "--lock-timeout", "-1", "--url", "jdbc:sqlite:" + db,
            "--dir", tmp.toString()},
        new String[] {"migrate", "--url"},
        new String[] {"apply"})) {
      CliRun run = cli(args);
      assertEquals(2, run.exitCode(), String.join(" ", args) + run.describe());
      assertFalse(run.err().isBlank(), String.join(" ", args) + run.describe());
      assertFalse(run.err().contains("\tat "), "no stack trace" + run.describe());
    }
    assertTrue(cli().err().contains("Missing a command"));
    assertTrue(cli("migrate", "--lock-timeout", "-1", "--url", "jdbc:sqlite:" + db, "--dir",
        tmp.toString()).err().contains("Invalid --lock-timeout -1"));
    assertFalse(Files.exists(db), "a usage error touches no database");
  }

  @Test
  void migratePrintsProgressAndExitsWithZero() {
    writeTwo();
    CliRun run = db("migrate");
    assertEquals(0, run.exitCode(), run.describe());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).matches("Applying 0000_users\\.sql \\(1/2\\) \\.\\.\\. done in \\d+ ms"),
        run.describe());
    assertTrue(lines.get(1).matches("Applying 0001_posts\\.sql \\(2/2\\) \\.\\.\\. done in \\d+ ms"),
        run.describe());
    assertEquals("Applied 2 migration(s); 2 applied in all.", lines.get(2), run.describe());
    assertEquals(3, lines.size(), run.describe());

    CliRun again = db("migrate");
    assertEquals(0, again.exitCode(), again.describe());
    assertEquals("Nothing to apply: 2 migrations already applied.\n",
        again.out().replace(System.lineSeparator(), "\n"), again.describe());
  }

  @Test
  void failingMigrationExitsWithOneAndSaysWhere() throws Exception {
    writeTwo();
    Migrations.write(dir, "0002_bad.sql",
        "CREATE TABLE fine (x);\nINSERT INTO nowhere VALUES (1);");
    CliRun run = db("migrate");
    assertEquals(1, run.exitCode(), run.describe());
    assertTrue(run.out().contains("Applying 0002_bad.sql (3/3) ... \n")
        || run.out().contains("Applying 0002_bad.sql (3/3) ... " + System.lineSeparator()),
        "the progress line is ended" + run.describe());
    assertTrue(run.err().startsWith("error: 0002_bad.sql: statement 2 of 2 failed"), run.describe());
    assertTrue(run.err().contains("no such table: nowhere"), run.describe());
    assertEquals(List.of("0000_users.sql", "0001_posts.sql"), Sqlite.history(db));
  }

  @Test
  void statusPrintsATable() throws Exception {
    writeTwo();
    db("migrate");
    Migrations.write(dir, "0002_a_much_longer_name.sql", "CREATE TABLE c (x);");
    CliRun run = db("status");
    assertEquals(0, run.exitCode(), run.describe());
    List<String> lines = run.out().lines().toList();
    List<String> appliedAts = Sqlite.column(db, "SELECT applied_at FROM d1_migrations ORDER BY id");
    assertEquals(List.of(
        "Name                         Status    Applied at (UTC)",
        "0000_users.sql               applied   " + appliedAts.get(0),
        "0001_posts.sql               applied   " + appliedAts.get(1),
        "0002_a_much_longer_name.sql  pending   -",
        "1 pending."), lines, run.describe());
    assertEquals("", run.err());

    db("migrate");
    assertTrue(db("status").out().contains("Up to date."));
  }

  @Test
  void statusOfAnEmptyFolder() throws Exception {
    Files.createDirectories(dir);
    Files.createFile(db);
    CliRun run = db("status");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().startsWith("No migrations."), run.describe());
  }

  @Test
  void validateRepairAndTheEditedExitCode() throws Exception {
    writeTwo();
    db("migrate");
    assertEquals("Valid: every applied migration matches its file.", db("validate").out().strip());

    Migrations.write(dir, "0001_posts.sql", "CREATE TABLE posts (id integer PRIMARY KEY);");
    CliRun validate = db("validate");
    assertEquals(1, validate.exitCode(), validate.describe());
    assertTrue(validate.out().contains("0001_posts.sql: edited since it was applied on "),
        validate.describe());
    assertTrue(validate.out().contains("nanoka repair"), validate.describe());

    Migrations.write(dir, "0002_c.sql", "CREATE TABLE c (x);");
    CliRun migrate = db("migrate");
    assertEquals(1, migrate.exitCode(), migrate.describe());
    assertTrue(migrate.err().startsWith("error: Applied migration changed since applied:"
        + " 0001_posts.sql."), migrate.describe());
    assertEquals("", migrate.out(), "no progress line was started" + migrate.describe());
    assertFalse(Sqlite.tableExists(db, "c"));

    CliRun repair = db("repair");
    assertEquals(0, repair.exitCode(), repair.describe());
    assertEquals("Accepted the edited 0001_posts.sql", repair.out().strip(), repair.describe());
    assertEquals("Nothing to repair.", db("repair").out().strip());
    assertEquals(0, db("validate").exitCode());
    assertEquals(0, db("migrate", "--no-drift-check").exitCode());
    assertTrue(Sqlite.tableExists(db, "c"));

    Files.delete(dir.resolve("0000_users.sql"));
    CliRun missing = db("validate");
    assertEquals(1, missing.exitCode(), missing.describe());
    assertTrue(missing.out().contains("0000_users.sql: applied on "), missing.describe());
    assertTrue(missing.out().contains("but the file is missing"), missing.describe());
    CliRun repairMissing = db("repair");
    assertTrue(repairMissing.out().contains("Still in the history without a file: 0000_users.sql"),
        repairMissing.describe());
  }

  @Test
  void fileThatAppearsBeforeAnAppliedOneIsRefusedUnlessOutOfOrder() throws Exception {
    Migrations.write(dir, "0000_users.sql", "CREATE TABLE users (id integer PRIMARY KEY);");
    Migrations.write(dir, "0002_c.sql", "CREATE TABLE c (x);");
    assertEquals(0, db("migrate").exitCode());
    Migrations.write(dir, "0001_posts.sql", "CREATE TABLE posts (id integer PRIMARY KEY);");

    CliRun status = db("status");
    assertEquals(0, status.exitCode(), status.describe());
    assertTrue(status.out().contains("\n0001_posts.sql  pending (out of order)  -\n"),
        status.describe());
    assertTrue(status.out().contains("\n1 out of order: 0001_posts.sql sorts before the applied"
        + " 0002_c.sql; migrate refuses it without --out-of-order.\n"), status.describe());
    CliRun validate = db("validate");
    assertEquals(1, validate.exitCode(), validate.describe());
    assertTrue(validate.out().contains("0001_posts.sql: not applied, but 0002_c.sql after it is"),
        validate.describe());
    assertTrue(validate.out().contains("--out-of-order"), validate.describe());
    CliRun migrate = db("migrate");
    assertEquals(1, migrate.exitCode(), migrate.describe());
    assertTrue(migrate.err().startsWith("error: 0001_posts.sql sorts before 0002_c.sql"),
        migrate.describe());
    assertEquals(List.of("0000_users.sql", "0002_c.sql"), Sqlite.history(db));

    assertEquals(0, db("validate", "--out-of-order").exitCode());
    CliRun allowed = db("migrate", "--out-of-order");
    assertEquals(0, allowed.exitCode(), allowed.describe());
    assertTrue(allowed.out().contains("Applied out of order: 0001_posts.sql"), allowed.describe());
    assertEquals(List.of("0000_users.sql", "0002_c.sql", "0001_posts.sql"), Sqlite.history(db));
    assertEquals(0, db("validate").exitCode());
  }

  @Test
  void squashedHistoryStillMigratesAndShowsItsStatus() throws Exception {
    writeTwo();
    assertEquals(0, db("migrate").exitCode());
    Files.delete(dir.resolve("0000_users.sql"));
    Migrations.write(dir, "0002_c.sql", "CREATE TABLE c (x);");
    CliRun migrate = db("migrate");
    assertEquals(0, migrate.exitCode(), migrate.describe());
    assertTrue(migrate.err().contains("warning: Drift not checked: Cannot replay the history:"
        + " applied migration without a file (0000_users.sql)."), migrate.describe());
    assertTrue(migrate.out().contains("Applied 1 migration(s)"), migrate.describe());
    CliRun status = db("status");
    assertEquals(0, status.exitCode(), status.describe());
    assertTrue(status.out().contains("0000_users.sql  missing"), status.describe());
    assertTrue(status.out().contains("Drift not checked: "), status.describe());
  }

  @Test
  void wranglerRowsAreAdoptedVisibly() throws Exception {
    writeTwo();
    Sqlite.exec(db, Sqlite.WRANGLER_HISTORY_TABLE,
        "CREATE TABLE users (id integer PRIMARY KEY);",
        "INSERT INTO d1_migrations (name) values ('0000_users.sql');");
    CliRun run = db("migrate");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("Adopted 0000_users.sql (applied by wrangler): checksum recorded"),
        run.describe());
    assertTrue(run.out().contains("Applied 1 migration(s); 2 applied in all."), run.describe());
  }

  @Test
  void unreadableFolderOrDatabaseExitsWithFour() throws Exception {
    CliRun noFolder = db("migrate");
    assertEquals(4, noFolder.exitCode(), noFolder.describe());
    assertTrue(noFolder.err().contains("Cannot read the migrations"), noFolder.describe());
    assertTrue(noFolder.err().contains(dir.toString()), noFolder.describe());
    assertFalse(Files.exists(db), "no database is created for a wrong folder");
    for (String command : List.of("status", "validate", "repair")) {
      assertEquals(4, db(command).exitCode(), command);
    }
    assertFalse(Files.exists(db));

    writeTwo();
    for (String url : List.of("jdbc:nosuch:db", "not a url at all",
        "jdbc:sqlite:" + tmp.resolve("missing/folder/x.db"))) {
      for (String command : List.of("migrate", "status", "validate", "repair")) {
        CliRun run = cli(command, "--url", url, "--dir", dir.toString());
        assertEquals(4, run.exitCode(), command + " " + url + run.describe());
        assertTrue(run.err().startsWith(url.startsWith("jdbc:sqlite:") && !command.equals("migrate")
            ? "error: No database at " : "error: Cannot open the database"), run.describe());
      }
    }
  }

  /** A typo in --url must fail CI, not pass it with an empty new database. */
  @Test
  void commandsThatOnlyReadNeedAnExistingDatabaseAndCreateNone() throws Exception {
    writeTwo();
    for (String command : List.of("status", "validate", "repair")) {
      CliRun run = db(command);
      assertEquals(4, run.exitCode(), command + run.describe());
      assertTrue(run.err().startsWith("error: No database at " + db + ": "),
          command + run.describe());
      assertTrue(run.err().contains("check the URL (" + Sqlite.url(db) + ")"),
          command + run.describe());
      assertFalse(Files.exists(db), command + " created " + db);
    }
    CliRun relative = cli("status", "--url", "jdbc:sqlite:no-such-file-here.db", "--dir",
        dir.toString());
    assertEquals(4, relative.exitCode(), relative.describe());
    assertTrue(relative.err().contains(Path.of("no-such-file-here.db").toAbsolutePath().toString()),
        "the path as the CLI resolved it" + relative.describe());
    assertFalse(Files.exists(Path.of("no-such-file-here.db")));

    assertEquals(0, db("migrate").exitCode(), "migrate creates it");
    assertEquals(0, db("validate").exitCode());
  }

  /**
   * A database that cannot be written is an environment problem like one that cannot be read
   * (exit 4), not a failed migration (1), and the message says so. A read-only URL makes it
   * read-only for every user, root included.
   */
  @Test
  void readOnlyDatabaseExitsWithFourAndSaysSo() throws Exception {
    writeTwo();
    String readOnly = "jdbc:sqlite:file:" + db + "?mode=ro";
    Files.createFile(db); // no history tables yet: the first write creates them
    CliRun fresh = cli("migrate", "--url", readOnly, "--dir", dir.toString());
    assertEquals(4, fresh.exitCode(), fresh.describe());
    assertTrue(fresh.err().contains("read-only"), fresh.describe());

    assertEquals(0, db("migrate").exitCode());
    Migrations.write(dir, "0002_c.sql", "CREATE TABLE c (x);");
    CliRun pending = cli("migrate", "--url", readOnly, "--dir", dir.toString());
    assertEquals(4, pending.exitCode(), pending.describe());
    assertTrue(pending.err().startsWith("error: The database is read-only: 0002_c.sql was not"
        + " applied"), pending.describe());
    assertEquals(List.of("0000_users.sql", "0001_posts.sql"), Sqlite.history(db));

    Migrations.write(dir, "0001_posts.sql", "CREATE TABLE posts (id integer PRIMARY KEY);");
    CliRun repair = cli("repair", "--url", readOnly, "--dir", dir.toString());
    assertEquals(4, repair.exitCode(), repair.describe());
    assertTrue(repair.err().contains("read-only"), repair.describe());
  }

  /** The same through file permissions; root writes to any file, so it needs another user. */
  @Test
  void readOnlyFileExitsWithFour() throws Exception {
    writeTwo();
    assertEquals(0, db("migrate").exitCode());
    Migrations.write(dir, "0002_c.sql", "CREATE TABLE c (x);");
    Files.setPosixFilePermissions(db, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(db),
        "this user can write to a read-only file (root)");
    CliRun run = db("migrate");
    assertEquals(4, run.exitCode(), run.describe());
    assertTrue(run.err().contains("read-only"), run.describe());
  }

  @Test
  void lockTimeoutExitsWithThree() throws Exception {
    writeTwo();
    try (Connection holder = Sqlite.open(db); Statement statement = holder.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      statement.execute("CREATE TABLE someone_elses (x)");
      CliRun run = db("migrate", "--lock-timeout", "1");
      assertEquals(3, run.exitCode(), run.describe());
      assertTrue(run.err().startsWith("error: Waited 1 s for the database's write lock"),
          run.describe());
      CliRun repair = db("repair", "--lock-timeout", "0");
      assertEquals(3, repair.exitCode(), repair.describe());
      statement.execute("ROLLBACK");
    }
    assertEquals(List.of(), Sqlite.history(db));
    assertFalse(Sqlite.tableExists(db, "users"));
  }
}
