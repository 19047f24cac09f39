package dev.nanoka.testing;

import static dev.nanoka.core.testing.Schemas.TEXT;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.SchemaText;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.SchemaDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper over a two-version history whose second migration was edited by hand to backfill
 * a new column, as a user would prove it.
 */
class MigrationTestHelperTest {

  static final DatabaseSchema V1 = schema(table("users").key("id", TEXT).text("name").build());
  static final DatabaseSchema V2 = schema(table("users").key("id", TEXT).text("name")
      .text("displayName").defaultText("").build());

  /** The models of version 2, as the processor stores them (the resource holds V2). */
  public static final class ModelsV2 implements SchemaDefinition {
    @Override
    public String resource() {
      return "nanoka/schema/testing/users-v2.txt";
    }
  }

  /** The generated migration, then the backfill a user adds by hand. */
  static final String BACKFILL = "\n--> statement-breakpoint\n"
      + "UPDATE `users` SET `displayName` = `name` WHERE `displayName` = '';";

  @TempDir Path dir;
  Path migrations;
  MigrationTestHelper helper;

  @BeforeEach
  void twoVersions() {
    migrations = dir.resolve("migrations");
    Migrations.write(migrations, "0000_create_users.sql", Migrations.file(Schemas.EMPTY, V1));
    Migrations.write(migrations, "0001_add_users_display_name.sql",
        Migrations.file(V1, V2) + BACKFILL);
    helper = MigrationTestHelper.of(MigrationSource.folder(migrations))
        .withModels(new ModelsV2());
  }

  @Test
  void theResourceHoldsVersionTwo() throws Exception {
    try (var in = getClass().getClassLoader().getResourceAsStream(new ModelsV2().resource())) {
      assertEquals(V2, SchemaText.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void aHandEditedBackfillIsProvenOnRealRows() throws Exception {
    Path db = dir.resolve("test.db");
    try (Connection v1 = helper.createDatabase(db, 1)) {
      assertEquals(List.of("d1_migrations", "nanoka_migration_checksums", "users"),
          Sqlite.tableNames(v1));
      Sqlite.exec(v1, "INSERT INTO users (id, name) VALUES ('u1', 'Ada'), ('u2', 'Grace')");
    }
    try (Connection v2 = helper.migrateAndValidate(db, 2)) {
      assertEquals(List.of("u1|Ada|Ada", "u2|Grace|Grace"),
          Sqlite.rows(v2, "SELECT id, name, displayName FROM users ORDER BY id"));
    }
  }

  @Test
  void theLatestVersionIsTheDefault() throws Exception {
    Path db = dir.resolve("test.db");
    helper.createDatabase(db, 0).close();
    helper.migrateAndValidate(db).close();
    assertEquals(List.of("0000_create_users.sql", "0001_add_users_display_name.sql"),
        Sqlite.history(db));
  }

  /** A hand edit that changes the schema replays fine; only the models show it. */
  @Test
  void aHandEditThatChangesTheSchemaFailsAgainstTheModels() throws Exception {
    Migrations.write(migrations, "0001_add_users_display_name.sql", Migrations.file(V1, V2)
        + BACKFILL + "--> statement-breakpoint\nALTER TABLE `users` ADD `nickname` text;");
    Path db = dir.resolve("test.db");
    helper.createDatabase(db, 1).close();

    AssertionError e = assertThrows(AssertionError.class, () -> helper.migrateAndValidate(db));

    assertTrue(e.getMessage().startsWith("After migrating to the latest version the schema is"
        + " not what it should be:\n  - the models need: "), e.getMessage());
    assertTrue(e.getMessage().contains("nickname"), e.getMessage());
  }

  @Test
  void aMigrationThatFailsOverTheRowsNamesTheFileAndStatement() throws Exception {
    Migrations.write(migrations, "0001_add_users_display_name.sql", Migrations.file(V1, V2)
        + "\n--> statement-breakpoint\nCREATE UNIQUE INDEX `users_name` ON `users` (`name`);");
    Path db = dir.resolve("test.db");
    try (Connection v1 = helper.createDatabase(db, 1)) {
      Sqlite.exec(v1, "INSERT INTO users (id, name) VALUES ('u1', 'Ada'), ('u2', 'Ada')");
    }
    AssertionError e = assertThrows(AssertionError.class, () -> helper.migrateAndValidate(db, 2));
    assertTrue(e.getMessage().startsWith("Cannot migrate to version 2: "
        + "0001_add_users_display_name.sql: statement 2 of 2 failed: "), e.getMessage());
  }

  @Test
  void createDatabaseWantsANewFileAndMigrateAnExistingOne() throws Exception {
    Path db = dir.resolve("test.db");
    helper.createDatabase(db, 1).close();
    assertTrue(assertThrows(AssertionError.class, () -> helper.createDatabase(db, 1))
        .getMessage().contains("exists"));
    assertTrue(assertThrows(AssertionError.class,
        () -> helper.migrateAndValidate(dir.resolve("missing.db"))).getMessage()
        .contains("does not exist"));
    assertTrue(assertThrows(AssertionError.class, () -> helper.migrateAndValidate(db, 3))
        .getMessage().contains("No schema version 3 to migrate to"));
  }
}
