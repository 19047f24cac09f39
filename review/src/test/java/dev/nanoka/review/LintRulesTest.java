package dev.nanoka.review;

import static dev.nanoka.core.schema.ForeignKey.Action.CASCADE;
import static dev.nanoka.core.schema.ForeignKey.Action.RESTRICT;
import static dev.nanoka.core.testing.Schemas.BLOB;
import static dev.nanoka.core.testing.Schemas.INTEGER;
import static dev.nanoka.core.testing.Schemas.TEXT;
import static dev.nanoka.core.testing.Schemas.edit;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.testing.TableBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each lint rule over a migration that triggers it and one that does not. Folders are written
 * as the processor writes them ({@link FolderWriter}); SQL rules get the migration's text as a
 * developer would leave it.
 */
class LintRulesTest {

  @TempDir
  Path temp;

  /** The folder of the latest {@link #sql} or {@link #change}: a new one each time. */
  private Path dir;
  private int folders;

  private FolderWriter newFolder() {
    dir = temp.resolve("migrations" + folders++);
    return new FolderWriter(dir);
  }

  private static final DatabaseSchema USERS =
      schema(table("users").id().text("email").nullableText("name").build());

  /** The findings of rule {@code id} for a second migration whose whole text is {@code sql}. */
  private List<Finding> sql(LintRule rule, String sql) throws Exception {
    FolderWriter folder = newFolder();
    folder.version(USERS);
    FolderWriter.write(folder.version(USERS), sql);
    return of(rule, Review.of(dir, ReviewBase.none()));
  }

  /** The findings of {@code rule} for the generated migration from {@code from} to {@code to}. */
  private List<Finding> change(LintRule rule, DatabaseSchema from, DatabaseSchema to,
      RenameHints hints) throws Exception {
    FolderWriter folder = newFolder();
    folder.version(from);
    folder.version(to, hints);
    return of(rule, Review.of(dir, ReviewBase.none()));
  }

  private List<Finding> change(LintRule rule, DatabaseSchema from, DatabaseSchema to)
      throws Exception {
    return change(rule, from, to, RenameHints.NONE);
  }

  private static List<Finding> of(LintRule rule, ReviewReport report) {
    return report.migrations().get(report.migrations().size() - 1).findings().stream()
        .filter(f -> f.rule().equals(rule.id())).toList();
  }

  @Test
  void statementSizeCountsUtf8Bytes() throws Exception {
    // 60,000 characters of two bytes each: 120,000 bytes, over the limit in bytes only.
    List<Finding> over = sql(LintRule.D1_STATEMENT_SIZE,
        "INSERT INTO `users` (`email`) VALUES ('" + "é".repeat(60_000) + "');");
    assertEquals(1, over.size(), over.toString());
    assertEquals(Severity.ERROR, over.get(0).severity());
    assertTrue(over.get(0).message().contains("is 120042 bytes"), over.toString());
    assertEquals(List.of(), sql(LintRule.D1_STATEMENT_SIZE,
        "INSERT INTO `users` (`email`) VALUES ('" + "e".repeat(99_000) + "');"));
  }

