package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static dev.nanoka.processor.NotesFixtures.note;
import static dev.nanoka.processor.NotesFixtures.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Schema(dialect = POSTGRESQL)}: the same records give a pg-core schema.ts and a
 * drizzle-kit {@code postgresql} folder, and what cannot be one PostgreSQL schema is an error at
 * the element to change. Conformance with drizzle-kit and tsc is it-tests'
 * {@code PostgresEvolutionTest}.
 */
class PostgresDialectTest {

  @TempDir Path dir;

  private static final String POSTGRES = ", dialect = dev.nanoka.Dialect.POSTGRESQL";

  @Test
  void aPostgresSchemaWritesPgCoreAndAPostgresqlFolder() throws Exception {
    MigrationProject project = new MigrationProject(dir);
    Result first = project.compileClean(schema(1, "Note.class", POSTGRES),
        note("@Field(unique = true) String title", "long views",
            "@Field(defaultFunction = dev.nanoka.DefaultFunction.NOW) java.time.Instant at"));

    Map<String, String> files = project.files();
    // the runtime's PostgreSQL history records each file's journal `when`: the journal is
    // packaged beside the files for MigrationSource.index (ecj's class output is not in memory)
    if (first.compiler() == TestCompiler.JAVAC) {
      Path classes = Files.createTempDirectory("nanoka-pg-classes");
      Map<String, String> packaged = ClassOutput.of(first.compilation(), classes)
          .resources("nanoka/migrations/com/example/notes");
      assertEquals(files.get("drizzle/migrations/meta/_journal.json"),
          packaged.get("NoteSchema/meta/_journal.json"), packaged.keySet().toString());
    }
    String schemaTs = files.get("drizzle/schema.ts");
    assertTrue(schemaTs.contains("import { bigint, pgTable, text, timestamp }"
        + " from 'drizzle-orm/pg-core'"), schemaTs);
    assertTrue(schemaTs.contains("  views: bigint('views', { mode: 'number' }).notNull(),"),
        schemaTs);
    assertTrue(schemaTs.contains("  at: timestamp('at', { withTimezone: true, mode: 'date' })"
        + ".notNull().defaultNow(),"), schemaTs);
    assertTrue(files.get("drizzle/migrations/meta/_journal.json")
        .contains("\"dialect\": \"postgresql\""));
    String snapshot = files.get("drizzle/migrations/meta/0000_snapshot.json");
    assertTrue(snapshot.contains("\"version\": \"7\"") && snapshot.contains(
        "\"notes_title_unique\": {"), snapshot);
    assertEquals("""
        CREATE TABLE "notes" (
        	"id" text PRIMARY KEY NOT NULL,
        	"title" text NOT NULL,
        	"views" bigint NOT NULL,
        	"at" timestamp with time zone DEFAULT now() NOT NULL,
        	CONSTRAINT "notes_title_unique" UNIQUE("title")
        );
        """, files.get("drizzle/migrations/0000_create_notes.sql").split("\n", 2)[1]);

    // a second compile of the same models changes nothing
    project.compileClean(schema(1, "Note.class", POSTGRES),
        note("@Field(unique = true) String title", "long views",
            "@Field(defaultFunction = dev.nanoka.DefaultFunction.NOW) java.time.Instant at"));
    assertEquals(files, project.files());
  }

