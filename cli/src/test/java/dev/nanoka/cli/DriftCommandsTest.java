package dev.nanoka.cli;

import static dev.nanoka.cli.CliRun.cli;
import static dev.nanoka.core.testing.Schemas.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.DriftTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code status} and {@code migrate} report drift (see the runtime's {@link DriftTest}). */
class DriftCommandsTest {

  @TempDir
  Path dir;

  private Path migrations;
  private String url;

  @BeforeEach
  void migrate() throws Exception {
    migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("0000_init.sql"),
        Migrations.file(schema(), DriftTest.models()));
    url = "jdbc:sqlite:" + dir.resolve("app.db");
    CliRun migrate = cli("migrate", "--url", url, "--dir", migrations.toString());
    assertEquals(0, migrate.exitCode(), migrate::describe);
  }

  @Test
  void statusSaysWhatDiffers() throws Exception {
    byHand("CREATE TABLE audit (id integer PRIMARY KEY)", "DROP INDEX posts_author_idx");
    CliRun status = cli("status", "--url", url, "--dir", migrations.toString());

    assertEquals(0, status.exitCode(), status::describe);
    assertTrue(status.out().contains("Drift detected: the database does not match its migration"
        + " history:\n  - "), status::describe);
    assertTrue(status.out().contains("\n  - table audit exists only in the database\n"),
        status::describe);
    assertTrue(status.out().contains("\n  - index posts_author_idx on posts is missing from the"
        + " database\n"), status::describe);
  }

  @Test
  void statusIsQuietWithoutDrift() throws Exception {
    CliRun status = cli("status", "--url", url, "--dir", migrations.toString());
    assertEquals(0, status.exitCode(), status::describe);
    assertFalse(status.out().contains("Drift"), status::describe);
  }

  @Test
  void migrateWarnsAndStillApplies() throws Exception {
    byHand("CREATE TABLE audit (id integer PRIMARY KEY)", "INSERT INTO audit VALUES (7)");
    Files.writeString(migrations.resolve("0001_nickname.sql"),
        "ALTER TABLE `users` ADD `nickname` text;");

    CliRun migrate = cli("migrate", "--url", url, "--dir", migrations.toString());

    assertEquals(0, migrate.exitCode(), migrate::describe);
    assertTrue(migrate.err().contains("warning: Drift detected: the database does not match its"
        + " migration history:\n  - table audit exists only in the database"), migrate::describe);
    assertTrue(migrate.out().contains("Applied 1 migration(s)"), migrate::describe);
    // Drift is reported, never "fixed" by resetting: the hand-made table and its rows stay.
    try (Connection connection = Sqlite.open(url)) {
      assertEquals(List.of("audit", "d1_migrations", "nanoka_migration_checksums", "posts",
          "users"), Sqlite.tableNames(connection));
      assertEquals(List.of("7"), Sqlite.rows(connection, "SELECT id FROM audit"));
    }
  }

  @Test
  void migrateCanSkipTheCheck() throws Exception {
    byHand("CREATE TABLE audit (id integer PRIMARY KEY)");
    CliRun migrate =
        cli("migrate", "--no-drift-check", "--url", url, "--dir", migrations.toString());
    assertEquals(0, migrate.exitCode(), migrate::describe);
    assertFalse(migrate.err().contains("Drift"), migrate::describe);
  }

  @Test
  void migrateWithoutDriftSaysNothingAboutIt() throws Exception {
    CliRun migrate = cli("migrate", "--url", url, "--dir", migrations.toString());
    assertEquals(0, migrate.exitCode(), migrate::describe);
    assertFalse(migrate.err().contains("Drift"), migrate::describe);
  }

  private void byHand(String... statements) throws Exception {
    try (Connection connection = Sqlite.open(url)) {
      Sqlite.exec(connection, statements);
    }
  }
}
