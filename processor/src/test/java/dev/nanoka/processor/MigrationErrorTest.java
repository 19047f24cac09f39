package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.assertWarning;
import static dev.nanoka.processor.DiagnosticAssertions.errorCount;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problems with the migration history, each reported at the annotation to change with what to
 * write: vanished names (rename or drop?), hand-edited migrations, versions that do not fit the
 * folder, a corrupt folder, files the journal does not list, and changes that lose data.
 */
class MigrationErrorTest {

  @TempDir Path dir;

  private static JavaFileObject schema(int version) {
    return schema(version, "Note.class", "");
  }

  private static JavaFileObject schema(int version, String models, String extra) {
    return source("com.example.notes.NoteSchema", """
        package com.example.notes;

        import dev.nanoka.Schema;

        @Schema(
            models = {%s},
            version = %d%s)
        final class NoteSchema {}
        """.formatted(models, version, extra));
  }

  /** The notes model: {@code @Model(<model>)} and the components after the key, one a line. */
  private static JavaFileObject modelNote(String model, String... components) {
    StringBuilder text = new StringBuilder("""
        package com.example.notes;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model(%s)
        public record Note(
            @Field(primaryKey = true) String id""".formatted(model));
    for (String component : components) {
      text.append(",\n    ").append(component);
    }
    text.append(") {}\n");
    return source("com.example.notes.Note", text.toString());
  }

  private static JavaFileObject note(String... components) {
    return modelNote("\"notes\"", components);
  }

  private static final JavaFileObject TAG = source("com.example.notes.Tag", """
      package com.example.notes;

      import dev.nanoka.Field;
      import dev.nanoka.Model;

      @Model("tags")
      public record Tag(@Field(primaryKey = true) String name) {}
      """);

  private static final JavaFileObject MEMO = source("com.example.notes.Memo", """
      package com.example.notes;

      import dev.nanoka.Field;
      import dev.nanoka.Model;

      @Model("memos")
      public record Memo(
          @Field(primaryKey = true) String id,
          String body) {}
      """);

  // ---- a column or table vanished while another appeared ----

  @Test
  void vanishedAndAppearedColumnAsksWhichItIs() {
    MigrationProject project = twoVersions();
    project.age();
    Map<String, String> before = project.files();

    JavaFileObject note = note("String content", "@Field(nullable = true) String title");
    Result result = project.compile(schema(2), note);

    assertThat(result.compilation()).failed();
    assertError(result, Message.COLUMN_RENAME_OR_DROP, note, "String content",
        // title is new in version 2 too: both are candidates.
        "Column notes.body of the previous version is gone and content, title appeared;",
        "Nanoka does not guess which.",
        "If content is body renamed, write `@Field(renamedFrom = \"body\")` on it.",
        "If body was dropped on purpose (its values are lost), write"
            + " `@Model(value = \"notes\", droppedColumns = {\"body\"})`.");
    assertEquals(1, errorCount(result, Message.COLUMN_RENAME_OR_DROP));
    project.assertNothingChanged(before);
  }

