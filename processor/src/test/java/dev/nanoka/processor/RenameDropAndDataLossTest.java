package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertNote;
import static dev.nanoka.processor.DiagnosticAssertions.assertWarning;
import static dev.nanoka.processor.DiagnosticAssertions.errorCount;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static dev.nanoka.processor.NotesFixtures.MEMO;
import static dev.nanoka.processor.NotesFixtures.TAG;
import static dev.nanoka.processor.NotesFixtures.modelNote;
import static dev.nanoka.processor.NotesFixtures.note;
import static dev.nanoka.processor.NotesFixtures.schema;
import static dev.nanoka.processor.NotesFixtures.sqlOf;
import static dev.nanoka.processor.NotesFixtures.twoVersions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change of the models asks of the user when its migration is planned: a table or column
 * that vanished while another appeared is a rename or a drop, which only the user can tell (an
 * error at the new name showing the annotation for each), and a change that can lose rows is a
 * warning at the model, and a comment in the SQL.
 */
class RenameDropAndDataLossTest {

  @TempDir Path dir;

  // ---- a column or table vanished while another appeared ----

  @Test
  void vanishedAndAppearedColumnAsksWhichItIs() {
    MigrationProject project = twoVersions(dir);
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
    assertTrue(result.compilation().warnings().isEmpty(), "a declared drop is not a warning");
    assertNote(result, Message.DECLARED_DATA_LOSS, note, "@Model(value = \"notes\"",
        "Migration 0001_add_notes_content_drop_notes_body drops column notes.body and its values,"
            + " as declared.");
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
    assertTrue(result.compilation().warnings().isEmpty(), "a declared drop is not a warning");
    assertNote(result, Message.DECLARED_DATA_LOSS, schema, "@Schema(",
        "Migration 0001_create_memos_drop_notes drops table notes and all its rows, as declared.");
    assertEquals(Map.of("0001_create_memos_drop_notes.sql", """
        CREATE TABLE `memos` (
        \t`id` text PRIMARY KEY NOT NULL,
        \t`body` text NOT NULL
        );
        --> statement-breakpoint
        -- Data loss: drops table notes and all its rows
        DROP TABLE `notes`;"""), sqlOf(project, 1));
  }

  // ---- -Werror: what the user declared is a note, what they did not stays a warning ----

  @Test
  void aWerrorBuildCompilesADeclaredDrop() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body", "@Field(nullable = true) String title"));

    JavaFileObject note = modelNote("value = \"notes\", droppedColumns = {\"title\"}",
        "String body");
    Result result = project.compile(List.of(TestCompiler.current().failOnWarning()), schema(2), note);

    assertThat(result.compilation()).succeeded();
    assertEquals(Map.of("0001_drop_notes_title.sql", """
        -- Data loss: drops column notes.title and its values
        ALTER TABLE `notes` DROP COLUMN `title`;"""), sqlOf(project, 1));
  }

  // ecj's -failOnWarning fails such a compile without an error diagnostic, which compile-testing
  // reports as a crash; the note-versus-warning split itself is asserted under ecj above.
  @Tag("javac-only")
  @Test
  void aWerrorBuildFailsOnAnUndeclaredDrop() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1, "Note.class, Tag.class", ""), note("String body"), TAG);

    JavaFileObject schema = schema(2);
    Result result = project.compile(List.of(TestCompiler.current().failOnWarning()), schema, note("String body"));

    assertThat(result.compilation()).failed();
    assertWarning(result, Message.DESTRUCTIVE_CHANGE, schema, "@Schema(",
        "Migration 0001_drop_tags drops table tags and all its rows.");
  }

  // ecj's -failOnWarning fails such a compile without an error diagnostic, which compile-testing
  // reports as a crash; the note-versus-warning split itself is asserted under ecj above.
  @Tag("javac-only")
  @Test
  void aDeclaredDropNextToAnUndeclaredLossStillWarnsForTheLoss() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body", "String code",
        "@Field(nullable = true) String title"));

    JavaFileObject note = modelNote("value = \"notes\", droppedColumns = {\"title\"}",
        "String body", "long code");
    Result result = project.compile(List.of(TestCompiler.current().failOnWarning()), schema(2), note);

    assertThat(result.compilation()).failed();
    assertNote(result, Message.DECLARED_DATA_LOSS, note, "@Model(value = \"notes\"",
        "drops column notes.title and its values, as declared.");
    assertWarning(result, Message.DESTRUCTIVE_CHANGE, note, "@Model(value = \"notes\"",
        "changes notes.code from text to integer");
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
}
