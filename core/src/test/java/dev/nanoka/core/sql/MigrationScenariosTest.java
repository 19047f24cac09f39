package dev.nanoka.core.sql;

import static dev.nanoka.core.schema.ForeignKey.Action.CASCADE;
import static dev.nanoka.core.schema.ForeignKey.Action.NO_ACTION;
import static dev.nanoka.core.schema.ForeignKey.Action.RESTRICT;
import static dev.nanoka.core.schema.ForeignKey.Action.SET_DEFAULT;
import static dev.nanoka.core.schema.ForeignKey.Action.SET_NULL;
import static dev.nanoka.core.testing.Schemas.blob;
import static dev.nanoka.core.testing.Schemas.edit;
import static dev.nanoka.core.testing.Schemas.integer;
import static dev.nanoka.core.testing.Schemas.real;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.core.testing.Schemas.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.testing.Hints;
import dev.nanoka.core.testing.MigrationCheck;
import dev.nanoka.core.testing.MigrationCheck.Evolution;
import dev.nanoka.core.testing.MigrationMode;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.core.testing.TableBuilder;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-written migrations with rows in every table, applied to real SQLite in the three modes of
 * {@link MigrationMode}; {@link MigrationCheck} states what must hold afterwards.
 */
class MigrationScenariosTest {

  /** users ← posts (cascade) ← comments (cascade; set null to users) and likes (restrict). */
  static DatabaseSchema blog() {
    return schema(
        table("users")
            .col(integer("id").pk().autoIncrement().notNull())
            .col(text("email").notNull().unique())
            .col(text("name"))
            .build(),
        table("posts")
            .col(integer("id").pk().autoIncrement().notNull())
            .col(integer("authorId").notNull())
            .col(text("title").notNull())
            .col(text("status").defaultText("draft").notNull())
            .references("authorId", "users", "id", CASCADE)
            .index("posts_author_idx", "authorId", "title")
            .build(),
        table("comments")
            .col(integer("id").pk().notNull())
            .col(integer("postId").notNull())
            .col(integer("authorId"))
            .col(text("body").notNull())
            .references("postId", "posts", "id", CASCADE)
            .references("authorId", "users", "id", SET_NULL)
            .build(),
        table("likes")
            .col(integer("userId").notNull())
            .col(integer("postId").notNull())
            .col(integer("at").defaultSql("(unixepoch())").notNull())
            .primaryKey("userId", "postId")
            .references("userId", "users", "id", RESTRICT)
            .references("postId", "posts", "id", NO_ACTION)
            .build());
  }

  static final List<String> BLOG_ROWS = List.of(
      "INSERT INTO users (id, email, name) VALUES (1, 'a@x', 'Ann'), (2, 'b@x', NULL),"
          + " (3, 'c@x', 'Cy')",
      "INSERT INTO posts (id, authorId, title, status) VALUES (1, 1, 'Hello', 'published'),"
          + " (2, 1, 'Again', 'draft'), (3, 2, 'Mine', 'draft')",
      "INSERT INTO comments VALUES (1, 1, 2, 'nice'), (2, 1, NULL, 'anon'), (3, 3, 1, 'ok'),"
          + " (4, 2, 3, 'hm')",
      "INSERT INTO likes VALUES (1, 1, 100), (2, 1, 101), (3, 3, 102), (2, 3, 103)");

