package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Schemas.INTEGER;
import static dev.nanoka.core.testing.Schemas.REAL;
import static dev.nanoka.core.testing.Schemas.enumOf;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.internal.Pusher;
import dev.nanoka.runtime.internal.SqliteDialect;
import dev.nanoka.runtime.internal.SqliteIntrospector;
import dev.nanoka.runtime.internal.SqliteIntrospectorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push against real SQLite: every change that can lose data is refused when the data is there
 * (and the database stays exactly as it was), and applied when the table is empty.
 */
class PusherTest {

  private static final Duration LOCK = Duration.ofSeconds(5);

  private Connection db;

  @BeforeEach
  void open() throws Exception {
    db = Sqlite.memory();
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  // ---- the data-loss cases, each with rows (refused) and with an empty table (applied) ----

  @Nested
  class DroppedTable {
    final DatabaseSchema before = schema(users(), table("tags").id().text("label").build());
    final DatabaseSchema after = schema(users());

    @Test
    void withRowsIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO tags (label) VALUES ('java'), ('sql')");
      assertRefused(after, "drops table tags, which holds 2 row(s)");
    }

    @Test
    void emptyIsApplied() throws Exception {
      push(before);
      assertApplied(after);
      assertEquals(List.of("users"), Sqlite.tableNames(db));
    }
  }

  @Nested
  class DroppedColumn {
    final DatabaseSchema before =
        schema(table("users").id().text("name").nullableText("nickname").build());
    final DatabaseSchema after = schema(table("users").id().text("name").build());

    @Test
    void withValuesIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO users (name, nickname) VALUES ('Eloise', 'elo'), ('Ann', NULL)");
      assertRefused(after, "drops column users.nickname, which holds 1 value(s)");
    }

    @Test
    void emptyIsApplied() throws Exception {
      push(before);
      assertApplied(after);
    }