  @Test
  void pastingTheSuggestedRenamedFromRenamesTheColumn() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));

    project.compileClean(schema(2), note("@Field(renamedFrom = \"body\") String content"));

    assertEquals(Map.of("0001_rename_notes_body_to_content.sql",
        "ALTER TABLE `notes` RENAME COLUMN \"body\" TO \"content\";"), sqlOf(project, 1));
  }

  @Test
  void pastingTheSuggestedDroppedColumnsDropsTheColumn() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));

    JavaFileObject note = modelNote("value = \"notes\", droppedColumns = {\"body\"}",
        "@Field(defaultValue = \"\") String content");
    Result result = project.compile(schema(2), note);

    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.DESTRUCTIVE_CHANGE, note, "@Model(value = \"notes\"",
        "Migration 0001_add_notes_content_drop_notes_body drops column notes.body and its values.");
    assertEquals(Map.of("0001_add_notes_content_drop_notes_body.sql", """
        ALTER TABLE `notes` ADD `content` text DEFAULT '' NOT NULL;--> statement-breakpoint
        -- Data loss: drops column notes.body and its values
        ALTER TABLE `notes` DROP COLUMN `body`;"""), sqlOf(project, 1));
  }

  @Test
  void twoVanishedColumnsAreNamedTogether() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body", "String summary"));

    JavaFileObject note = note("String content");
    Result result = project.compile(schema(2), note);

    assertThat(result.compilation()).failed();
    assertError(result, Message.COLUMN_RENAME_OR_DROP, note, "String content",
        "Columns notes.body, notes.summary of the previous version are gone and content appeared;",
        "If content is body renamed, write `@Field(renamedFrom = \"body\")` on it.",
        "`@Model(value = \"notes\", droppedColumns = {\"body\"})`");
  }

  @Test
  void vanishedAndAppearedTableAsksWhichItIs() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));
    project.age();
    Map<String, String> before = project.files();

    Result result = project.compile(schema(2, "Memo.class", ""), MEMO);

    assertThat(result.compilation()).failed();
    assertError(result, Message.TABLE_RENAME_OR_DROP, MEMO, "@Model(\"memos\")",
        "Table notes of the previous version is gone and memos appeared; Nanoka does not guess"
            + " which.",
        "If memos is notes renamed, write `@Model(value = \"memos\", renamedFrom = \"notes\")`.",
        "If notes was dropped on purpose (its rows are lost), write"
            + " `@Schema(models = {...}, droppedTables = {\"notes\"})`.");
    project.assertNothingChanged(before);
  }

  @Test
  void pastingTheSuggestedRenamedFromRenamesTheTable() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));

    JavaFileObject memo = source("com.example.notes.Memo", """
        package com.example.notes;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model(value = "memos", renamedFrom = "notes")
        public record Memo(
            @Field(primaryKey = true) String id,
            String body) {}
        """);
    project.compileClean(schema(2, "Memo.class", ""), memo);

    assertEquals(Map.of("0001_rename_notes_to_memos.sql", "ALTER TABLE `notes` RENAME TO `memos`;"),
        sqlOf(project, 1));
  }

  @Test
  void pastingTheSuggestedDroppedTablesDropsTheTable() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));

    JavaFileObject schema = schema(2, "Memo.class", ", droppedTables = {\"notes\"}");
    Result result = project.compile(schema, MEMO);

    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.DESTRUCTIVE_CHANGE, schema, "@Schema(",
        "Migration 0001_create_memos_drop_notes drops table notes and all its rows.");
    assertEquals(Map.of("0001_create_memos_drop_notes.sql", """
        CREATE TABLE `memos` (
        \t`id` text PRIMARY KEY NOT NULL,
        \t`body` text NOT NULL
        );
        --> statement-breakpoint
        -- Data loss: drops table notes and all its rows
        DROP TABLE `notes`;"""), sqlOf(project, 1));
  }

  // ---- migrations edited by hand ----

  private static final String BACKFILL =
      "--> statement-breakpoint\nUPDATE `notes` SET `title` = substr(`body`, 1, 20);";

  /** Version 1 (notes with a body) and version 2 (a title added) compiled. */
  private MigrationProject twoVersions() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));
    project.compileClean(schema(2), note("String body", "@Field(nullable = true) String title"));
    return project;
  }

  /** Versions 1 and 2 compiled, and version 2's migration given a backfill by hand. */
  private MigrationProject editedProject() {
    MigrationProject project = twoVersions();
    Path sql = project.sql("0001_add_notes_title");
    MigrationProject.write(sql, MigrationProject.read(sql) + BACKFILL);
    project.age();
    return project;
  }

  @Test
  void anEditedMigrationIsKeptWhileTheModelsStayTheSame() {
    MigrationProject project = editedProject();
    Map<String, String> before = project.files();

    project.compileClean(schema(2), note("String body", "@Field(nullable = true) String title"));

    project.assertNothingChanged(before);
    assertTrue(before.get("drizzle/migrations/0001_add_notes_title.sql").endsWith(BACKFILL));
  }

  @Test
  void anEditedMigrationIsNotOverwrittenWhenTheModelsChange() {
    MigrationProject project = editedProject();
    Map<String, String> before = project.files();

    JavaFileObject schema = schema(2);
    Result result = project.compile(schema, note("String body",
        "@Field(nullable = true) String title", "@Field(nullable = true) String color"));

    assertThat(result.compilation()).failed();
    assertErrorAtValue(result, Message.MIGRATION_EDITED, schema, "version = 2", "2",
        project.sql("0001_add_notes_title") + " was edited by hand (or not generated by Nanoka),"
            + " and the models have changed since, so it is not overwritten.",
        "To regenerate it from the models and lose the edits, delete it;",
        "to keep it and put the new changes in a migration of their own, write"
            + " `@Schema(version = 3)`.");
    project.assertNothingChanged(before);
  }

  @Test
  void anEditedMigrationIsNotRemovedWhenTheModelsGoBack() {
    MigrationProject project = editedProject();
    Map<String, String> before = project.files();

    JavaFileObject schema = schema(2);
    Result result = project.compile(schema, note("String body"));

    assertThat(result.compilation()).failed();
    assertErrorAtValue(result, Message.MIGRATION_EDITED, schema, "version = 2", "2",
        project.sql("0001_add_notes_title") + " was edited by hand");
    project.assertNothingChanged(before);
  }

  @Test
  void raisingTheVersionKeepsAnEditedMigration() {
    MigrationProject project = editedProject();
    Map<String, String> before = project.files();

    project.compileClean(schema(3), note("String body",
        "@Field(nullable = true) String title", "@Field(nullable = true) String color"));

    before.remove("drizzle/migrations/meta/_journal.json");
    before.remove("drizzle/schema.ts");
    project.assertUntouched(before);
    assertEquals(Map.of("0002_add_notes_color.sql", "ALTER TABLE `notes` ADD `color` text;"),
        sqlOf(project, 2));
  }

  @Test
  void deletingAnEditedMigrationRegeneratesIt() {
    MigrationProject project = editedProject();
    Map<String, String> before = project.files();
    JavaFileObject note = note("String body",
        "@Field(nullable = true) String title", "@Field(nullable = true) String color");
    assertThat(project.compile(schema(2), note).compilation()).failed();

    deleteFile(project.sql("0001_add_notes_title"));
    project.compileClean(schema(2), note);

    assertFalse(Files.exists(project.sql("0001_add_notes_title")));
    assertEquals(Map.of("0001_add_notes_title_add_notes_color.sql", """
        ALTER TABLE `notes` ADD `title` text;--> statement-breakpoint
        ALTER TABLE `notes` ADD `color` text;"""), sqlOf(project, 1));
    project.assertUntouched(Map.of(
        "drizzle/migrations/0000_create_notes.sql",
        before.get("drizzle/migrations/0000_create_notes.sql"),
        "drizzle/migrations/meta/0000_snapshot.json",
        before.get("drizzle/migrations/meta/0000_snapshot.json")));
  }

  @Test
  void aDeletedCurrentMigrationIsRegeneratedWithUnchangedModels() {
    MigrationProject project = editedProject();
    deleteFile(project.sql("0001_add_notes_title"));

    project.compileClean(schema(2), note("String body", "@Field(nullable = true) String title"));

    assertEquals(Map.of("0001_add_notes_title.sql", "ALTER TABLE `notes` ADD `title` text;"),
        sqlOf(project, 1));
  }

  /** A checkout that turned line endings into CRLF is not a hand edit. */
  @Test
  void aMigrationWithCrlfLineEndingsIsNotEdited() {
    MigrationProject project = twoVersions();
    Path sql = project.sql("0001_add_notes_title");
    MigrationProject.write(sql, MigrationProject.read(sql).replace("\n", "\r\n"));
    project.age();
    Map<String, String> before = project.files();

    project.compileClean(schema(2), note("String body", "@Field(nullable = true) String title"));
    project.assertNothingChanged(before);

    project.compileClean(schema(2), note("String body",
        "@Field(nullable = true) String title", "@Field(nullable = true) String color"));
    assertEquals(Map.of("0001_add_notes_title_add_notes_color.sql", """
        ALTER TABLE `notes` ADD `title` text;--> statement-breakpoint
        ALTER TABLE `notes` ADD `color` text;"""), sqlOf(project, 1));
  }

  @Test
  void aDeletedSupersededMigrationIsAnError() {
    MigrationProject project = editedProject();
    deleteFile(project.sql("0000_create_notes"));
    project.age();
    Map<String, String> before = project.files();

    JavaFileObject schema = schema(2);
    Result result = project.compile(schema,
        note("String body", "@Field(nullable = true) String title"));

    assertFolderError(result, schema, project.sql("0000_create_notes")
        + " is listed in meta/_journal.json but missing. Restore it from version control");
    project.assertNothingChanged(before);
  }

  // ---- a folder the processor cannot build on ----

  /**
   * Versions 1 and 2 compiled, then the folder damaged; version 2 with changed models fails,
   * naming the file {@code damage} returns, and writes nothing.
   */
  private void assertCorruptFolder(Function<MigrationProject, Path> damage, String... fragments) {
    MigrationProject project = twoVersions();
    Path blamed = damage.apply(project);
    project.age();
    Map<String, String> before = project.files();

    JavaFileObject schema = schema(2);
    Result result = project.compile(schema, note("String body",
        "@Field(nullable = true) String title", "@Field(nullable = true) String color"));

    String[] all = new String[fragments.length + 1];
    all[0] = blamed.toString();
    System.arraycopy(fragments, 0, all, 1, fragments.length);
    assertFolderError(result, schema, all);
    project.assertNothingChanged(before);
  }

  private static void assertFolderError(Result result, JavaFileObject schema, String... fragments) {
    assertThat(result.compilation()).failed();
    String[] all = new String[fragments.length + 1];
    System.arraycopy(fragments, 0, all, 0, fragments.length);
    all[fragments.length] = "No migration was written: Nanoka never regenerates a history it"
        + " cannot read.";
    assertError(result, Message.MIGRATION_FOLDER_INVALID, schema, "@Schema(", all);
    assertEquals(1, errorCount(result, Message.MIGRATION_FOLDER_INVALID));
  }

  @Test
  void journalMissingWhileMigrationsExist() {
    assertCorruptFolder(p -> {
      deleteFile(p.journal());
      return p.journal();
    }, "is missing, but the folder holds migrations (0000_create_notes.sql).",
        "Restore it from version control; Nanoka does not rebuild history");
  }

  @Test
  void journalThatIsNotJson() {
    assertCorruptFolder(p -> {
      MigrationProject.write(p.journal(), "{\"version\": \"7\", \"entries\": [");
      return p.journal();
    }, "_journal.json is not valid JSON:");
  }

  @Test
  void snapshotMissing() {
    assertCorruptFolder(p -> {
      deleteFile(p.snapshot(0));
      return p.snapshot(0);
    }, "0000_snapshot.json is missing for migration 0000_create_notes.");
  }

  @Test
  void snapshotOutOfTheChain() {
    assertCorruptFolder(p -> {
      String text = MigrationProject.read(p.snapshot(1));
      MigrationProject.write(p.snapshot(1), text.replaceFirst(
          "\"prevId\": \"[0-9a-f-]+\"", "\"prevId\": \"11111111-2222-3333-4444-555555555555\""));
      return p.snapshot(1);
    }, "0001_snapshot.json has prevId 11111111-2222-3333-4444-555555555555 but the"
        + " snapshot before it has id ", "the history is out of order");
  }

  @Test
  void journalWhenNotIncreasing() {
    assertCorruptFolder(p -> {
      MigrationProject.write(p.journal(), MigrationProject.read(p.journal())
          .replace("1700000001000", "1700000000000"));
      return p.journal();
    }, "entry 0001_add_notes_title has \"when\" 1700000000000, not later than the entry"
        + " before; drizzle-orm would skip it");
  }

  @Test
  void journalEntriesOutOfOrder() {
    assertCorruptFolder(p -> {
      MigrationProject.write(p.journal(), MigrationProject.read(p.journal())
          .replace("\"idx\": 0", "\"idx\": 9").replace("\"idx\": 1", "\"idx\": 0")
          .replace("\"idx\": 9", "\"idx\": 1"));
      return p.journal();
    }, "lists entry idx 1 at position 0; entries must be numbered 0, 1, 2… in order");
  }

  /** An editor that saves in Latin-1 turns "é" into the one byte 0xE9, which is not UTF-8. */
  @Test
  void journalThatIsNotUtf8() {
    assertCorruptFolder(p -> {
      MigrationProject.write(p.journal(), MigrationProject.read(p.journal())
          .replace("\"version\": \"7\"", "\"version\": \"7é\""), StandardCharsets.ISO_8859_1);
      return p.journal();
    }, "_journal.json is not UTF-8: byte 0xE9 at offset 17 (line 2) is not part of a UTF-8"
        + " character (in Latin-1 it would be 'é'). Save the file as UTF-8");
  }

  @Test
  void snapshotThatIsNotUtf8() {
    assertCorruptFolder(p -> {
      MigrationProject.write(p.snapshot(0), MigrationProject.read(p.snapshot(0))
          .replace("\"version\": \"6\"", "\"version\": \"6é\""), StandardCharsets.ISO_8859_1);
      return p.snapshot(0);
    }, "0000_snapshot.json is not UTF-8: byte 0xE9 at offset 17 (line 2)",
        "Save the file as UTF-8");
  }

  /**
   * The current migration, edited and saved in Latin-1: the compile says so, naming the file and
   * where, rather than that the models changed since it was edited.
   */
  @Test
  void currentMigrationThatIsNotUtf8() {
    MigrationProject project = twoVersions();
    Path sql = project.sql("0001_add_notes_title");
    String generated = MigrationProject.read(sql);
    MigrationProject.write(sql, generated + "\n-- café", StandardCharsets.ISO_8859_1);
    project.age();
    Map<String, String> before = project.files();

    JavaFileObject schema = schema(2);
    Result result =
        project.compile(schema, note("String body", "@Field(nullable = true) String title"));

    long lines = generated.chars().filter(c -> c == '\n').count();
    assertFolderError(result, schema, sql + " is not UTF-8: byte 0xE9 at offset "
        + (generated.length() + "\n-- caf".length()) + " (line " + (lines + 2) + ") is not part"
        + " of a UTF-8 character (in Latin-1 it would be 'é'). Save the file as UTF-8");
    assertEquals(0, errorCount(result, Message.MIGRATION_EDITED));
    project.assertNothingChanged(before);
  }

  @Test
  void strayMigrationIsAWarning() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));
    Path stray = project.migrations().resolve("0001_seed_data.sql");
    MigrationProject.write(stray, "INSERT INTO `notes` VALUES ('1', 'hello');");

    JavaFileObject schema = schema(1);
    Result result =
        project.compile(schema, note("String body", "@Field(nullable = true) String title"));

    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.STRAY_MIGRATION, schema, "@Schema(",
        stray + " is not listed in meta/_journal.json: wrangler will apply it, drizzle-orm will"
            + " not.", "drizzle-kit generate --custom");
    assertTrue(MigrationProject.read(project.sql("0000_create_notes")).contains("`title` text"),
        "the migration is still written");
  }

  // ---- changes that lose data ----

  @Test
  void droppedColumnWarnsAndSaysSoInTheSql() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body", "@Field(nullable = true) String title"));

    JavaFileObject note = note("String body");
    Result result = project.compile(schema(2), note);

    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.DESTRUCTIVE_CHANGE, note, "@Model(\"notes\")",
        "Migration 0001_drop_notes_title drops column notes.title and its values. If that is"
            + " intended, nothing to do; otherwise change the model, or edit the migration");
    assertEquals(Map.of("0001_drop_notes_title.sql", """
        -- Data loss: drops column notes.title and its values
        ALTER TABLE `notes` DROP COLUMN `title`;"""), sqlOf(project, 1));
  }

  @Test
  void droppedTableWarnsAtTheSchema() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1, "Note.class, Tag.class", ""), note("String body"), TAG);

    JavaFileObject schema = schema(2);
    Result result = project.compile(schema, note("String body"));

    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.DESTRUCTIVE_CHANGE, schema, "@Schema(",
        "Migration 0001_drop_tags drops table tags and all its rows.");
    assertEquals(Map.of("0001_drop_tags.sql", """
        -- Data loss: drops table tags and all its rows
        DROP TABLE `tags`;"""), sqlOf(project, 1));
  }

  @Test
  void narrowingTypeChangeWarns() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body", "String code"));

    JavaFileObject note = note("String body", "long code");
    Result result = project.compile(schema(2), note);

    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.DESTRUCTIVE_CHANGE, note, "@Model(\"notes\")",
        "Migration 0001_alter_notes changes notes.code from text to integer");
    String sql = sqlOf(project, 1).get("0001_alter_notes.sql");
    assertTrue(sql.contains("-- Data loss: changes notes.code from text to integer"), sql);
    assertTrue(sql.contains("CREATE TABLE `__new_notes` ("), sql);
  }

  @Test
  void notNullWithoutDefaultOnAnExistingTableWarns() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body", "@Field(nullable = true) String title"));

    JavaFileObject note = note("String body", "String title", "String color");
    Result result = project.compile(schema(2), note);

    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.DESTRUCTIVE_CHANGE, note, "@Model(\"notes\")",
        "makes notes.title NOT NULL without a default; the migration fails if a row holds NULL"
            + " there",
        "adds notes.color NOT NULL without a default; the migration fails if notes has rows");
    String sql = sqlOf(project, 1).values().iterator().next();
    assertTrue(sql.contains("-- Data loss: makes notes.title NOT NULL without a default"), sql);
    assertTrue(sql.contains("-- Data loss: adds notes.color NOT NULL without a default"), sql);
  }

  @Test
  void addingANewTableOrANullableColumnLosesNothing() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));

    project.compileClean(schema(2, "Note.class, Tag.class", ""),
        note("String body", "@Field(nullable = true) String title"), TAG);

    String sql = sqlOf(project, 1).values().iterator().next();
    assertFalse(sql.contains("Data loss"), sql);
  }

  // ---- two schemas, one folder ----

  @Test
  void twoSchemasSharingTheMigrationsOptionFolder() {
    MigrationProject project = new MigrationProject(dir);
    JavaFileObject notes = source("com.example.notes.NoteSchema", """
        package com.example.notes;

        import dev.nanoka.Schema;

        @Schema(models = Note.class, output = "drizzle/notes.ts")
        final class NoteSchema {}
        """);
    JavaFileObject tags = source("com.example.notes.TagSchema", """
        package com.example.notes;

        import dev.nanoka.Schema;

        @Schema(models = Tag.class, output = "drizzle/tags.ts")
        final class TagSchema {}
        """);

    Result result = project.compile(List.of("-Ananoka.out=drizzle/migrations"),
        notes, tags, note("String body"), TAG);

    assertThat(result.compilation()).failed();
    assertError(result, Message.SCHEMA_SAME_MIGRATIONS, tags, "@Schema(models = Tag.class",
        "@Schema on com.example.notes.TagSchema writes its migrations to "
            + dir.resolve("drizzle/migrations"),
        "which @Schema on com.example.notes.NoteSchema uses too, and one folder holds one history.",
        "`@Schema(models = {...}, out = \"drizzle/tagschema-migrations\")`");
    assertEquals(Map.of(), project.files());
  }

  // ---- helpers ----

  /** The SQL file(s) of journal entry {@code idx} by name, without Nanoka's header line. */
  private static Map<String, String> sqlOf(MigrationProject project, int idx) {
    String prefix = String.format("%04d_", idx);
    Map<String, String> files = new java.util.TreeMap<>();
    project.migrationFiles().forEach((name, text) -> {
      if (name.startsWith(prefix) && name.endsWith(".sql")) {
        assertTrue(text.startsWith("-- Generated by Nanoka for Java for schema version "
            + (idx + 1) + ". "), text);
        files.put(name, text.substring(text.indexOf('\n') + 1));
      }
    });
    return files;
  }

  private static void deleteFile(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

}
