package dev.nanoka.runtime.internal;

import static dev.nanoka.core.testing.Schemas.BLOB;
import static dev.nanoka.core.testing.Schemas.BOOL;
import static dev.nanoka.core.testing.Schemas.INTEGER;
import static dev.nanoka.core.testing.Schemas.NUMERIC;
import static dev.nanoka.core.testing.Schemas.REAL;
import static dev.nanoka.core.testing.Schemas.TEXT;
import static dev.nanoka.core.testing.Schemas.enumOf;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.testing.Sqlite;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A schema created with the renderer's own CREATE statements reads back, through SQLite's
 * PRAGMAs, as a model the differ finds equal to the original: otherwise push would never settle
 * and drift would be reported on every untouched database.
 */
public class SqliteIntrospectorTest {

  /** Every column type, every kind of default, keys of every shape, indexes and foreign keys. */
  public static DatabaseSchema everything() {
    Table users = table("users").id()
        .text("email").unique()
        .text("name").defaultText("it's \"quoted\" -- not a comment; (really)")
        .nullableText("bio")
        .column("age", INTEGER).defaultNumber("-1")
        .nullable("score", REAL).defaultNumber("1.5")
        .nullable("ratio", NUMERIC).defaultNumber("0")
        .nullable("avatar", BLOB)
        .column("active", BOOL).defaultTo(new ColumnDefault.Bool(true))
        .column("deleted", BOOL).defaultTo(new ColumnDefault.Bool(false))
        .column("status", enumOf("draft", "published")).defaultText("draft")
        .column("tags", new LogicalType.Json("string[]")).defaultText("[]")
        .column("createdAt", new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.SECONDS))
            .defaultSql("(unixepoch())")
        .column("updatedAt", new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.MILLISECONDS))
            .defaultSql("(cast(unixepoch('subsecond') * 1000 as integer))")
        .nullableText("seenAt").defaultSql("CURRENT_TIMESTAMP")
        .index("users_name_idx", "name")
        .uniqueIndex("users_name_age_unique", "name", "age")
        .build();
    Table posts = table("posts").key("id", INTEGER)
        .integer("authorId")
        .nullable("parentId", INTEGER)
        .nullable("editorId", INTEGER)
        .text("slug")
        .references("authorId", "users", "id", Action.CASCADE)
        .references("parentId", "posts", "id", Action.SET_NULL)
        .references(List.of("editorId"), "users", List.of("id"), Action.CASCADE, Action.RESTRICT)
        .index("posts_author_idx", "authorId", "slug")
        .uniqueIndex("posts_slug_unique_idx", "slug")
        .build();
    Table sessions = table("sessions").key("token", TEXT)
        .integer("userId").defaultNumber("0")
        .references("userId", "users", "id", Action.SET_DEFAULT)
        .build();
    Table postTags = table("post_tags")
        .integer("postId")
        .text("tag")
        .primaryKey("postId", "tag")
        .references("postId", "posts", "id", Action.NO_ACTION)
        .build();
    // A composite key referenced by a composite foreign key, in an order unlike the columns'.
    Table versions = table("versions")
        .integer("number").text("tag").integer("postId")
        .primaryKey("tag", "postId")
        .references(List.of("postId", "tag"), "post_tags", List.of("postId", "tag"),
            Action.SET_NULL, Action.CASCADE)
        .build();
    return schema(users, posts, sessions, postTags, versions);
  }

  @Test
  void readsBackWhatTheRendererCreated() throws Exception {
    DatabaseSchema original = everything();
    try (Connection connection = Sqlite.memory()) {
      Sqlite.create(connection, original);
      DatabaseSchema read = SqliteIntrospector.read(connection);

      SchemaDiff toModels = SchemaDiffer.diff(read, original, RenameHints.NONE);
      SchemaDiff fromModels = SchemaDiffer.diff(original, read, RenameHints.NONE);
      assertTrue(toModels.isEmpty(), () -> "database → models: " + toModels.changes());
      assertTrue(fromModels.isEmpty(), () -> "models → database: " + fromModels.changes());
      assertEquals(List.of("users", "posts", "sessions", "post_tags", "versions"),
          read.tables().stream().map(Table::name).toList());
    }
  }

  @Test
  void readsEachFacetExactly() throws Exception {
    try (Connection connection = Sqlite.memory()) {
      Sqlite.create(connection, everything());
      DatabaseSchema read = SqliteIntrospector.read(connection);
      Table users = read.table("users").orElseThrow();

      Column id = users.column("id").orElseThrow();
      assertTrue(id.primaryKey() && id.autoIncrement() && id.notNull(), id::toString);
      assertEquals(
          Optional.of(new ColumnDefault.Text("it's \"quoted\" -- not a comment; (really)")),
          users.column("name").orElseThrow().defaultValue());
      assertEquals(Optional.of(new ColumnDefault.Number("-1")),
          users.column("age").orElseThrow().defaultValue());
      assertEquals(Optional.of(new ColumnDefault.Number("1.5")),
          users.column("score").orElseThrow().defaultValue());
      assertEquals(Optional.of(new ColumnDefault.Bool(true)),
          users.column("active").orElseThrow().defaultValue());
      assertEquals(Optional.of(new ColumnDefault.Expression("(unixepoch())")),
          users.column("createdAt").orElseThrow().defaultValue());
      assertEquals(
          Optional.of(
              new ColumnDefault.Expression("(cast(unixepoch('subsecond') * 1000 as integer))")),
          users.column("updatedAt").orElseThrow().defaultValue());
      assertEquals(Optional.of(new ColumnDefault.Expression("CURRENT_TIMESTAMP")),
          users.column("seenAt").orElseThrow().defaultValue());
      assertFalse(users.column("bio").orElseThrow().notNull());
      assertEquals(Optional.empty(), users.column("bio").orElseThrow().defaultValue());
      assertEquals(new LogicalType.Real(), users.column("score").orElseThrow().type());
      assertEquals(new LogicalType.Numeric(), users.column("ratio").orElseThrow().type());
      assertEquals(new LogicalType.Blob(), users.column("avatar").orElseThrow().type());
      assertEquals(List.of(
              new TableIndex("users_email_unique", List.of("email"), true),
              new TableIndex("users_name_age_unique", List.of("name", "age"), true),
              new TableIndex("users_name_idx", List.of("name"), false)),
          users.indexes());

      Table posts = read.table("posts").orElseThrow();
      Column postId = posts.column("id").orElseThrow();
      assertTrue(postId.primaryKey() && !postId.autoIncrement(), postId::toString);
      assertEquals(List.of(
              new ForeignKey("posts_authorId_users_id_fk", List.of("authorId"), "users",
                  List.of("id"), Action.NO_ACTION, Action.CASCADE),
              new ForeignKey("posts_parentId_posts_id_fk", List.of("parentId"), "posts",
                  List.of("id"), Action.NO_ACTION, Action.SET_NULL),
              new ForeignKey("posts_editorId_users_id_fk", List.of("editorId"), "users",
                  List.of("id"), Action.CASCADE, Action.RESTRICT)),
          sortedLike(posts.foreignKeys(), List.of("authorId", "parentId", "editorId")));

      Table sessions = read.table("sessions").orElseThrow();
      assertTrue(sessions.column("token").orElseThrow().primaryKey());
      assertEquals(Action.SET_DEFAULT, sessions.foreignKeys().get(0).onDelete());

      Table postTags = read.table("post_tags").orElseThrow();
      assertEquals(List.of("postId", "tag"), postTags.compositePrimaryKey());
      assertTrue(postTags.columns().stream().noneMatch(Column::primaryKey));

      Table versions = read.table("versions").orElseThrow();
      assertEquals(List.of("tag", "postId"), versions.compositePrimaryKey());
      ForeignKey composite = versions.foreignKeys().get(0);
      assertEquals(List.of("postId", "tag"), composite.columns());
      assertEquals(List.of("postId", "tag"), composite.referencedColumns());
      assertEquals(Action.SET_NULL, composite.onUpdate());
    }
  }

  @Test
  void aForeignKeyWithoutColumnListPointsAtTheParentsKey() throws Exception {
    try (Connection connection = Sqlite.memory()) {
      Sqlite.exec(connection,
          "CREATE TABLE parents (code text PRIMARY KEY NOT NULL)",
          "CREATE TABLE children (id integer PRIMARY KEY, parent text REFERENCES parents)");
      ForeignKey key = SqliteIntrospector.read(connection).table("children").orElseThrow()
          .foreignKeys().get(0);
      assertEquals(List.of("code"), key.referencedColumns());
    }
  }

  @Test
  void leavesOutBookkeepingTables() throws Exception {
    try (Connection connection = Sqlite.memory()) {
      Sqlite.exec(
          connection,
          "CREATE TABLE d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE,"
              + " applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)",
          "INSERT INTO d1_migrations (name) VALUES ('0000_init.sql')", // creates sqlite_sequence
          "CREATE TABLE nanoka_migration_checksums (name text PRIMARY KEY, checksum text)",
          "CREATE TABLE __drizzle_migrations (id integer PRIMARY KEY, hash text, created_at numeric)",
          "CREATE TABLE _cf_KV (key TEXT PRIMARY KEY, value BLOB)",
          "CREATE TABLE _cf_METADATA (key INTEGER PRIMARY KEY, value BLOB)",
          "CREATE TABLE notes (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, body text)");
      assertEquals(1, Sqlite.count(connection, "sqlite_sequence"));

      DatabaseSchema read = SqliteIntrospector.read(connection);

      assertEquals(List.of("notes"), read.tables().stream().map(Table::name).toList());
      for (String name : List.of("d1_migrations", "nanoka_migration_checksums",
          "__drizzle_migrations", "sqlite_sequence", "_cf_KV", "_cf_METADATA", "D1_MIGRATIONS")) {
        assertTrue(SqliteIntrospector.isBookkeeping(name), name);
      }
      assertFalse(SqliteIntrospector.isBookkeeping("migrations"));
      assertFalse(SqliteIntrospector.isBookkeeping("cf_users"));
    }
  }

  @Test
  void typesFollowSqliteAffinityRules() {
    assertEquals(new LogicalType.Int(), SqliteIntrospector.type("BIGINT"));
    assertEquals(new LogicalType.Text(), SqliteIntrospector.type("VARCHAR(50)"));
    assertEquals(new LogicalType.Text(), SqliteIntrospector.type("CLOB"));
    assertEquals(new LogicalType.Blob(), SqliteIntrospector.type(""));
    assertEquals(new LogicalType.Real(), SqliteIntrospector.type("DOUBLE PRECISION"));
    assertEquals(new LogicalType.Numeric(), SqliteIntrospector.type("DECIMAL(10,5)"));
    assertEquals(new LogicalType.Numeric(), SqliteIntrospector.type("BOOLEAN"));
  }

  private static List<ForeignKey> sortedLike(List<ForeignKey> keys, List<String> order) {
    return keys.stream()
        .sorted((a, b) -> order.indexOf(a.columns().get(0)) - order.indexOf(b.columns().get(0)))
        .toList();
  }
}