  @Test
  void columnLimitIsD1s() throws Exception {
    TableBuilder wide = table("users").id();
    for (int i = 1; i < 100; i++) {
      wide.nullableText("c" + i);
    }
    DatabaseSchema hundred = schema(wide.build());
    DatabaseSchema other = schema(table("other").id().build());
    assertEquals(List.of(), change(LintRule.D1_COLUMN_LIMIT, other,
        schema(other.tables().get(0), hundred.tables().get(0))));
    DatabaseSchema hundredAndOne = schema(wide.nullableText("c100").build());
    List<Finding> found = change(LintRule.D1_COLUMN_LIMIT, hundred, hundredAndOne);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().startsWith("table users has 101 columns"), found.toString());
  }

  @Test
  void transactionControlAtTheStartOfAStatement() throws Exception {
    for (String control : List.of("BEGIN TRANSACTION;", "begin;", "COMMIT;", "END TRANSACTION;",
        "ROLLBACK;", "SAVEPOINT s;", "RELEASE s;", "-- done\nCOMMIT;")) {
      List<Finding> found = sql(LintRule.D1_TRANSACTION, "CREATE TABLE `a` (`x` integer);\n"
          + control + "\n");
      assertEquals(1, found.size(), control + ": " + found);
      assertEquals(Severity.ERROR, found.get(0).severity());
    }
    // At the line of the statement's code, past the comment above it.
    assertEquals(3, sql(LintRule.D1_TRANSACTION, "CREATE TABLE `a` (`x` integer);\n-- done\n"
        + "COMMIT;").get(0).line().orElseThrow());
    assertEquals(List.of(), sql(LintRule.D1_TRANSACTION, """
        -- BEGIN; in a comment
        INSERT INTO `users` (`email`) VALUES ('BEGIN; COMMIT;');
        CREATE TRIGGER `t` AFTER INSERT ON `users` BEGIN
          UPDATE `users` SET `name` = 'x' WHERE `id` = NEW.`id`;
        END;
        """));
  }

  @Test
  void foreignKeyCheckInEveryForm() throws Exception {
    for (String check : List.of("PRAGMA foreign_key_check;", "pragma main.foreign_key_check("
        + "\"users\");", "PRAGMA \"foreign_key_check\";",
        "SELECT * FROM pragma_foreign_key_check;")) {
      List<Finding> found = sql(LintRule.D1_FOREIGN_KEY_CHECK, check);
      assertEquals(1, found.size(), check + ": " + found);
      assertEquals(Severity.WARNING, found.get(0).severity());
    }
    assertEquals(List.of(), sql(LintRule.D1_FOREIGN_KEY_CHECK,
        "SELECT 'PRAGMA foreign_key_check';\nPRAGMA foreign_keys;\n"));
  }

  @Test
  void foreignKeysPragmaThatSetsIt() throws Exception {
    for (String set : List.of("PRAGMA foreign_keys=OFF;", "pragma \"foreign_keys\" = 0;",
        "PRAGMA main.foreign_keys(ON);")) {
      List<Finding> found = sql(LintRule.D1_FOREIGN_KEYS_PRAGMA, set);
      assertEquals(1, found.size(), set + ": " + found);
      assertEquals(Severity.ERROR, found.get(0).severity());
    }
    assertEquals(List.of(), sql(LintRule.D1_FOREIGN_KEYS_PRAGMA, "PRAGMA foreign_keys;\n"
        + "PRAGMA defer_foreign_keys = ON;\nSELECT foreign_keys FROM pragma_foreign_keys;\n"));
  }

  @Test
  void rebuildCopiesRowsOnlyWhenATableMovesInOneStatement() throws Exception {
    DatabaseSchema tree = schema(table("categories").id().nullable("parentId", INTEGER)
        .text("name").references("parentId", "categories", "id", RESTRICT).build());
    List<Finding> found = change(LintRule.REBUILD_COPIES_ROWS, tree, edit(tree, "categories",
        t -> TableBuilder.of(t).replace("name", c -> c.type(BLOB)).build()));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().startsWith("the rebuild of categories moves the rows of"
        + " categories in one statement"), found.toString());
    assertTrue(found.get(0).line().isPresent(), found.toString());
    // A rebuild that moves its table and its dependents in bounded batches is no finding.
    DatabaseSchema blog = schema(USERS.tables().get(0), table("posts").id().integer("authorId")
        .references("authorId", "users", "id", CASCADE).build());
    assertEquals(List.of(), change(LintRule.REBUILD_COPIES_ROWS, blog, edit(blog, "users",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull().defaultText("")).build())));
  }

  @Test
  void unboundedStatementsWrittenByHand() throws Exception {
    for (String unbounded : List.of("UPDATE `users` SET `name` = 'x';",
        "INSERT INTO `archive` SELECT * FROM `users`;", "DELETE FROM users;",
        "UPDATE OR IGNORE users SET name = lower(name)")) {
      List<Finding> found = sql(LintRule.UNBOUNDED_STATEMENT, unbounded);
      assertEquals(1, found.size(), unbounded + ": " + found);
    }
    assertTrue(sql(LintRule.UNBOUNDED_STATEMENT, "DELETE FROM users;").get(0).message()
        .contains("deletes every row of users"));
    assertEquals(List.of(), sql(LintRule.UNBOUNDED_STATEMENT, """
        UPDATE `users` SET `name` = 'x' WHERE `id` <= 10000;
        INSERT INTO `archive` SELECT * FROM `users` LIMIT 1000;
        INSERT INTO `users` (`email`) VALUES ('UPDATE users SET x = 1');
        UPDATE `where` SET `limit` = 1;
        """.replace("UPDATE `where` SET `limit` = 1;", "")));
  }

  @Test
  void unboundedStatementsOfAFileNanokaDidNotWriteAreFound() throws Exception {
    // drizzle-kit's own rebuild copies the whole table in one statement: linted like any
    // hand-written file (no Nanoka header).
    List<Finding> found = sql(LintRule.UNBOUNDED_STATEMENT, """
        CREATE TABLE `__new_users` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL);
        --> statement-breakpoint
        INSERT INTO `__new_users`("id") SELECT "id" FROM `users`;--> statement-breakpoint
        DROP TABLE `users`;""");
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().contains("copies every row of `users`"), found.toString());
    assertEquals(3, found.get(0).line().orElseThrow());
  }

  @Test
  void aBoundedNameInQuotesIsNoBound() throws Exception {
    // WHERE inside a quoted name or string is no WHERE clause.
    List<Finding> found = sql(LintRule.UNBOUNDED_STATEMENT,
        "UPDATE `users` SET `name` = 'WHERE';");
    assertEquals(1, found.size(), found.toString());
  }

  @Test
  void destructiveChangeIsAWarningDeclaredOrNot() throws Exception {
    DatabaseSchema two = schema(USERS.tables().get(0), table("tokens").key("token", TEXT).build());
    List<Finding> found = change(LintRule.DESTRUCTIVE_CHANGE, two, USERS,
        new RenameHints(Map.of(), Map.of(), Set.of("tokens"), Map.of()));
    assertEquals(1, found.size(), found.toString());
    assertEquals(Severity.WARNING, found.get(0).severity());
    assertEquals("drops table tokens and all its rows", found.get(0).message());
    assertTrue(found.get(0).line().isPresent());
    // A declared rename loses nothing.
    assertEquals(List.of(), change(LintRule.DESTRUCTIVE_CHANGE, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).replace("name", c -> c.name("displayName")).build()),
        new RenameHints(Map.of(), Map.of("users", Map.of("displayName", "name")), Set.of(),
            Map.of())));
  }

  @Test
  void notNullWithoutDefault() throws Exception {
    List<Finding> found = change(LintRule.NOT_NULL_WITHOUT_DEFAULT, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).text("nickname").build()));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().contains("users.nickname NOT NULL without a default"));
    assertEquals(List.of(), change(LintRule.NOT_NULL_WITHOUT_DEFAULT, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).text("nickname").defaultText("").build())));
  }

  @Test
  void uniqueIndexOnAnExistingTable() throws Exception {
    List<Finding> found = change(LintRule.UNIQUE_ON_EXISTING_TABLE, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).uniqueIndex("users_email_idx", "email").build()));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of(), change(LintRule.UNIQUE_ON_EXISTING_TABLE, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).index("users_email_idx", "email").build())));
  }

  @Test
  void uniqueIndexOverAColumnABackfillWrites() throws Exception {
    DatabaseSchema slugged = edit(USERS, "users", t -> TableBuilder.of(t).nullableText("slug")
        .uniqueIndex("users_slug_unique", "slug").build());
    // Generated: the new column holds only NULLs, no two rows collide.
    assertEquals(List.of(), change(LintRule.UNIQUE_ON_EXISTING_TABLE, USERS, slugged));
    FolderWriter.insertAfter(dir.resolve("0001_add_users_slug_index_users.sql"),
        "ADD `slug` text;", "UPDATE `users` SET `slug` = lower(`name`);--> statement-breakpoint\n");
    List<Finding> found = of(LintRule.UNIQUE_ON_EXISTING_TABLE,
        Review.of(dir, ReviewBase.none()));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().contains("hand-written statements may write some"));
  }

  @Test
  void typeNarrowing() throws Exception {
    List<Finding> found = change(LintRule.TYPE_NARROWING, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).replace("name", c -> c.type(INTEGER)).build()));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().startsWith("changes users.name from text to integer"));
    assertEquals(List.of(), change(LintRule.TYPE_NARROWING, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).replace("name", c -> c.type(BLOB)).build())));
  }

  @Test
  void nullsFilledIsANote() throws Exception {
    List<Finding> found = change(LintRule.NULLS_FILLED, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull().defaultText("?")).build()));
    assertEquals(1, found.size(), found.toString());
    assertEquals(Severity.INFO, found.get(0).severity());
    assertEquals(List.of(), change(LintRule.NULLS_FILLED, USERS, edit(USERS, "users",
        t -> TableBuilder.of(t).replace("name", c -> c.defaultText("?")).build())));
  }

  @Test
  void handEditedIsANoteOnlyWhenEdited() throws Exception {
    DatabaseSchema more = edit(USERS, "users", t -> TableBuilder.of(t).nullableText("bio").build());
    assertEquals(List.of(), change(LintRule.HAND_EDITED, USERS, more));
    FolderWriter.insertAfter(dir.resolve("0001_add_users_bio.sql"), "ADD `bio` text;",
        "--> statement-breakpoint\nUPDATE `users` SET `bio` = '' WHERE `bio` IS NULL;\n");
    List<Finding> found = of(LintRule.HAND_EDITED, Review.of(dir, ReviewBase.none()));
    assertEquals(1, found.size(), found.toString());
    assertEquals(Severity.INFO, found.get(0).severity());
  }
}
