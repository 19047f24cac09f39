package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Schemas.INTEGER;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.internal.Migration;
import dev.nanoka.runtime.internal.Pusher;
import dev.nanoka.runtime.internal.ShadowDatabase;
import dev.nanoka.runtime.internal.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift: the database no longer matches what its applied migrations produce (replayed into an
 * in-memory shadow database). Each kind of hand-made change yields one precise line.
 */
public class DriftTest {

  @TempDir
  Path dir;

  private Path migrations;
  private String url;

  public static Table users() {
    return table("users").id().text("name").text("email").unique().build();
  }

  public static Table posts(Action onDelete) {
    return table("posts").id()
        .integer("authorId").text("title")
        .column("createdAt", INTEGER).defaultSql("(unixepoch())")
        .references("authorId", "users", "id", onDelete)
        .index("posts_author_idx", "authorId", "createdAt")
        .build();
  }

  public static DatabaseSchema models() {
    return schema(users(), posts(Action.CASCADE));
  }

  @BeforeEach
  void migrate() throws Exception {
    migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        migrations.resolve("0000_init.sql"), Migrations.file(schema(), models()));
    url = "jdbc:sqlite:" + dir.resolve("app.db");
    MigrateResult result = migrator().migrate();
    assertEquals(List.of("0000_init.sql"), result.applied());
  }

  @Test
  void noDriftRightAfterMigrate() throws Exception {
    assertEquals(List.of(), migrator().drift());
  }

  @Test
  void noDriftAfterARebuildingMigration() throws Exception {
    DatabaseSchema next = schema(users(), table("posts").id()
        .integer("authorId").nullableText("title")
        .column("createdAt", INTEGER).defaultSql("(unixepoch())")
        .references("authorId", "users", "id", Action.CASCADE)
        .index("posts_author_idx", "authorId", "createdAt")
        .build());
    Files.writeString(migrations.resolve("0001_nullable_title.sql"),
        Migrations.file(models(), next));
    migrator().migrate();
    assertEquals(List.of(), migrator().drift());
  }

  @Test
  void extraTable() throws Exception {
    byHand("CREATE TABLE audit (id integer PRIMARY KEY, what text)");
    assertEquals(List.of("table audit exists only in the database"), migrator().drift());
  }

  @Test
  void missingTable() throws Exception {
    byHand("DROP TABLE posts");
    assertEquals(List.of("table posts is missing from the database"), migrator().drift());
  }

  @Test
  void missingColumn() throws Exception {
    byHand("ALTER TABLE users DROP COLUMN name");
    assertEquals(List.of("column users.name is missing from the database"), migrator().drift());
  }

  @Test
  void extraColumn() throws Exception {
    byHand("ALTER TABLE users ADD nickname text");
    assertEquals(List.of("column users.nickname exists only in the database"), migrator().drift());
  }

  @Test
  void changedType() throws Exception {
    byHand(schema(users(), table("posts").id()
        .integer("authorId").integer("title")
        .column("createdAt", INTEGER).defaultSql("(unixepoch())")
        .references("authorId", "users", "id", Action.CASCADE)
        .index("posts_author_idx", "authorId", "createdAt")
        .build()));
    assertEquals(List.of("column posts.title: text NOT NULL in the migrations, integer NOT NULL"
        + " in the database"), migrator().drift());
  }

  /** A rebuilt table's indexes are compared too, not listed as new. */
  @Test
  void changedTypeAndIndexesOfTheSameTable() throws Exception {
    byHand(schema(users(), table("posts").id()
        .integer("authorId").integer("title")
        .column("createdAt", INTEGER).defaultSql("(unixepoch())")
        .references("authorId", "users", "id", Action.CASCADE)
        .index("posts_title_idx", "title")
        .build()));
    assertEquals(List.of(
        "column posts.title: text NOT NULL in the migrations, integer NOT NULL in the database",
        "index posts_title_idx on posts exists only in the database",
        "index posts_author_idx on posts is missing from the database"), migrator().drift());
  }

  @Test
  void extraIndex() throws Exception {
    byHand("CREATE INDEX posts_title_idx ON posts (title)");
    assertEquals(List.of("index posts_title_idx on posts exists only in the database"),
        migrator().drift());
  }

  @Test
  void missingIndex() throws Exception {
    byHand("DROP INDEX posts_author_idx");
    assertEquals(List.of("index posts_author_idx on posts is missing from the database"),
        migrator().drift());
  }

  @Test
  void missingUniqueIndex() throws Exception {
    byHand("DROP INDEX users_email_unique");
    assertEquals(List.of("index users_email_unique on users is missing from the database"),
        migrator().drift());
  }

  @Test
  void changedForeignKey() throws Exception {
    byHand(schema(users(), posts(Action.SET_NULL)));
    assertEquals(List.of("table posts: foreign keys differ ((authorId) → users(id) on delete"
        + " cascade in the migrations; (authorId) → users(id) on delete set null in the"
        + " database)"), migrator().drift());
  }

  @Test
  void aPushOverTheHistoryIsDrift() throws Exception {
    try (Connection connection = Sqlite.open(url)) {
      Pusher.push(
          connection,
          SqliteDialect.INSTANCE,
          schema(
              table("users")
                  .id()
                  .text("name")
                  .text("email")
                  .unique()
                  .nullableText("nickname")
                  .build(),
              posts(Action.CASCADE)),
          false,
          Duration.ofSeconds(5));
    }
    assertEquals(List.of("column users.nickname exists only in the database"), migrator().drift());
  }

  /** Pending migrations are not part of the history yet: what they would add is no drift. */
  @Test
  void onlyAppliedMigrationsCount() throws Exception {
    Files.writeString(migrations.resolve("0001_audit.sql"),
        "CREATE TABLE `audit` (`id` integer PRIMARY KEY);");
    assertEquals(List.of(), migrator().drift());
  }

  /**
   * A shadow replay of a file SQLite would run only in part (an applied CR-only file, or one in
   * `diff --from migrations`) would make a schema without it: said instead of reported as drift.
   */
  @Test
  void aFileSqliteWouldRunOnlyInPartIsNotReplayed() {
    MigrationException e = org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class,
        () -> ShadowDatabase.replay(List.of(new Migration("0000_cr.sql",
            "-- Generated\rCREATE TABLE a (x);"))));
    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("Replaying 0000_cr.sql into a shadow database: line 1:"
        + " this -- comment runs on past a carriage return (CR)"), e.getMessage());
  }

  private Migrator migrator() {
    return Migrator.forUrl(url).source(MigrationSource.folder(migrations)).build();
  }

  private void byHand(String... statements) throws Exception {
    try (Connection connection = Sqlite.open(url)) {
      Sqlite.exec(connection, statements);
    }
  }

  /** Changes the database to {@code to} with the statements a migration would use. */
  private void byHand(DatabaseSchema to) throws Exception {
    byHand(Migrations.statements(models(), to).toArray(String[]::new));
  }
}
