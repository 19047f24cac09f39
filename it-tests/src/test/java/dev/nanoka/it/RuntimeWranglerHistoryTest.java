package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's history is wrangler's: a folder applied by {@code nanoka migrate} (the packaged
 * CLI jar, over JDBC) is up to date for {@code wrangler d1 migrations apply --local} on the same
 * database file, and the reverse. Both run for real, offline; the database is the SQLite file
 * wrangler's local D1 keeps under {@code --persist-to}.
 */
class RuntimeWranglerHistoryTest {

  private static final String DATABASE = "nanoka_history_it";
  private static final Path CLI_JAR =
      ItPaths.repoRoot().resolve("cli/target/nanoka-cli.jar");
  private static final Duration CLI_TIMEOUT = Duration.ofMinutes(2);

  /** The example's first migration, then a generated-style and a hand-written migration. */
  private static final List<String> FILES = List.of(
      "0000_create_users_posts_tags_post_tags.sql",
      "0001_add_users_nickname.sql",
      "0002_hand_written.sql");

  @BeforeAll
  static void cliJarIsCurrent() throws IOException {
    String build = "Run `mvn -B install` (or verify) from the repository root: the it-tests use"
        + " the CLI jar the cli module packages.";
    if (!Files.isRegularFile(CLI_JAR)) {
      throw new AssertionError(CLI_JAR + " does not exist. " + build);
    }
    FileTime jar = Files.getLastModifiedTime(CLI_JAR);
    for (String module : java.util.List.of("core", "runtime", "cli")) {
      try (Stream<Path> classes =
          Files.walk(ItPaths.repoRoot().resolve(module + "/target/classes"))) {
        for (Path file : classes.filter(Files::isRegularFile).toList()) {
          if (Files.getLastModifiedTime(file).compareTo(jar) > 0) {
            throw new AssertionError(CLI_JAR + " is older than " + file + " (stale). " + build);
          }
        }
      }
    }
  }

  /** A wrangler project whose D1 binding takes its migrations from {@code migrations/}. */
  private static Path project(String name) throws IOException {
    Path project = ItPaths.target().resolve("runtime-wrangler-history").resolve(name);
    TestFiles.deleteRecursively(project);
    Path migrations = Files.createDirectories(project.resolve("migrations"));
    Path generated = ItPaths.example("blog").resolve("drizzle/migrations");
    // The example's first migration only: the two below follow it.
    TestFiles.replaceWithCopy(generated, migrations,
        path -> !path.toString().isEmpty() && !path.toString().equals(FILES.get(0)));
    Files.writeString(migrations.resolve(FILES.get(1)),
        "ALTER TABLE `users` ADD `nickname` text;--> statement-breakpoint\n"
            + "CREATE INDEX `users_nickname_idx` ON `users` (`nickname`);");
    Files.writeString(migrations.resolve(FILES.get(2)), """
        -- Written by hand: a trigger whose body holds semicolons, and seed rows.
        CREATE TABLE audit (msg text NOT NULL);
        CREATE TRIGGER users_audit AFTER INSERT ON users
        BEGIN
          INSERT INTO audit (msg) VALUES ('new user; ' || CASE WHEN new.nickname IS NULL
            THEN 'no nickname' ELSE new.nickname END);
        END;
        INSERT INTO users (id, email, name, passwordHash, createdAt, nickname)
          VALUES ('u1', 'ann@example.com', 'Ann; the first', 'x', 0, NULL);
        INSERT INTO tags (name) VALUES ('it''s; a tag');
        """);
    Files.writeString(project.resolve("wrangler.jsonc"), """
        {
          "name": "nanoka-history-it",
          "compatibility_date": "2025-01-01",
          "d1_databases": [
            {
              "binding": "DB",
              "database_name": "%s",
              "database_id": "0b6c3d1e-7f2a-4c59-8e41-2d9a6b5c7e13",
              "migrations_dir": "migrations"
            }
          ]
        }
        """.formatted(DATABASE));
    return project;
  }