  @Test
  void rebuildOfParentKeepsCascadeChildrenAndGrandchildren() {
    // drizzle-orm #4938: on D1 the DROP of the old parent cascades into posts, comments, likes.
    DatabaseSchema to = edit(blog(), "users",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull().defaultText("anonymous")).build());
    MigrationCheck check = check("users rebuilt under cascade children", blog(), to,
        RenameHints.NONE, BLOG_ROWS);
    assertTrue(check.diff().changes().stream()
        .anyMatch(c -> c instanceof SchemaChange.RebuildTable r && r.to().name().equals("users")));
    assertTrue(check.file().contains("CREATE TABLE `__new_users`"), check.file());
  }

  @Test
  void rebuildOfMiddleTableKeepsParentsAndChildren() {
    DatabaseSchema to = edit(blog(), "posts",
        t -> TableBuilder.of(t).replace("title", c -> c.type(new LogicalType.Blob())).build());
    check("posts rebuilt between users and comments", blog(), to, RenameHints.NONE, BLOG_ROWS);
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void rebuildOfSelfReferencingTable(Action onDelete) {
    DatabaseSchema from = schema(table("categories")
        .col(integer("id").pk().notNull())
        // SET DEFAULT points at a row that does not exist: harmless only if nothing fires.
        .col(onDelete == SET_DEFAULT
            ? integer("parentId").defaultNumber("99") : integer("parentId"))
        .col(text("name").notNull())
        .references("parentId", "categories", "id", onDelete)
        .build());
    DatabaseSchema to = edit(from, "categories",
        t -> TableBuilder.of(t).replace("name", c -> c.type(new LogicalType.Numeric())).build());
    check("self-referencing categories on delete " + onDelete, from, to, RenameHints.NONE,
        List.of("INSERT INTO categories VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 2, 'b'),"
            + " (4, 2, 'c'), (5, 1, 'd')"));
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void rebuildOfParentWithSelfReferencingChild(Action onDelete) {
    // The child's rows are set aside and deleted; its self-references must not stop the delete.
    DatabaseSchema from = schema(
        table("boards").col(integer("id").pk().notNull()).col(text("title")).build(),
        table("threads")
            .col(integer("id").pk().notNull())
            .col(integer("boardId").notNull())
            .col(integer("replyTo"))
            .references("boardId", "boards", "id", CASCADE)
            .references("replyTo", "threads", "id", onDelete)
            .build());
    DatabaseSchema to = edit(from, "boards",
        t -> TableBuilder.of(t).replace("title", c -> c.notNull().defaultText("untitled")).build());
    check("parent of a self-referencing child, on delete " + onDelete, from, to,
        RenameHints.NONE,
        List.of("INSERT INTO boards VALUES (1, 'one'), (2, NULL)",
            "INSERT INTO threads VALUES (1, 1, NULL), (2, 1, 1), (3, 1, 2), (4, 2, NULL),"
                + " (5, 2, 4)"));
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void rebuildOfATableInAReferenceCycle(Action onDelete) {
    // users → teams → users: emptying teams (set aside as a child of users) would fire its
    // ON DELETE action on the rows of users themselves.
    DatabaseSchema from = schema(
        table("users").col(integer("id").pk().notNull()).col(integer("teamId")).col(text("name"))
            .references("teamId", "teams", "id", onDelete).build(),
        table("teams").col(integer("id").pk().notNull()).col(integer("ownerId").notNull())
            .col(text("title")).references("ownerId", "users", "id", onDelete).build());
    DatabaseSchema to = edit(from, "users",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull().defaultText("?")).build());
    check("users rebuilt in a cycle with teams, on delete " + onDelete, from, to,
        RenameHints.NONE, List.of(
            "INSERT INTO users VALUES (1, NULL, 'a'), (2, NULL, NULL), (3, NULL, 'c')",
            "INSERT INTO teams VALUES (10, 1, 'x'), (20, 2, NULL)",
            "UPDATE users SET teamId = 10 WHERE id IN (1, 3)",
            "UPDATE users SET teamId = 20 WHERE id = 2"));
  }

  @Test
  void rebuildOfATableInAReferenceCycleWithACompositeKey() {
    DatabaseSchema from = schema(
        table("pairs").col(integer("a").notNull()).col(text("b").notNull()).col(integer("memo"))
            .col(integer("noteId")).primaryKey("a", "b")
            .references("noteId", "notes", "id", SET_NULL).build(),
        table("notes").col(integer("id").pk().notNull()).col(integer("pa")).col(text("pb"))
            .references(List.of("pa", "pb"), "pairs", List.of("a", "b"), NO_ACTION, CASCADE)
            .build());
    DatabaseSchema to = edit(from, "pairs",
        t -> TableBuilder.of(t).replace("memo", c -> c.type(new LogicalType.Text())).build());
    check("pairs rebuilt in a cycle with notes", from, to, RenameHints.NONE, List.of(
        "INSERT INTO pairs VALUES (1, 'x', 5, NULL), (2, 'y', NULL, NULL)",
        "INSERT INTO notes VALUES (7, 1, 'x'), (8, 2, 'y'), (9, NULL, NULL)",
        "UPDATE pairs SET noteId = 7 WHERE a = 1",
        "UPDATE pairs SET noteId = 9 WHERE a = 2"));
  }

  @Test
  void selfReferenceThatIsNotNullAndSetNull() {
    // Odd but legal: ON DELETE SET NULL on a NOT NULL column; the root row points at itself.
    DatabaseSchema from = schema(table("nodes")
        .col(integer("id").pk().notNull())
        .col(integer("up").notNull())
        .col(real("weight"))
        .references("up", "nodes", "id", SET_NULL)
        .build());
    DatabaseSchema to = edit(from, "nodes",
        t -> TableBuilder.of(t).replace("weight", c -> c.notNull().defaultNumber("1.5")).build());
    check("NOT NULL self-reference with SET NULL", from, to, RenameHints.NONE,
        List.of("INSERT INTO nodes VALUES (1, 1, NULL), (2, 1, 2.0), (3, 2, NULL)"));
  }

  @Test
  void addedNotNullColumnWithDefaultDuringRebuildGetsTheDefault() {
    // drizzle-kit #5822: it copies the new column too, and SQLite stores the text "role".
    DatabaseSchema from = schema(table("members")
        .col(integer("id").pk().notNull())
        .col(integer("score"))
        .build());
    DatabaseSchema to = schema(table("members")
        .col(integer("id").pk().notNull())
        .col(text("score"))
        .col(text("role").defaultText("member").notNull())
        .col(integer("level").defaultNumber("-1").notNull())
        .build());
    MigrationCheck check = check("type change plus new NOT NULL column with default", from, to,
        RenameHints.NONE, List.of("INSERT INTO members VALUES (1, 10), (2, NULL), (3, 30)"));
    assertFalse(check.file().contains("`role`) SELECT"), check.file());
    try (Connection c = Sqlite.memory(true)) {
      Sqlite.applyAll(c, Migrations.creation(from), false, "");
      Sqlite.applyAll(c, List.of("INSERT INTO members VALUES (1, 10), (2, NULL)"), false,
          "");
      Sqlite.applyAll(c, check.statements(), true, check.file());
      assertEquals(List.of("1|10|member|-1", "2|null|member|-1"),
          Sqlite.rows(c, "SELECT id, score, role, level FROM members ORDER BY id"));
      assertEquals(List.of("text", "null"),
          Sqlite.rows(c, "SELECT typeof(score) FROM members ORDER BY id"));
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void rebuildKeepsAutoIncrementSequences() {
    // Rows 3 of users and posts were deleted: AUTOINCREMENT must not hand out id 3 again.
    List<String> rows = new java.util.ArrayList<>(BLOG_ROWS);
    rows.add("DELETE FROM likes WHERE postId = 3");
    rows.add("DELETE FROM comments WHERE postId = 3");
    rows.add("DELETE FROM posts WHERE id = 3");
    rows.add("DELETE FROM comments WHERE authorId = 3");
    rows.add("DELETE FROM users WHERE id = 3");
    DatabaseSchema to =
        edit(
            edit(
                blog(),
                "users",
                t -> TableBuilder.of(t)
                    .replace("name", c -> c.notNull().defaultText("anonymous")).build()),
            "posts",
            t -> TableBuilder.of(t).replace("title", c -> c.type(new LogicalType.Blob())).build());
    check("users and posts rebuilt after deletes", blog(), to, RenameHints.NONE, rows);
  }

  @Test
  void nullableToNotNullWithDefaultFillsNulls() {
    DatabaseSchema to = edit(blog(), "users",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull().defaultText("nobody")).build());
    MigrationCheck check = check("name NOT NULL with default", blog(), to, RenameHints.NONE,
        BLOG_ROWS);
    assertTrue(check.file().contains("coalesce(`name`, 'nobody')"), check.file());
  }

  @Test
  void renameTableRenameColumnAndRebuildInOneMigration() {
    DatabaseSchema to = schema(
        table("accounts")
            .col(integer("id").pk().autoIncrement().notNull())
            .col(text("email").notNull().unique())
            .col(text("displayName").notNull().defaultText(""))
            .build(),
        table("posts")
            .col(integer("id").pk().autoIncrement().notNull())
            .col(integer("writerId").notNull())
            .col(text("title").notNull())
            .col(text("status").defaultText("draft").notNull())
            .references("writerId", "accounts", "id", CASCADE)
            .index("posts_author_idx", "writerId", "title")
            .build(),
        table("comments")
            .col(integer("id").pk().notNull())
            .col(integer("postId").notNull())
            .col(integer("authorId"))
            .col(text("body").notNull())
            .references("postId", "posts", "id", CASCADE)
            .references("authorId", "accounts", "id", SET_NULL)
            .build(),
        table("likes")
            .col(integer("userId").notNull())
            .col(integer("postId").notNull())
            .col(integer("at").defaultSql("(unixepoch())").notNull())
            .primaryKey("userId", "postId")
            .references("userId", "accounts", "id", RESTRICT)
            .references("postId", "posts", "id", NO_ACTION)
            .build());
    RenameHints hints = new RenameHints(Map.of("accounts", "users"),
        Map.of("accounts", Map.of("displayName", "name"), "posts", Map.of("writerId", "authorId")),
        Set.of(), Map.of());
    MigrationCheck check = check("rename users→accounts, name→displayName (rebuilt), "
        + "authorId→writerId", blog(), to, hints, BLOG_ROWS);
    assertTrue(check.file().contains("ALTER TABLE `users` RENAME TO `accounts`;"), check.file());
  }

  @Test
  void renamedTableKeepsItsUniqueIndexUnderTheNewName() {
    DatabaseSchema from = schema(table("users")
        .col(integer("id").pk().notNull()).col(text("email").notNull().unique()).build());
    DatabaseSchema to = schema(table("people")
        .col(integer("id").pk().notNull()).col(text("mail").notNull().unique()).build());
    RenameHints hints = new RenameHints(Map.of("people", "users"),
        Map.of("people", Map.of("mail", "email")), Set.of(), Map.of());
    check("rename of a table and of its unique column", from, to, hints,
        List.of("INSERT INTO users VALUES (1, 'a'), (2, 'b')"));
  }

  @Test
  void dropParentAfterChildForeignKeyIsRemoved() {
    DatabaseSchema from = schema(
        table("teams").col(integer("id").pk().notNull()).col(text("name")).build(),
        table("players")
            .col(integer("id").pk().notNull())
            .col(integer("teamId"))
            .references("teamId", "teams", "id", CASCADE)
            .build());
    DatabaseSchema to = schema(table("players")
        .col(integer("id").pk().notNull())
        .col(integer("teamId"))
        .build());
    MigrationCheck check = check("drop teams, players loses its cascade key", from, to,
        Hints.droppedTables("teams"),
        List.of("INSERT INTO teams VALUES (1, 'a'), (2, 'b')",
            "INSERT INTO players VALUES (1, 1), (2, 1), (3, 2), (4, NULL)"));
    String file = check.file();
    assertTrue(file.indexOf("DROP TABLE `teams`;") > file.indexOf("RENAME TO `players`"), file);
  }

  @Test
  void droppedChildOfRebuiltParentWhoseKeyGoes() {
    // tags is dropped; its key into notes.slug goes with notes.slug in the same migration.
    DatabaseSchema from = schema(
        table("notes")
            .col(integer("id").pk().notNull())
            .col(text("slug").unique())
            .col(integer("size"))
            .build(),
        table("tags")
            .col(integer("id").pk().notNull())
            .col(text("noteSlug"))
            .references("noteSlug", "notes", "slug", CASCADE)
            .build());
    DatabaseSchema to = schema(table("notes")
        .col(integer("id").pk().notNull())
        .col(text("size"))
        .build());
    check("drop tags and notes.slug, rebuild notes", from, to,
        new RenameHints(Map.of(), Map.of(), Set.of("tags"), Map.of("notes", Set.of("slug"))),
        List.of("INSERT INTO notes VALUES (1, 'a', 3), (2, 'b', NULL)",
            "INSERT INTO tags VALUES (1, 'a'), (2, 'a'), (3, NULL)"));
  }

  @Test
  void twoRebuildsInOneMigration() {
    DatabaseSchema to = edit(edit(blog(), "users",
            t -> TableBuilder.of(t).replace("name", c -> c.type(new LogicalType.Blob())).build()),
        "comments", t -> TableBuilder.of(t).replace("body", c -> c.notNull(false)).build());
    MigrationCheck check = check("users and comments rebuilt", blog(), to, RenameHints.NONE,
        BLOG_ROWS);
    assertEquals(2, check.diff().changes().stream()
        .filter(c -> c instanceof SchemaChange.RebuildTable).count());
  }

  @Test
  void parentAndChildBothRebuilt() {
    DatabaseSchema to = edit(edit(blog(), "users",
            t -> TableBuilder.of(t).replace("name", c -> c.type(new LogicalType.Blob())).build()),
        "posts", t -> TableBuilder.of(t).clearForeignKeys()
            .references(List.of("authorId"), "users", List.of("id"), CASCADE, CASCADE).build());
    check("users and posts rebuilt", blog(), to, RenameHints.NONE, BLOG_ROWS);
  }

  @Test
  void addForeignKeyAndColumnToChild() {
    DatabaseSchema to = edit(blog(), "comments", t -> TableBuilder.of(t)
        .col(integer("replyTo"))
        .references("replyTo", "comments", "id", CASCADE)
        .build());
    check("comments gains a self reference", blog(), to, RenameHints.NONE, BLOG_ROWS);
  }

  @Test
  void compositeKeyChange() {
    DatabaseSchema to =
        edit(blog(), "likes", t -> TableBuilder.of(t).primaryKey("postId", "userId").build());
    check("likes key order changes", blog(), to, RenameHints.NONE, BLOG_ROWS);
  }

  @Test
  void dropSelfReferencingTableWithRestrict() {
    DatabaseSchema from = schema(
        table("keep").col(integer("id").pk().notNull()).build(),
        table("tree")
            .col(integer("id").pk().notNull())
            .col(integer("parent"))
            .references("parent", "tree", "id", RESTRICT)
            .build());
    DatabaseSchema to = schema(table("keep").col(integer("id").pk().notNull()).build());
    check("drop a self-referencing RESTRICT table", from, to,
        Hints.droppedTables("tree"),
        List.of("INSERT INTO keep VALUES (1)",
            "INSERT INTO tree VALUES (1, NULL), (2, 1), (3, 2)"));
  }

  @Test
  void alterableChangesOnly() {
    DatabaseSchema to = edit(blog(), "users", t -> TableBuilder.of(t)
        .drop("name")
        .col(text("bio"))
        .col(integer("karma").notNull().defaultNumber("0"))
        .col(blob("avatar").unique())
        .build());
    MigrationCheck check = check("add and drop columns in place", blog(), to,
        new RenameHints(Map.of(), Map.of(), Set.of(), Map.of("users", Set.of("name"))),
        BLOG_ROWS);
    assertFalse(check.file().contains("__new_"), check.file());
  }

  @Test
  void dropIndexedColumnInPlace() {
    DatabaseSchema from = edit(blog(), "users",
        t -> TableBuilder.of(t).index("users_name_idx", "name").build());
    DatabaseSchema to = edit(blog(), "users", t -> TableBuilder.of(t).drop("name").build());
    MigrationCheck check = check("drop an indexed column", from, to,
        new RenameHints(Map.of(), Map.of(), Set.of(), Map.of("users", Set.of("name"))),
        BLOG_ROWS);
    assertTrue(check.file().contains("DROP INDEX `users_name_idx`;"), check.file());
  }

  @Test
  void dropForeignKeyColumnNeedsRebuild() {
    DatabaseSchema to = edit(blog(), "comments",
        t -> TableBuilder.of(t).drop("authorId").clearForeignKeys()
            .references("postId", "posts", "id", CASCADE).build());
    check("drop comments.authorId", blog(), to,
        new RenameHints(Map.of(), Map.of(), Set.of(), Map.of("comments", Set.of("authorId"))),
        BLOG_ROWS);
  }

  @Test
  void renamedParentKeepsChildrenUntouched() {
    DatabaseSchema to = schema(blog().tables().stream()
        .map(t -> t.name().equals("users")
            ? TableBuilder.of(t).name("people").build() : retarget(t))
        .toArray(Table[]::new));
    MigrationCheck check = check("users renamed to people", blog(), to,
        Hints.renamedTables(Map.of("people", "users")), BLOG_ROWS);
    assertFalse(check.file().contains("__new_"), check.file());
  }

  private static Table retarget(Table t) {
    TableBuilder spec = TableBuilder.of(t).clearForeignKeys();
    t.foreignKeys().forEach(fk -> spec.references(fk.columns(),
        fk.referencedTable().equals("users") ? "people" : fk.referencedTable(),
        fk.referencedColumns(), fk.onUpdate(), fk.onDelete()));
    return spec.build();
  }

  private static MigrationCheck check(
      String label,
      DatabaseSchema from,
      DatabaseSchema to,
      RenameHints hints,
      List<String> inserts) {
    return MigrationCheck.assertRowPreserving(new Evolution(label, from, to, hints, inserts));
  }
}
