package dev.nanoka.core.sql;

import static dev.nanoka.core.schema.ForeignKey.Action.CASCADE;
import static dev.nanoka.core.schema.ForeignKey.Action.NO_ACTION;
import static dev.nanoka.core.schema.ForeignKey.Action.RESTRICT;
import static dev.nanoka.core.schema.ForeignKey.Action.SET_DEFAULT;
import static dev.nanoka.core.schema.ForeignKey.Action.SET_NULL;
import static dev.nanoka.core.testing.Schemas.blob;
import static dev.nanoka.core.testing.Schemas.bool;
import static dev.nanoka.core.testing.Schemas.integer;
import static dev.nanoka.core.testing.Schemas.numeric;
import static dev.nanoka.core.testing.Schemas.real;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.core.testing.Schemas.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.testing.Sqlite;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single statements, spelled exactly as drizzle-kit 0.31 spells them (the expected texts are
 * drizzle-kit's output; see also {@link DrizzleKitConformanceTest}).
 */
class SqliteDdlTest {

  @Test
  void createTable() {
    Table posts = table("posts")
        .col(integer("id").pk().autoIncrement().notNull())
        .col(text("authorId").notNull())
        .col(text("status").defaultText("draft").notNull())
        .references("authorId", "users", "id", CASCADE)
        .build();
    assertEquals(
        "CREATE TABLE `posts` (\n"
            + "\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n"
            + "\t`authorId` text NOT NULL,\n"
            + "\t`status` text DEFAULT 'draft' NOT NULL,\n"
            + "\tFOREIGN KEY (`authorId`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade\n"
            + ");\n",
        SqliteDdl.createTable(posts));
  }

  @Test
  void createTableWithCompositeKeyAndKeys() {
    Table likes = table("likes")
        .col(integer("userId").notNull())
        .col(integer("postId").notNull())
        .col(text("note"))
        .primaryKey("userId", "postId")
        .references(List.of("userId"), "users", List.of("id"), CASCADE, SET_NULL)
        .references(List.of("userId", "postId"), "pairs", List.of("a", "b"), RESTRICT, SET_DEFAULT)
        .build();
    assertEquals(
        "CREATE TABLE `likes` (\n"
            + "\t`userId` integer NOT NULL,\n"
            + "\t`postId` integer NOT NULL,\n"
            + "\t`note` text,\n"
            + "\tPRIMARY KEY(`userId`, `postId`),\n"
            + "\tFOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON UPDATE cascade ON DELETE set null,\n"
            + "\tFOREIGN KEY (`userId`,`postId`) REFERENCES `pairs`(`a`,`b`) ON UPDATE restrict"
            + " ON DELETE set default\n"
            + ");\n",
        SqliteDdl.createTable(likes));
  }

  @Test
  void columnClausesInDrizzleKitOrder() {
    assertEquals("`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL",
        SqliteDdl.columnDefinition(integer("id").pk().autoIncrement().notNull().build()));
    assertEquals("`code` text PRIMARY KEY NOT NULL",
        SqliteDdl.columnDefinition(text("code").pk().notNull().build()));
    assertEquals("`score` real DEFAULT 1.5",
        SqliteDdl.columnDefinition(real("score").defaultNumber("1.5").build()));
    assertEquals("`flag` integer DEFAULT false NOT NULL",
        SqliteDdl.columnDefinition(bool("flag").notNull().defaultBool(false).build()));
    assertEquals("`created` integer DEFAULT (unixepoch()) NOT NULL",
        SqliteDdl.columnDefinition(
            integer("created").notNull().defaultSql("(unixepoch())").build()));
    assertEquals("`motto` text DEFAULT 'it''s'",
        SqliteDdl.columnDefinition(text("motto").defaultText("it's").build()));
    assertEquals("`neg` integer DEFAULT -3",
        SqliteDdl.columnDefinition(integer("neg").defaultNumber("-3").build()));
    assertEquals("`amount` numeric", SqliteDdl.columnDefinition(numeric("amount").build()));
    assertEquals("`data` blob", SqliteDdl.columnDefinition(blob("data").build()));
    // Unique columns get an index of their own, never a column clause.
    assertEquals("`email` text NOT NULL",
        SqliteDdl.columnDefinition(text("email").notNull().unique().build()));
  }

  @Test
  void createTableUnderAnotherNameRedirectsOnlyItsSelfReferences() {
    Table tree = table("tree")
        .col(integer("id").pk().notNull())
        .col(integer("parent"))
        .col(integer("owner"))
        .references("parent", "tree", "id", CASCADE)
        .references("owner", "users", "id", NO_ACTION)
        .build();
    assertEquals("CREATE TABLE `__new_tree` (\n"
        + "\t`id` integer PRIMARY KEY NOT NULL,\n"
        + "\t`parent` integer,\n"
        + "\t`owner` integer,\n"
        + "\tFOREIGN KEY (`parent`) REFERENCES `__new_tree`(`id`) ON UPDATE no action"
        + " ON DELETE cascade,\n"
        + "\tFOREIGN KEY (`owner`) REFERENCES `users`(`id`) ON UPDATE no action"
        + " ON DELETE no action\n"
        + ");\n", SqliteDdl.createTable(tree, "__new_tree"));
  }

  @Test
  void indexes() {
    assertEquals(
        "CREATE INDEX `posts_author_idx` ON `posts` (`authorId`,`title`);",
        SqliteDdl.createIndex(
            "posts", new TableIndex("posts_author_idx", List.of("authorId", "title"), false)));
    assertEquals(
        "CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);",
        SqliteDdl.createIndex(
            "users", new TableIndex("users_email_unique", List.of("email"), true)));
    assertEquals("DROP INDEX `posts_title_uq`;", SqliteDdl.dropIndex("posts_title_uq"));
  }

  @Test
  void alterStatements() {
    assertEquals("ALTER TABLE `users` ADD `nickname` text;",
        SqliteDdl.addColumn("users", text("nickname").build()));
    assertEquals("ALTER TABLE `users` ADD `karma` integer DEFAULT 0 NOT NULL;",
        SqliteDdl.addColumn("users", integer("karma").notNull().defaultNumber("0").build()));
    assertEquals("ALTER TABLE `users` ADD `ratio` real DEFAULT -0.25;",
        SqliteDdl.addColumn("users", real("ratio").defaultNumber("-0.25").build()));
    assertEquals("ALTER TABLE `users` ADD `active` integer DEFAULT true;",
        SqliteDdl.addColumn("users", bool("active").defaultBool(true).build()));
    assertEquals("ALTER TABLE `users` ADD `quote` text DEFAULT 'a''b';",
        SqliteDdl.addColumn("users", text("quote").defaultText("a'b").build()));
    assertEquals("ALTER TABLE `users` DROP COLUMN `amount`;",
        SqliteDdl.dropColumn("users", "amount"));
    assertEquals(
        "ALTER TABLE `users` RENAME TO `people`;", SqliteDdl.renameTable("users", "people"));
    // drizzle-kit double-quotes the column names of a column rename, and only there.
    assertEquals("ALTER TABLE `users` RENAME COLUMN \"name\" TO \"displayName\";",
        SqliteDdl.renameColumn("users", "name", "displayName"));
    assertEquals("DROP TABLE `likes`;", SqliteDdl.dropTable("likes"));
  }

  @Test
  void copyRows() {
    assertEquals("INSERT INTO `__new_t`(`a`, `b`) SELECT `a`, coalesce(`b`, 0) FROM `t`;",
        SqliteDdl.copyRows("__new_t", List.of("a", "b"), "t", List.of("`a`", "coalesce(`b`, 0)")));
  }

  @Test
  void awkwardNamesAreQuotedSoSqliteAcceptsThem() throws SQLException {
    String table = "or`der \"x\"";
    String column = "gro\"up`";
    assertEquals("`or``der \"x\"`", SqliteDdl.quote(table));
    Table t = table(table).col(integer("id").pk().notNull()).col(text(column).unique())
        .references(column, table, "id", CASCADE).build();
    try (Connection c = Sqlite.memory(true)) {
      Sqlite.exec(c, SqliteDdl.createTable(t));
      Sqlite.exec(
          c, SqliteDdl.createIndex(table, new TableIndex("i`x", List.of(column), true)));
      Sqlite.exec(c, SqliteDdl.addColumn(table, text("se'l\"ect").defaultText("o'k").build()));
      Sqlite.exec(c, SqliteDdl.renameColumn(table, column, "ne\"w`"));
      Sqlite.exec(c, SqliteDdl.renameTable(table, "re`named"));
      Sqlite.exec(c, "INSERT INTO `re``named` (id) VALUES (1)");
      assertEquals(List.of("1|null|o'k"), Sqlite.rows(c, "SELECT * FROM `re``named`"));
      assertEquals(List.of("0|id", "1|ne\"w`", "2|se'l\"ect"),
          Sqlite.rows(c, "SELECT cid, name FROM pragma_table_info('re`named')"));
      Sqlite.exec(c, SqliteDdl.dropIndex("i`x"));
      Sqlite.exec(c, SqliteDdl.dropColumn("re`named", "se'l\"ect"));
      Sqlite.exec(c, SqliteDdl.dropTable("re`named"));
    }
  }
}
