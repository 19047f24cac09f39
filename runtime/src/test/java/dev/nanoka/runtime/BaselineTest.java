package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting a database whose schema came another way, and repairing the history after a fix by
 * hand: recorded only when the database is what the recorded migrations produce.
 */
class BaselineTest {

  static final DatabaseSchema V1 = schema(table("users").id().text("name").build());
  static final DatabaseSchema V2 = schema(table("users").id().text("name").nullableText("email")
      .build());
  static final DatabaseSchema V3 = schema(table("users").id().text("name").nullableText("email")
      .build(), table("tags").id().text("label").build());

  @TempDir Path dir;
  Path migrations;
  Path db;

  @BeforeEach
  void threeVersions() {
    migrations = dir.resolve("migrations");
    Migrations.write(migrations, "0000_init.sql", Migrations.file(Schemas.EMPTY, V1));
    Migrations.write(migrations, "0001_email.sql", Migrations.file(V1, V2));
    Migrations.write(migrations, "0002_tags.sql", Migrations.file(V2, V3));
    db = dir.resolve("app.db");
  }

  /** The database as drizzle-kit push or a hand-run script would leave it: no history. */
  void madeByHand(DatabaseSchema schema, String... more) throws Exception {
    try (var connection = Sqlite.open(db)) {
      Sqlite.create(connection, schema);
      Sqlite.exec(connection, "INSERT INTO users (name) VALUES ('Ada')");
      Sqlite.exec(connection, more);
    }
  }