  @Test
  void aSqliteFolderIsNotContinuedAsPostgres() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), note("String body"));
    project.age();
    Map<String, String> before = project.files();

    JavaFileObject schema = schema(2, "Note.class", POSTGRES);
    Result result = project.compile(schema, note("String body", "int stars"));

    assertThat(result.compilation()).failed();
    assertErrorAtValue(result, Message.MIGRATION_FOLDER_INVALID, schema, "dialect = ",
        ".POSTGRESQL",
        "is a sqlite history, but @Schema(dialect) says POSTGRESQL",
        "Point @Schema(out) at a new folder for POSTGRESQL, or set dialect back");
    project.assertNothingChanged(before);
  }

  @Test
  void twoEnumsThatWouldBeOneTypeWithOtherValuesAreRefused() {
    JavaFileObject task = source("com.example.notes.Task", """
        package com.example.notes;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("tasks")
        public record Task(
            @Field(primaryKey = true) String id,
            Status status) {
          public enum Status { OPEN, DONE }
        }
        """);
    JavaFileObject note = source("com.example.notes.Note", """
        package com.example.notes;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("notes")
        public record Note(
            @Field(primaryKey = true) String id,
            Status status) {
          public enum Status { DRAFT, PUBLISHED }
        }
        """);
    JavaFileObject schema = schema(1, "Note.class, Task.class", POSTGRES);
    Result result = new MigrationProject(dir).compile(schema, note, task);

    assertThat(result.compilation()).failed();
    assertError(result, Message.POSTGRES_ENUM_CLASH, task, "Status status",
        "Task.status has enum com.example.notes.Task.Status, and Note.status has enum"
            + " com.example.notes.Note.Status with other constants: both would be the PostgreSQL"
            + " type status",
        "Rename one of the enums, or give both the same constants.");
    assertTrue(!Files.exists(dir.resolve("drizzle/schema.ts")));
  }

  @Test
  void lengthPrecisionAndScaleMustFitTheColumn() {
    JavaFileObject schema = schema(1, "Note.class", POSTGRES);
    JavaFileObject note = note("@Field(length = 40) int stars");
    Result result = new MigrationProject(dir).compile(schema, note);
    assertThat(result.compilation()).failed();
    assertErrorAtValue(result, Message.TYPE_PARAMETER_INVALID, note, "length = 40", "40",
        "Note.stars: length is for String columns (varchar), not int.",
        "Remove length, or give a positive length to a String.");

    JavaFileObject money = note("@Field(precision = 4, scale = 6) java.math.BigDecimal price");
    result = new MigrationProject(dir.resolve("b")).compile(schema, money);
    assertThat(result.compilation()).failed();
    assertErrorAtValue(result, Message.TYPE_PARAMETER_INVALID, money, "scale = 6", "6",
        "numeric(4, 6) is not a PostgreSQL type: precision is 1 to 1000 and scale 0 to precision",
        "For example @Field(precision = 12, scale = 2).");
  }

  @Test
  void drizzle1LayoutIsRefusedForPostgres() {
    JavaFileObject schema = schema(1, "Note.class",
        POSTGRES + ", layout = dev.nanoka.MigrationLayout.DRIZZLE_1");
    Result result = new MigrationProject(dir).compile(schema, note("String body"));
    assertThat(result.compilation()).failed();
    assertError(result, Message.LAYOUT_NOT_FOR_DIALECT, schema, "layout = dev.nanoka.MigrationLayout",
        "The Drizzle 1.0 layout is written for SQLite schemas only");
    assertTrue(Files.notExists(dir.resolve("drizzle/migrations/meta/_journal.json")));
    assertTrue(Files.notExists(dir.resolve("drizzle/schema.ts")));
  }

  @Test
  void anUpdateTriggerIsRefusedForPostgres() {
    JavaFileObject schema = schema(1, "Note.class", POSTGRES);
    JavaFileObject note = note("@Field(onRowUpdate = dev.nanoka.DefaultFunction.NOW)"
        + " java.time.Instant updatedAt");
    Result result = new MigrationProject(dir).compile(schema, note);
    assertThat(result.compilation()).failed();
    assertErrorAtValue(result, Message.ON_ROW_UPDATE_INVALID, note,
        "onRowUpdate = dev.nanoka.DefaultFunction.NOW", ".NOW",
        "Note.updatedAt: PostgreSQL schemas have no update trigger yet.",
        "Remove onRowUpdate and set the column in application code");
  }

  @Test
  void lengthPrecisionAndScaleGiveVarcharAndNumeric() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1, "Note.class", POSTGRES), note(
        "@Field(length = 80) String title",
        "@Field(precision = 12, scale = 2) java.math.BigDecimal price"));
    String schemaTs = project.files().get("drizzle/schema.ts");
    assertTrue(schemaTs.contains("  title: varchar('title', { length: 80 }).notNull(),")
        && schemaTs.contains("  price: numeric('price', { precision: 12, scale: 2 }).notNull(),"),
        schemaTs);
    assertTrue(project.files().get("drizzle/migrations/0000_create_notes.sql").contains(
        "\t\"title\" varchar(80) NOT NULL,\n\t\"price\" numeric(12, 2) NOT NULL\n"));
  }

  /**
   * The blog example's models for PostgreSQL, plus a self-referencing table and every column
   * kind: schema.ts and the first migration folder byte for byte (goldens under
   * {@code golden/PostgresDialectTest/}; it-tests' GoldenSchemasTypeCheckTest type-checks the
   * schema.ts with tsc).
   */
  @Test
  void theBlogForPostgresMatchesItsGoldens() throws Exception {
    Path sources = Path.of("src/test/resources/pg-blog");
    java.util.List<JavaFileObject> files = new java.util.ArrayList<>();
    try (var paths = Files.walk(sources)) {
      for (Path file : paths.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = sources.relativize(file).toString().replace('\\', '/')
            .replace(".java", "").replace('/', '.');
        files.add(source(name, Files.readString(file)));
      }
    }
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(files.toArray(JavaFileObject[]::new));
    Golden.assertMatches("blog", project.files().get("drizzle/schema.ts"));
    Golden.assertTreeMatches("blog", project.migrationFiles());
  }
}