  private static CommandResult wrangler(Path project, String label, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--persist-to", "state"));
    return NodeTools.wrangler(project, project.resolve("home"),
        project.resolve("logs").resolve(label + ".log"), command.toArray(String[]::new));
  }

  /** The SQLite file of the local D1 database (miniflare names it after a hash). */
  private static Path d1File(Path project) throws IOException {
    Path folder = project.resolve("state/v3/d1/miniflare-D1DatabaseObject");
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> databases = files
          .filter(f -> f.getFileName().toString().endsWith(".sqlite"))
          .filter(f -> !f.getFileName().toString().equals("metadata.sqlite"))
          .toList();
      assertEquals(1, databases.size(), "one D1 database file in " + folder + ": " + databases);
      return databases.get(0);
    }
  }

  private static CommandResult nanoka(Path project, String label, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        CLI_JAR.toString()));
    command.addAll(List.of(args));
    return Command.run(command, project, CLI_TIMEOUT,
        project.resolve("logs").resolve(label + ".log"));
  }

  private static CommandResult nanoka(Path project, Path database, String label, String command)
      throws IOException, InterruptedException {
    return nanoka(project, label, command, "--url", "jdbc:sqlite:" + database, "--dir",
        "migrations", "--lock-timeout", "30");
  }

  @Test
  void cliJarRuns() throws Exception {
    Path project = project("jar");
    CommandResult version = nanoka(project, "version", "--version");
    assertTrue(version.succeeded(), version.describe());
    assertEquals("nanoka " + ItPaths.reactorVersion(), version.output().strip(),
        version.describe());
    CommandResult help = nanoka(project, "help", "--help");
    assertTrue(help.succeeded(), help.describe());
    assertTrue(help.output().contains("migrate"), help.describe());
    // The jar's manifest enables native access: no JDK 24+ warning about sqlite-jdbc's library.
    assertFalse(help.output().contains("restricted method"), help.describe());
  }

  /** (a) The runtime applies the folder; wrangler then finds nothing to apply. */
  @Test
  void appliedByTheRuntimeIsUpToDateForWrangler() throws Exception {
    Path project = project("runtime-first");
    // Let wrangler create its local database file, then migrate that file over JDBC.
    CommandResult create = wrangler(project, "01-create", "d1", "execute", DATABASE, "--local",
        "--command", "SELECT 1");
    assertTrue(create.succeeded(), create.describe());
    Path database = d1File(project);

    CommandResult migrate = nanoka(project, database, "02-nanoka-migrate", "migrate");
    assertTrue(migrate.succeeded(), migrate.describe());
    for (int i = 0; i < FILES.size(); i++) {
      String progress = "Applying " + FILES.get(i) + " (" + (i + 1) + "/3) ...";
      assertTrue(migrate.output().contains(progress), migrate.describe());
    }
    assertTrue(migrate.output().contains("Applied 3 migration(s); 3 applied in all."),
        migrate.describe());
    assertFalse(migrate.output().contains("Drift"), migrate.describe());

    CommandResult apply = wrangler(project, "03-wrangler-apply", "d1", "migrations", "apply",
        DATABASE, "--local");
    assertTrue(apply.succeeded(), apply.describe());
    assertTrue(apply.output().contains("No migrations to apply"), apply.describe());
    assertEquals(FILES, history(database));
    assertEquals(List.of("new user; no nickname"), column(database, "SELECT msg FROM audit"));

    // wrangler reads what the runtime wrote: the same rows through D1.
    CommandResult query = wrangler(project, "04-wrangler-query", "d1", "execute", DATABASE,
        "--local", "--json", "--command", "SELECT name FROM tags");
    assertTrue(query.succeeded(), query.describe());
    assertTrue(query.output().contains("it's; a tag"), query.describe());
  }

  /** (b) wrangler applies the folder; the runtime applies nothing and adopts its rows. */
  @Test
  void appliedByWranglerIsAdoptedByTheRuntime() throws Exception {
    Path project = project("wrangler-first");
    CommandResult apply = wrangler(project, "01-wrangler-apply", "d1", "migrations", "apply",
        DATABASE, "--local");
    assertTrue(apply.succeeded(), apply.describe());
    for (String file : FILES) {
      assertTrue(apply.output().contains(file), apply.describe());
    }
    Path database = d1File(project);
    assertEquals(FILES, history(database));
    assertFalse(tables(database).contains("nanoka_migration_checksums"));

    CommandResult migrate = nanoka(project, database, "02-nanoka-migrate", "migrate");
    assertTrue(migrate.succeeded(), migrate.describe());
    for (String file : FILES) {
      assertTrue(migrate.output().contains("Adopted " + file + " (applied by wrangler)"),
          migrate.describe());
    }
    assertTrue(migrate.output().contains("Nothing to apply: 3 migrations already applied."),
        migrate.describe());
    assertFalse(migrate.output().contains("Applying"), migrate.describe());
    assertFalse(migrate.output().contains("Drift"), migrate.describe());
    assertEquals(FILES, history(database));
    assertEquals(List.of("new user; no nickname"), column(database, "SELECT msg FROM audit"),
        "nothing ran twice");
    assertEquals(FILES,
        column(database, "SELECT name FROM nanoka_migration_checksums ORDER BY name"));

    CommandResult validate = nanoka(project, database, "03-nanoka-validate", "validate");
    assertTrue(validate.succeeded(), validate.describe());
    CommandResult status = nanoka(project, database, "04-nanoka-status", "status");
    assertTrue(status.succeeded(), status.describe());
    assertTrue(status.output().contains("Up to date."), status.describe());

    // Mixed: a new file applied by the runtime is up to date for wrangler too.
    Files.writeString(project.resolve("migrations/0003_add_tags_color.sql"),
        "ALTER TABLE `tags` ADD `color` text;");
    CommandResult next = nanoka(project, database, "05-nanoka-migrate", "migrate");
    assertTrue(next.succeeded(), next.describe());
    assertTrue(next.output().contains("Applied 1 migration(s); 4 applied in all."),
        next.describe());
    CommandResult again = wrangler(project, "06-wrangler-apply", "d1", "migrations", "apply",
        DATABASE, "--local");
    assertTrue(again.succeeded(), again.describe());
    assertTrue(again.output().contains("No migrations to apply"), again.describe());
  }

  /** Both tools turn the same folder into the same schema and rows. */
  @Test
  void bothToolsBuildTheSameDatabase() throws Exception {
    Path project = project("same");
    CommandResult apply = wrangler(project, "01-wrangler-apply", "d1", "migrations", "apply",
        DATABASE, "--local");
    assertTrue(apply.succeeded(), apply.describe());
    Path plain = Files.createDirectories(project.resolve("plain")).resolve("runtime.db");
    CommandResult migrate = nanoka(project, plain, "02-nanoka-migrate", "migrate");
    assertTrue(migrate.succeeded(), migrate.describe());

    String objects = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master"
        + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'"
        + " AND name NOT IN ('d1_migrations', 'nanoka_migration_checksums') ORDER BY type, name";
    Path d1 = d1File(project);
    assertEquals(column(d1, objects), column(plain, objects));
    for (String rows : List.of("SELECT id || '|' || name || '|' || email FROM users",
        "SELECT msg FROM audit", "SELECT id || '|' || name FROM tags",
        "SELECT name FROM d1_migrations ORDER BY id")) {
      assertEquals(column(d1, rows), column(plain, rows), rows);
    }
  }

  /**
   * (d) A D1 database whose schema was made without migrations (here `wrangler d1 execute
   * --file`): `nanoka baseline` checks it and records the first file; wrangler then applies only
   * the later ones, and a baseline at the wrong version is refused.
   */
  @Test
  void baselineOfADatabaseMadeWithoutMigrationsIsWranglersHistoryToo() throws Exception {
    Path project = project("baseline");
    CommandResult made = wrangler(project, "01-execute", "d1", "execute", DATABASE, "--local",
        "--file", "migrations/" + FILES.get(0));
    assertTrue(made.succeeded(), made.describe());
    Path database = d1File(project);
    assertFalse(tables(database).contains("d1_migrations"), "made without a history");

    CommandResult wrong = nanoka(project, "02-baseline-wrong", "baseline", "--to", "2", "--url",
        "jdbc:sqlite:" + database, "--dir", "migrations");
    assertEquals(1, wrong.exitCode(), wrong.describe());
    assertTrue(wrong.output().contains("column users.nickname is missing from the database"),
        wrong.describe());

    CommandResult baseline = nanoka(project, "03-baseline", "baseline", "--to", "1", "--url",
        "jdbc:sqlite:" + database, "--dir", "migrations");
    assertTrue(baseline.succeeded(), baseline.describe());
    assertEquals(FILES.subList(0, 1), history(database));

    CommandResult apply = wrangler(project, "04-wrangler-apply", "d1", "migrations", "apply",
        DATABASE, "--local");
    assertTrue(apply.succeeded(), apply.describe());
    assertFalse(apply.output().contains(FILES.get(0)), apply.describe());
    assertEquals(FILES, history(database));
  }

  /**
   * (e) Rolling back a D1 database: `nanoka rollback --script` writes the down migrations and
   * the history's removal as one file, `wrangler d1 execute --file` runs it (all or nothing:
   * a file that fails halfway changes nothing), and wrangler then sees the files pending again.
   */
  @Test
  void rollbackScriptRunsThroughWrangler() throws Exception {
    Path project = project("rollback");
    Path down = Files.createDirectories(project.resolve("migrations/down"));
    Files.writeString(down.resolve(FILES.get(1)), "DROP INDEX `users_nickname_idx`;"
        + "--> statement-breakpoint\nALTER TABLE `users` DROP COLUMN `nickname`;");
    Files.writeString(down.resolve(FILES.get(2)), """
        DROP TRIGGER users_audit;
        DROP TABLE audit;
        DELETE FROM users WHERE id = 'u1';
        DELETE FROM tags WHERE name = 'it''s; a tag';
        """);
    CommandResult apply = wrangler(project, "01-apply", "d1", "migrations", "apply", DATABASE,
        "--local");
    assertTrue(apply.succeeded(), apply.describe());
    Path database = d1File(project);

    CommandResult script = nanoka(project, "02-script", "rollback", "--to", "1", "--script",
        "--dir", "migrations");
    assertTrue(script.succeeded(), script.describe());
    Files.writeString(project.resolve("rollback.sql"), script.output());

    // A copy that fails at its last statement: D1 runs the file as one batch, so nothing stays.
    Files.writeString(project.resolve("broken.sql"), script.output()
        + "INSERT INTO nowhere VALUES (1);\n");
    CommandResult broken = wrangler(project, "03-broken", "d1", "execute", DATABASE, "--local",
        "--file", "broken.sql", "--yes");
    assertFalse(broken.succeeded(), broken.describe());
    assertEquals(FILES, history(database), "a failed file must change nothing");
    assertTrue(tables(database).contains("audit"), "a failed file must change nothing");

    CommandResult run = wrangler(project, "04-rollback", "d1", "execute", DATABASE, "--local",
        "--file", "rollback.sql", "--yes");
    assertTrue(run.succeeded(), run.describe());
    assertEquals(FILES.subList(0, 1), history(database));
    assertFalse(tables(database).contains("audit"));
    assertFalse(column(database, "SELECT name FROM pragma_table_info('users')")
        .contains("nickname"));

    CommandResult again = wrangler(project, "05-apply-again", "d1", "migrations", "apply",
        DATABASE, "--local");
    assertTrue(again.succeeded(), again.describe());
    assertEquals(FILES, history(database));
  }

  private static List<String> history(Path database) throws SQLException {
    return column(database, "SELECT name FROM d1_migrations ORDER BY id");
  }

  private static List<String> tables(Path database) throws SQLException {
    return column(database, "SELECT name FROM sqlite_master WHERE type = 'table'");
  }

  private static List<String> column(Path database, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
