package dev.nanoka.cli;

import static dev.nanoka.core.testing.Schemas.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.DriftTest;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    Cli migrate = cli("migrate", "--url", url, "--dir", migrations.toString());
    assertEquals(0, migrate.code, migrate::toString);
  }

  @Test
  void statusSaysWhatDiffers() throws Exception {
    byHand("CREATE TABLE audit (id integer PRIMARY KEY)", "DROP INDEX posts_author_idx");
    Cli status = cli("status", "--url", url, "--dir", migrations.toString());

    assertEquals(0, status.code, status::toString);
    assertTrue(status.out.contains("Drift detected: the database does not match its migration"
        + " history:\n  - "), status::toString);
    assertTrue(status.out.contains("\n  - table audit exists only in the database\n"),
        status::toString);
    assertTrue(status.out.contains("\n  - index posts_author_idx on posts is missing from the"
        + " database\n"), status::toString);
  }

  @Test
  void statusIsQuietWithoutDrift() throws Exception {
    Cli status = cli("status", "--url", url, "--dir", migrations.toString());
    assertEquals(0, status.code, status::toString);
    assertFalse(status.out.contains("Drift"), status::toString);
  }

  @Test
  void migrateWarnsAndStillApplies() throws Exception {
    byHand("CREATE TABLE audit (id integer PRIMARY KEY)", "INSERT INTO audit VALUES (7)");
    Files.writeString(migrations.resolve("0001_nickname.sql"),
        "ALTER TABLE `users` ADD `nickname` text;");

    Cli migrate = cli("migrate", "--url", url, "--dir", migrations.toString());

    assertEquals(0, migrate.code, migrate::toString);
    assertTrue(migrate.err.contains("warning: Drift detected: the database does not match its"
        + " migration history:\n  - table audit exists only in the database"), migrate::toString);
    assertTrue(migrate.out.contains("Applied 1 migration(s)"), migrate::toString);
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
    Cli migrate = cli("migrate", "--no-drift-check", "--url", url, "--dir", migrations.toString());
    assertEquals(0, migrate.code, migrate::toString);
    assertFalse(migrate.err.contains("Drift"), migrate::toString);
  }

  @Test
  void migrateWithoutDriftSaysNothingAboutIt() throws Exception {
    Cli migrate = cli("migrate", "--url", url, "--dir", migrations.toString());
    assertEquals(0, migrate.code, migrate::toString);
    assertFalse(migrate.err.contains("Drift"), migrate::toString);
  }

  private void byHand(String... statements) throws Exception {
    try (Connection connection = Sqlite.open(url)) {
      Sqlite.exec(connection, statements);
    }
  }

  record Cli(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  static Cli cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NanokaCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(code, out.toString(), err.toString());
  }
}