  Migrator migrator() {
    return Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(migrations)).build();
  }

  @Nested
  class Baseline {

    @Test
    void anEqualDatabaseIsAdoptedAndMigrateAppliesOnlyLaterFiles() throws Exception {
      madeByHand(V2);

      assertEquals(List.of("0000_init.sql", "0001_email.sql"), migrator().baseline(2));

      assertEquals(List.of("0000_init.sql", "0001_email.sql"), Sqlite.history(db));
      assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.APPLIED,
          MigrationStatus.State.PENDING), migrator().status().stream()
          .map(MigrationStatus::state).toList());
      MigrateResult result = migrator().migrate();
      assertEquals(List.of("0002_tags.sql"), result.applied());
      assertEquals(List.of(), migrator().validate());
      assertEquals(List.of(), migrator().drift());
      assertEquals(List.of("Ada"), Sqlite.column(db, "SELECT name FROM users"));
    }

    @Test
    void aDatabaseThatDiffersInOneColumnIsRefusedWithThatColumnNamed() throws Exception {
      madeByHand(V1, "ALTER TABLE users ADD COLUMN mail text");

      MigrationException e = assertThrows(MigrationException.class, () -> migrator().baseline(2));

      assertEquals(MigrationException.Kind.FAILED, e.kind());
      assertTrue(e.getMessage().startsWith("The database does not match version 2 (up to"
          + " 0001_email.sql); nothing was recorded:"), e.getMessage());
      assertTrue(e.getMessage().contains("column users.email is missing from the database"),
          e.getMessage());
      assertTrue(e.getMessage().contains("column users.mail exists only in the database"),
          e.getMessage());
      assertFalse(Sqlite.tableExists(db, "d1_migrations")
          && !Sqlite.history(db).isEmpty(), "nothing may be recorded");
    }

    @Test
    void versionZeroAdoptsAnEmptyDatabase() throws Exception {
      Sqlite.exec(db, "CREATE TABLE x (a)", "DROP TABLE x"); // an empty database file
      assertEquals(List.of(), migrator().baseline(0));
      assertEquals(List.of("0000_init.sql", "0001_email.sql", "0002_tags.sql"),
          migrator().migrate().applied());
    }

    @Test
    void aDatabaseWithAHistoryIsRefused() throws Exception {
      migrator().migrate();
      MigrationException e = assertThrows(MigrationException.class, () -> migrator().baseline(3));
      assertTrue(e.getMessage().startsWith("The database already has a history (3 migration(s)"
          + " applied, the last 0002_tags.sql)"), e.getMessage());
    }

    @Test
    void aVersionBeyondTheMigrationsIsRefusedBeforeAnythingIsWritten() throws Exception {
      madeByHand(V3);
      MigrationException e = assertThrows(MigrationException.class, () -> migrator().baseline(4));
      assertTrue(e.getMessage().startsWith("Cannot baseline at version 4: the migrations hold"
          + " versions 0 to 3"), e.getMessage());
      assertFalse(Sqlite.tableExists(db, "d1_migrations"));
    }

    @Test
    void aMissingDatabaseIsNotCreated() {
      MigrationException e = assertThrows(MigrationException.class, () -> migrator().baseline(1));
      assertEquals(MigrationException.Kind.UNREADABLE, e.kind());
      assertFalse(Files.exists(db));
    }

    /** wrangler keeps its own history in d1_migrations: a baseline written here is its too. */
    @Test
    void theBaselineIsWranglersHistoryToo() throws Exception {
      madeByHand(V1);
      Sqlite.exec(db, Sqlite.WRANGLER_HISTORY_TABLE);
      migrator().baseline(1);
      assertEquals(List.of("0000_init.sql"),
          Sqlite.column(db, "SELECT name FROM d1_migrations ORDER BY id"));
      assertEquals(1, Sqlite.longValue(db, "SELECT count(*) FROM nanoka_migration_checksums"));
    }
  }

  @Nested
  class Resolve {

    @Test
    void aFailedMigrationFinishedByHandIsRecordedAsApplied() throws Exception {
      migrator().migrate();
      // 0002 is undone by hand (say it failed in production, and was rolled back, then fixed).
      Sqlite.exec(db, "DROP TABLE tags",
          "DELETE FROM d1_migrations WHERE name = '0002_tags.sql'",
          "DELETE FROM nanoka_migration_checksums WHERE name = '0002_tags.sql'");
      Sqlite.exec(db, "CREATE TABLE `tags` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
          + " `label` text NOT NULL)");

      migrator().resolve("0002_tags.sql", Migrator.Resolution.APPLIED);

      assertEquals(List.of("0000_init.sql", "0001_email.sql", "0002_tags.sql"),
          Sqlite.history(db));
      assertEquals(List.of(), migrator().migrate().applied());
      assertEquals(List.of(), migrator().validate());
    }

    @Test
    void appliedIsRefusedWhenTheDatabaseDoesNotHaveTheChanges() throws Exception {
      migrator().migrate();
      Sqlite.exec(db, "DROP TABLE tags", "DELETE FROM d1_migrations WHERE name = '0002_tags.sql'");
      MigrationException e = assertThrows(MigrationException.class,
          () -> migrator().resolve("0002_tags.sql", Migrator.Resolution.APPLIED));
      assertTrue(e.getMessage().contains("table tags is missing from the database"),
          e.getMessage());
      assertEquals(List.of("0000_init.sql", "0001_email.sql"), Sqlite.history(db));
    }

    @Test
    void aMigrationUndoneByHandIsForgottenInBothTables() throws Exception {
      migrator().migrate();
      Sqlite.exec(db, "DROP TABLE tags");

      migrator().resolve("0002_tags.sql", Migrator.Resolution.ROLLED_BACK);

      assertEquals(List.of("0000_init.sql", "0001_email.sql"), Sqlite.history(db));
      assertEquals(0, Sqlite.longValue(db,
          "SELECT count(*) FROM nanoka_migration_checksums WHERE name = '0002_tags.sql'"));
      assertEquals(List.of("0002_tags.sql"), migrator().migrate().applied());
    }

    @Test
    void rolledBackIsRefusedWhileTheChangesAreStillThere() throws Exception {
      migrator().migrate();
      MigrationException e = assertThrows(MigrationException.class,
          () -> migrator().resolve("0002_tags.sql", Migrator.Resolution.ROLLED_BACK));
      assertTrue(e.getMessage().contains("table tags exists only in the database"),
          e.getMessage());
      assertEquals(3, Sqlite.history(db).size());
    }

    @Test
    void unknownAndAlreadyResolvedFilesAreRefused() throws Exception {
      migrator().migrate();
      assertTrue(assertThrows(MigrationException.class,
          () -> migrator().resolve("0009_x.sql", Migrator.Resolution.APPLIED)).getMessage()
          .startsWith("No migration 0009_x.sql in the source. Migrations: 0000_init.sql,"));
      assertEquals("0001_email.sql is applied already: nothing to resolve.",
          assertThrows(MigrationException.class, () -> migrator()
              .resolve("0001_email.sql", Migrator.Resolution.APPLIED)).getMessage());
    }
  }
}