    /** Only values are lost, so a column holding nothing but NULL goes without a question. */
    @Test
    void holdingOnlyNullsIsApplied() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO users (name) VALUES ('Eloise')");
      assertApplied(after);
      assertEquals(List.of("1|Eloise"), Sqlite.rows(db, "SELECT * FROM users"));
    }

    /** A foreign key column cannot be dropped in place: the table is rebuilt, same guard. */
    @Test
    void droppedByARebuildWithValuesIsRefused() throws Exception {
      DatabaseSchema withEditor = schema(users(), table("posts").id().text("title")
          .nullable("editorId", INTEGER).references("editorId", "users", "id", Action.SET_NULL)
          .build());
      push(withEditor);
      Sqlite.exec(db, "INSERT INTO users (name) VALUES ('Eloise')",
          "INSERT INTO posts (title, editorId) VALUES ('Hello', 1)");
      assertRefused(schema(users(), table("posts").id().text("title").build()),
          "drops column posts.editorId, which holds 1 value(s)");
    }
  }

  @Nested
  class RequiredColumnWithoutDefault {
    final DatabaseSchema before = schema(posts());
    final DatabaseSchema after =
        schema(table("posts").id().text("title").text("description").build());

    /** The seed's example: a required field added to a table with content. */
    @Test
    void withRowsIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO posts (title) VALUES ('How to create a MySQL database')");
      DataLossException refused = assertRefused(after,
          "adds the required column posts.description without a default, but posts holds 1 row(s)");
      // Accepting data loss cannot make rows get a value they don't have.
      assertTrue(refused.getMessage().contains("--force-reset"), refused.getMessage());
    }

    @Test
    void withRowsIsRefusedEvenWhenDataLossIsAccepted() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO posts (title) VALUES ('Hello')");
      String dump = Sqlite.dump(db);
      DataLossException refused = assertThrows(DataLossException.class,
          () -> Pusher.push(db, SqliteDialect.INSTANCE, after, true, LOCK));
      assertEquals(
          List.of(
              "adds the required column posts.description without a default, but"
                  + " posts holds 1 row(s) (add a default, or reset the database)"),
          refused.unexecutable());
      assertEquals(dump, Sqlite.dump(db));
    }

    @Test
    void emptyIsApplied() throws Exception {
      push(before);
      assertApplied(after);
    }

    @Test
    void withADefaultIsAppliedOverRows() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO posts (title) VALUES ('Hello')");
      assertApplied(schema(table("posts").id().text("title").text("description").defaultText("")
          .build()));
      assertEquals(List.of("Hello|"),
          Sqlite.rows(db, "SELECT title, description FROM posts"));
    }
  }

  @Nested
  class NullableMadeRequired {
    final DatabaseSchema before = schema(table("posts").id().nullableText("title").build());
    final DatabaseSchema after = schema(posts());

    @Test
    void withNullsIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO posts (title) VALUES ('a'), (NULL)");
      assertRefused(after, "makes posts.title NOT NULL without a default, but 1 row(s) hold NULL");
    }

    @Test
    void withoutNullsIsApplied() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO posts (title) VALUES ('a')");
      assertApplied(after);
    }
  }

  @Nested
  class TypeChange {
    final DatabaseSchema before = schema(table("items").id().text("code").build());
    final DatabaseSchema after = schema(table("items").id().integer("code").build());

    @Test
    void withValuesThatDoNotConvertIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO items (code) VALUES ('42'), ('abc'), ('1.5')");
      assertRefused(
          after, "changes items.code from text to integer, but 2 value(s) do not convert");
    }

    @Test
    void withValuesThatConvertIsApplied() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO items (code) VALUES ('42'), ('-7')");
      assertApplied(after);
      assertEquals(List.of("integer|42", "integer|-7"),
          Sqlite.rows(db, "SELECT typeof(code), code FROM items ORDER BY id"));
    }

    @Test
    void emptyIsApplied() throws Exception {
      push(before);
      assertApplied(after);
    }

    @Test
    void realToIntegerWithFractionsIsRefused() throws Exception {
      push(schema(table("items").id().column("code", REAL).build()));
      Sqlite.exec(db, "INSERT INTO items (code) VALUES (2.0), (2.5)");
      assertRefused(
          after, "changes items.code from real to integer, but 1 value(s) do not convert");
    }
  }

  @Nested
  class UniqueIndexOverDuplicates {
    final DatabaseSchema before = schema(table("users").id().text("email").text("name").build());
    final DatabaseSchema after =
        schema(table("users").id().text("email").unique().text("name").build());

    @Test
    void withDuplicatesIsRefused() throws Exception {
      push(before);
      Sqlite.exec(
          db, "INSERT INTO users (email, name) VALUES ('a@x', 'A'), ('a@x', 'B'), ('b@x', 'C')");
      assertRefused(after, "adds the unique index users_email_unique on users(email), but 1"
          + " value(s) occur more than once");
    }

    @Test
    void withDistinctValuesIsApplied() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO users (email, name) VALUES ('a@x', 'A'), ('b@x', 'B')");
      assertApplied(after);
    }

    @Test
    void emptyIsApplied() throws Exception {
      push(before);
      assertApplied(after);
    }

    @Test
    void compositeWithDuplicatePairsIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO users (email, name) VALUES ('a@x', 'A'), ('a@x', 'A'),"
          + " ('a@x', 'B')");
      DatabaseSchema composite = schema(table("users").id().text("email").text("name")
          .uniqueIndex("users_email_name_unique", "email", "name").build());
      assertRefused(composite, "adds the unique index users_email_name_unique on users(email,"
          + " name), but 1 value(s) occur more than once");
    }

    /** A new column's values are its default: the same value in every row. */
    @Test
    void newUniqueColumnWithAConstantDefaultOverSeveralRowsIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO users (email, name) VALUES ('a@x', 'A'), ('b@x', 'B')");
      DatabaseSchema withCode = schema(table("users").id().text("email").text("name")
          .text("code").defaultText("none").unique().build());
      assertRefused(withCode, "adds the unique index users_code_unique on users(code), but 1"
          + " value(s) occur more than once");
    }

    @Test
    void newUniqueColumnWithANumberDefaultOverSeveralRowsIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO users (email, name) VALUES ('a@x', 'A'), ('b@x', 'B')");
      DatabaseSchema withRank = schema(table("users").id().text("email").text("name")
          .integer("rank").defaultNumber("0").uniqueIndex("users_email_rank_unique", "email",
              "rank").uniqueIndex("users_rank_unique", "rank").build());
      DataLossException refused = assertRefused(withRank, "adds the unique index"
          + " users_rank_unique on users(rank), but 1 value(s) occur more than once");
      assertEquals(1, refused.unexecutable().size(), refused.unexecutable()::toString);
    }

    @Test
    void newUniqueColumnWithADefaultOverOneRowIsApplied() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO users (email, name) VALUES ('a@x', 'A')");
      assertApplied(schema(table("users").id().text("email").text("name")
          .integer("rank").defaultNumber("0").unique().build()));
    }

    @Test
    void newNullableUniqueColumnOverRowsIsApplied() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO users (email, name) VALUES ('a@x', 'A'), ('b@x', 'B')");
      assertApplied(schema(table("users").id().text("email").text("name")
          .nullableText("code").unique().build()));
    }
  }

  @Nested
  class NarrowedEnum {
    final DatabaseSchema before = schema(table("posts").id()
        .column("status", enumOf("draft", "published", "archived")).build());
    final DatabaseSchema after = schema(table("posts").id()
        .column("status", enumOf("draft", "published")).build());

    @Test
    void withRowsUsingTheRemovedValueIsRefused() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO posts (status) VALUES ('draft'), ('archived')");
      assertRefused(after, "posts.status holds 1 value(s) that are no longer constants of its"
          + " enum (draft, published)");
    }

    @Test
    void withoutRowsUsingTheRemovedValueIsApplied() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO posts (status) VALUES ('draft'), ('published')");
      PushResult result = Pusher.push(db, SqliteDialect.INSTANCE, after, false, LOCK);
      assertEquals(List.of(), result.acceptedLosses());
    }

    @Test
    void emptyIsApplied() throws Exception {
      push(before);
      PushResult result = Pusher.push(db, SqliteDialect.INSTANCE, after, false, LOCK);
      assertEquals(List.of(), result.acceptedLosses());
    }

    @Test
    void acceptedIsReportedAndKeepsTheValues() throws Exception {
      push(before);
      Sqlite.exec(db, "INSERT INTO posts (status) VALUES ('archived')");
      PushResult result = Pusher.push(db, SqliteDialect.INSTANCE, after, true, LOCK);
      assertEquals(1, result.acceptedLosses().size(), result.toString());
      assertEquals(List.of("archived"), Sqlite.rows(db, "SELECT status FROM posts"));
    }

    /** An enum column new to an existing table has no values to check yet. */
    @Test
    void addedToATableWithRowsIsApplied() throws Exception {
      push(schema(table("posts").id().build()));
      Sqlite.exec(db, "INSERT INTO posts DEFAULT VALUES");
      assertApplied(schema(table("posts").id()
          .column("status", enumOf("draft", "published")).defaultText("draft").build()));
    }
  }

  // ---- accepting data loss ----

  @Test
  void acceptedDataLossIsAppliedAndReported() throws Exception {
    push(schema(users(), table("tags").id().text("label").build(),
        table("items").id().text("code").build()));
    Sqlite.exec(db, "INSERT INTO tags (label) VALUES ('java')",
        "INSERT INTO items (code) VALUES ('abc')");

    PushResult result = Pusher.push(db, SqliteDialect.INSTANCE,
        schema(users(), table("items").id().integer("code").build()), true, LOCK);

    assertEquals(Set.of(
            "drops table tags, which holds 1 row(s)",
            "changes items.code from text to integer, but 1 value(s) do not convert exactly"
            + " (e.g. 'abc' stays text)"),
        Set.copyOf(result.acceptedLosses()));
    assertEquals(List.of("items", "users"), Sqlite.tableNames(db));
    // SQLite keeps a value its new column type cannot hold as it was.
    assertEquals(List.of("text|abc"), Sqlite.rows(db, "SELECT typeof(code), code FROM items"));
    assertInSync(schema(users(), table("items").id().integer("code").build()));
  }

  // ---- push as a whole ----

  @Test
  void createsEverythingInAnEmptyDatabase() throws Exception {
    DatabaseSchema models = SqliteIntrospectorTest.everything();
    PushResult result = Pusher.push(db, SqliteDialect.INSTANCE, models, false, LOCK);
    assertTrue(result.changedAnything());
    assertEquals(List.of(), result.acceptedLosses());
    assertInSync(models);
  }

  @Test
  void aSecondPushDoesNothing() throws Exception {
    DatabaseSchema models = SqliteIntrospectorTest.everything();
    Pusher.push(db, SqliteDialect.INSTANCE, models, false, LOCK);
    String dump = Sqlite.dump(db);

    assertEquals(List.of(), Pusher.plan(db, SqliteDialect.INSTANCE, models));
    PushResult second = Pusher.push(db, SqliteDialect.INSTANCE, models, false, LOCK);

    assertFalse(second.changedAnything(), second.toString());
    assertEquals(dump, Sqlite.dump(db));
  }

  @Test
  void keepsRowsThroughARebuild() throws Exception {
    push(schema(users(), posts()));
    Sqlite.exec(db, "INSERT INTO users (name) VALUES ('Eloise')",
        "INSERT INTO posts (title) VALUES ('Hello')");
    DatabaseSchema after = schema(users(), table("posts").id().text("title").text("status")
        .defaultText("draft").nullable("authorId", INTEGER)
        .references("authorId", "users", "id", Action.CASCADE).build());
    assertApplied(after);
    assertEquals(List.of("Hello|draft|null"),
        Sqlite.rows(db, "SELECT title, status, authorId FROM posts"));
  }

  @Test
  void neverCreatesAMigrationHistory() throws Exception {
    push(schema(users()));
    push(schema(users(), posts()));
    assertEquals(List.of("posts", "users"), Sqlite.tableNames(db));
  }

  @Test
  void leavesAnExistingMigrationHistoryAlone(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("0000_init.sql"),
        Migrations.file(schema(), schema(users())));
    String url = "jdbc:sqlite:" + dir.resolve("dev.db");
    Migrator.forUrl(url).source(MigrationSource.folder(migrations)).migrate();

    try (Connection file = Sqlite.open(url)) {
      String historyBefore = history(file);
      PushResult result =
          Pusher.push(file, SqliteDialect.INSTANCE, schema(users(), posts()), false, LOCK);

      assertTrue(result.statements().stream().noneMatch(s -> s.contains("d1_migrations")
          || s.contains("nanoka_migration_checksums")), result.statements()::toString);
      assertEquals(historyBefore, history(file));
      assertEquals(List.of("d1_migrations", "nanoka_migration_checksums", "posts", "users"),
          Sqlite.tableNames(file));
      // Dropping every model table still leaves the history where it is.
      Pusher.push(file, SqliteDialect.INSTANCE, schema(), true, LOCK);
      assertEquals(historyBefore, history(file));
    }
  }

  // ---- helpers ----

  private static Table users() {
    return table("users").id().text("name").build();
  }

  private static Table posts() {
    return table("posts").id().text("title").build();
  }

  private void push(DatabaseSchema models) throws Exception {
    PushResult result = Pusher.push(db, SqliteDialect.INSTANCE, models, false, LOCK);
    assertEquals(List.of(), result.acceptedLosses());
    assertInSync(models);
  }

  private DataLossException assertRefused(DatabaseSchema models, String problem) throws Exception {
    String dump = Sqlite.dump(db);
    DataLossException refused =
        assertThrows(
            DataLossException.class,
            () -> Pusher.push(db, SqliteDialect.INSTANCE, models, false, LOCK));
    assertTrue(refused.problems().stream().anyMatch(p -> p.startsWith(problem)),
        () -> "expected «" + problem + "» among " + refused.problems());
    assertTrue(refused.getMessage().contains(problem), refused::getMessage);
    assertEquals(dump, Sqlite.dump(db), "a refused push must change nothing");
    return refused;
  }

  private void assertApplied(DatabaseSchema models) throws Exception {
    PushResult result = Pusher.push(db, SqliteDialect.INSTANCE, models, false, LOCK);
    assertTrue(result.changedAnything(), "expected statements");
    assertEquals(List.of(), result.acceptedLosses());
    assertInSync(models);
  }

  private void assertInSync(DatabaseSchema models) throws Exception {
    SchemaDiff diff = SchemaDiffer.diff(SqliteIntrospector.read(db), models, RenameHints.NONE);
    assertTrue(diff.isEmpty(), () -> "database differs from the models: " + diff.changes());
    assertEquals(List.of(), Pusher.plan(db, SqliteDialect.INSTANCE, models));
  }

  private static String history(Connection connection) throws Exception {
    return Sqlite.rows(connection, "SELECT id, name, applied_at FROM d1_migrations ORDER BY id")
        + "\n" + Sqlite.rows(connection,
            "SELECT name, checksum FROM nanoka_migration_checksums ORDER BY name")
        + "\n" + Sqlite.rows(connection, "SELECT type, name, sql FROM sqlite_master"
            + " WHERE tbl_name IN ('d1_migrations', 'nanoka_migration_checksums') ORDER BY name");
  }
}
