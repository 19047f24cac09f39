package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations folder as drizzle-kit 0.31 writes it (sqlite, journal version "7", snapshot
 * version "6"), for a small blog evolved over four schema versions ({@link BlogHistory}).
 * Goldens: {@code golden/MigrationFilesTest/<case>/}, the whole folder byte for byte; refresh with
 * {@code mvn -B install -Dnanoka.updateGolden=true} and review the diff. Besides the goldens, the
 * format rules drizzle-kit and drizzle-orm's migrator depend on are checked structurally, so a
 * careless golden refresh cannot accept a broken folder.
 */
class MigrationFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  @TempDir Path otherMachine;

  @Test
  void firstVersion() throws IOException {
    MigrationProject project = new MigrationProject(dir);

    project.compileClean(BlogHistory.sources(1));

    Map<String, String> files = project.migrationFiles();
    assertEquals(List.of("0000_create_users_posts_sessions.sql",
        "down/0000_create_users_posts_sessions.sql", "meta/0000_snapshot.json",
        "meta/_journal.json"), List.copyOf(files.keySet()));
    assertDrizzleKitFolder(files);
    Golden.assertTreeMatches("firstVersion", files);
  }

  /**
   * Version 2 adds and renames a column, 3 rebuilds a parent table whose children cascade on
   * delete, 4 renames a table, creates one, drops one on purpose and drops a column on purpose.
   */
  @Test
  void fourVersions() throws IOException {
    MigrationProject project = new MigrationProject(dir);

    for (int version = 1; version <= 4; version++) {
      var result = project.compile(BlogHistory.sources(version));
      assertTrue(result.compilation().errors().isEmpty(),
          MigrationProject.messages(result.compilation()));
    }

    Map<String, String> files = project.migrationFiles();
    assertEquals(List.of(
        "0000_create_users_posts_sessions.sql",
        "0001_rename_users_fullname_to_displayname_and_more.sql",
        "0002_alter_users.sql",
        "0003_create_comments_rename_posts_to_articles_and_more.sql",
        "down/0000_create_users_posts_sessions.sql",
        "down/0001_rename_users_fullname_to_displayname_and_more.sql",
        "down/0002_alter_users.sql",
        "down/0003_create_comments_rename_posts_to_articles_and_more.sql",
        "meta/0000_snapshot.json", "meta/0001_snapshot.json", "meta/0002_snapshot.json",
        "meta/0003_snapshot.json", "meta/_journal.json"), List.copyOf(files.keySet()));
    assertDrizzleKitFolder(files);
    Golden.assertTreeMatches("fourVersions", files);

    String v2 = files.get("0001_rename_users_fullname_to_displayname_and_more.sql");
    assertTrue(v2.contains("ALTER TABLE `users` RENAME COLUMN \"fullName\" TO \"displayName\";"),
        v2);
    String v4 = files.get("0003_create_comments_rename_posts_to_articles_and_more.sql");
    assertTrue(v4.contains("ALTER TABLE `posts` RENAME TO `articles`;"), v4);
    assertTrue(v4.contains("-- Data loss: drops table sessions and all its rows\n"
        + "DROP TABLE `sessions`;"), v4);
    assertTrue(v4.contains("-- Data loss: drops column users.legacyCode and its values\n"
        + "ALTER TABLE `users` DROP COLUMN `legacyCode`;"), v4);
    // the down migrations rename back, and bring back what was dropped (empty)
    String down2 = files.get("down/0001_rename_users_fullname_to_displayname_and_more.sql");
    assertTrue(down2.contains(
        "ALTER TABLE `users` RENAME COLUMN \"displayName\" TO \"fullName\";"), down2);
    String down4 = files.get("down/0003_create_comments_rename_posts_to_articles_and_more.sql");
    assertTrue(down4.contains("ALTER TABLE `articles` RENAME TO `posts`;"), down4);
    assertTrue(down4.contains("CREATE TABLE `sessions` ("), down4);
    assertTrue(down4.contains("ALTER TABLE `users` ADD `legacyCode` text;"), down4);
  }

  /** Compiling the same history elsewhere gives the same bytes: nothing depends on the clock. */
  @Test
  void sameHistoryOnAnotherMachineGivesTheSameFiles() {
    MigrationProject here = new MigrationProject(dir);
    MigrationProject there = new MigrationProject(otherMachine);

    for (int version = 1; version <= 4; version++) {
      here.compile(BlogHistory.sources(version));
    }
    // The other developer iterates differently within a version, and ends at the same models.
    there.compile(BlogHistory.sources(1));
    there.compile(BlogHistory.sources(2));
    there.compile(BlogHistory.schema(3, "User.class, Post.class, Session.class", ""),
        BlogHistory.USER_V2, BlogHistory.POST, BlogHistory.SESSION);
    there.compile(BlogHistory.sources(3));
    there.compile(BlogHistory.sources(4));

    assertEquals(here.files(), there.files());
  }

  @Test
  void compilingUnchangedModelsChangesNoFile() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(BlogHistory.sources(1));
    project.compileClean(BlogHistory.sources(2));
    project.age();
    Map<String, String> before = project.files();

    project.compileClean(BlogHistory.sources(2));
    project.compileClean(BlogHistory.sources(2));

    project.assertNothingChanged(before);
  }

  /**
   * What drizzle-kit writes and reads: JSON with two-space indent and no final newline, every
   * key it expects in its order, snapshots chained by prevId, strictly increasing {@code when};
   * SQL without a final newline, statements joined by breakpoints.
   */
  static void assertDrizzleKitFolder(Map<String, String> files) throws IOException {
    String journalText = files.get("meta/_journal.json");
    assertJsonFormatting("meta/_journal.json", journalText);
    JsonNode journal = JSON.readTree(journalText);
    assertEquals(List.of("version", "dialect", "entries"), keys(journal));
    assertEquals("7", journal.get("version").textValue());
    assertEquals("sqlite", journal.get("dialect").textValue());

    String previousId = "00000000-0000-0000-0000-000000000000";
    long previousWhen = 0;
    int idx = 0;
    for (JsonNode entry : journal.get("entries")) {
      assertEquals(List.of("idx", "version", "when", "tag", "breakpoints"), keys(entry));
      assertEquals(idx, entry.get("idx").intValue());
      assertEquals("6", entry.get("version").textValue());
      assertTrue(entry.get("breakpoints").booleanValue());
      long when = entry.get("when").longValue();
      assertEquals(idx == 0 ? 1_700_000_000_000L : previousWhen + 1000, when,
          "when of entry " + idx);
      previousWhen = when;
      String tag = entry.get("tag").textValue();
      assertTrue(tag.startsWith(String.format("%04d_", idx)), tag);

      String sql = files.get(tag + ".sql");
      assertTrue(sql != null, "no SQL file for " + tag);
      int version = idx + 1;
      assertSqlLayout(tag, sql,
          "-- Generated by Nanoka for Java for schema version " + version + ". ");
      // its down migration beside it, where wrangler and drizzle-kit do not look, laid out alike
      String down = files.get("down/" + tag + ".sql");
      assertTrue(down != null, "no down migration for " + tag);
      assertSqlLayout("down/" + tag, down, "-- Generated by Nanoka for Java to undo " + tag
          + ".sql (schema version " + version + " back to " + idx + "). ");

      String snapshotName = String.format("meta/%04d_snapshot.json", idx);
      String snapshotText = files.get(snapshotName);
      assertTrue(snapshotText != null, "no " + snapshotName);
      assertJsonFormatting(snapshotName, snapshotText);
      JsonNode snapshot = JSON.readTree(snapshotText);
      assertSnapshotKeys(snapshotName, snapshot);
      assertEquals(previousId, snapshot.get("prevId").textValue(), snapshotName + " prevId");
      previousId = snapshot.get("id").textValue();
      assertTrue(previousId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
          previousId);
      idx++;
    }
    assertEquals(3 * idx + 1, files.size(),
        "files the journal does not account for: " + files.keySet());
  }

  private static void assertSnapshotKeys(String name, JsonNode snapshot) {
    assertEquals(List.of("version", "dialect", "id", "prevId", "tables", "views", "enums",
        "_meta", "internal"), keys(snapshot), name);
    assertEquals("6", snapshot.get("version").textValue());
    assertEquals("sqlite", snapshot.get("dialect").textValue());
    assertEquals(List.of("schemas", "tables", "columns"), keys(snapshot.get("_meta")), name);
    assertEquals(List.of("indexes"), keys(snapshot.get("internal")), name);
    Iterator<Map.Entry<String, JsonNode>> tables = snapshot.get("tables").fields();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> table = tables.next();
      JsonNode t = table.getValue();
      String where = name + " table " + table.getKey();
      assertEquals(List.of("name", "columns", "indexes", "foreignKeys", "compositePrimaryKeys",
          "uniqueConstraints", "checkConstraints"), keys(t), where);
      assertEquals(table.getKey(), t.get("name").textValue(), where);
      for (JsonNode column : t.get("columns")) {
        List<String> expected = new ArrayList<>(
            List.of("name", "type", "primaryKey", "notNull", "autoincrement"));
        if (column.has("default")) {
          expected.add("default");
        }
        assertEquals(expected, keys(column), where + " column " + column.get("name"));
      }
      for (JsonNode index : t.get("indexes")) {
        assertEquals(List.of("name", "columns", "isUnique"), keys(index), where);
      }
      for (JsonNode key : t.get("foreignKeys")) {
        assertEquals(List.of("name", "tableFrom", "tableTo", "columnsFrom", "columnsTo",
            "onDelete", "onUpdate"), keys(key), where);
        assertEquals(table.getKey(), key.get("tableFrom").textValue(), where);
      }
    }
  }

  /**
   * As {@code JSON.stringify(value, null, 2)} writes it: two-space indent, {@code "key": value},
   * no final newline.
   */
  private static void assertJsonFormatting(String name, String text) {
    assertFalse(text.endsWith("\n"), name + " must not end with a newline");
    assertFalse(text.contains("\r") || text.contains("\t"), name);
    for (String line : text.split("\n")) {
      int indent = line.length() - line.stripLeading().length();
      assertEquals(0, indent % 2, name + ": " + line);
      assertFalse(line.endsWith(" "), name + ": trailing space in " + line);
      assertFalse(line.contains("\" :"), name + ": " + line);
    }
    assertFalse(text.contains("{ }") || text.contains("[ ]"), name + ": empty objects are {}");
  }

  /** drizzle-kit's statement layout, after Nanoka's one header line. */
  private static void assertSqlLayout(String tag, String sql, String header) {
    assertTrue(sql.startsWith(header), tag + ":\n" + sql);
    assertTrue(sql.lines().findFirst().orElseThrow().matches(".*\\[sha256:[0-9a-f]{16}]"),
        tag + ": the header ends with the checksum of the SQL as generated");
    assertFalse(sql.endsWith("\n"), tag + " must not end with a newline");
    assertFalse(sql.contains("\r"), tag);
    for (String line : sql.split("\n")) {
      assertFalse(line.startsWith(" "), tag + ": indent with a tab, not spaces: " + line);
    }
    assertFalse(sql.contains("\n\n"), tag + ": no empty lines");
    String body = sql.substring(sql.indexOf('\n') + 1);
    List<String> chunks = List.of(body.split("--> statement-breakpoint\n", -1));
    for (int i = 0; i < chunks.size(); i++) {
      String chunk = chunks.get(i);
      boolean last = i == chunks.size() - 1;
      assertFalse(chunk.isBlank(), tag + ": empty statement");
      // A CREATE TABLE ends with ");" and a newline, so its breakpoint stands on a line of its
      // own; any other statement carries the breakpoint right after its ";".
      boolean createTable = chunk.lines().anyMatch(l -> l.startsWith("CREATE TABLE `")
          && l.endsWith("` ("));
      String end = last ? ";" : createTable ? "\n);\n" : ";";
      assertTrue(chunk.endsWith(end), tag + ": statement " + i + " does not end with "
          + end.replace("\n", "\\n") + ":\n" + chunk);
    }
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
