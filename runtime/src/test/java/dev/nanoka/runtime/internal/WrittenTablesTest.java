package dev.nanoka.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which tables a script's statements wrote, read from their text and row counts. */
class WrittenTablesTest {

  private static WrittenTables ran(long rows, String... statements) {
    WrittenTables written = new WrittenTables();
    for (String statement : statements) {
      written.ran(statement, rows);
    }
    return written;
  }

  @Test
  void rowsWrittenNameTheirTable() {
    WrittenTables written = ran(3,
        "INSERT INTO `users`(`id`) SELECT 1;",
        "insert or replace into \"Posts\" (id) values (1)",
        "REPLACE INTO [tags] VALUES (1)",
        "UPDATE OR IGNORE main.`a``b` SET x = 1",
        "-- a comment\n/* another */ DELETE FROM likes WHERE 1",
        "UPDATE orders SET x = 1");
    assertFalse(written.everything());
    assertEquals(Set.of("users", "Posts", "tags", "a`b", "likes", "orders"),
        Set.copyOf(written.tables()));
  }

  @Test
  void statementsThatChangedNoRowWriteNothing() {
    WrittenTables written = ran(0, "DELETE FROM `books` WHERE rowid IN (SELECT 1)",
        "INSERT INTO `books`(`id`) SELECT `id` FROM `__nanoka_keep_books` WHERE 0");
    assertEquals(List.of(), List.copyOf(written.tables()));
    assertFalse(written.everything());
  }

  @Test
  void tablesCreatedDroppedOrAlteredAreWrittenWhateverTheCount() {
    WrittenTables written = ran(0,
        "CREATE TABLE `__new_authors` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n",
        "CREATE TABLE IF NOT EXISTS keep AS SELECT 1",
        "DROP TABLE IF EXISTS `authors`;",
        "ALTER TABLE `__new_authors` RENAME TO `authors`;",
        "ALTER TABLE `users` ADD `nickname` text;",
        "ALTER TABLE \"users\" RENAME COLUMN \"a\" TO \"b\";",
        "CREATE UNIQUE INDEX `u` ON `users` (`email`);",
        "CREATE VIEW v AS SELECT 1",
        "SELECT count(*) FROM users");
    assertFalse(written.everything());
    assertEquals(List.of("__new_authors", "authors", "keep", "users"),
        List.copyOf(written.tables()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DROP INDEX `users_email_unique`;",
      "CREATE TRIGGER t AFTER INSERT ON users BEGIN DELETE FROM posts; END;",
      "DROP TRIGGER t",
      "PRAGMA foreign_keys=OFF;",
      "WITH x AS (SELECT 1) DELETE FROM users WHERE id IN x",
      "INSERT INTO temp.scratch VALUES (1)",
      "CREATE TEMP TABLE scratch (x)",
      "VACUUM"})
  void whatItCannotFollowMeansEverything(String statement) {
    assertTrue(ran(1, "DELETE FROM users", statement).everything(), statement);
  }
}
