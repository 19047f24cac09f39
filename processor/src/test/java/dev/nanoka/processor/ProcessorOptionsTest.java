package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.errorCount;
import static dev.nanoka.processor.MigrationVersionTest.note;
import static dev.nanoka.processor.MigrationVersionTest.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output options under their names ({@code nanoka.schemaFile}, {@code nanoka.migrationsDir})
 * and their older ones ({@code nanoka.output}, {@code nanoka.out}), which keep working; given
 * both ways they must agree.
 */
class ProcessorOptionsTest {

  private static final List<String> WRITTEN = List.of("app/schema.ts",
      "db/migrations/0000_create_notes.sql", "db/migrations/down/0000_create_notes.sql",
      "db/migrations/meta/0000_snapshot.json", "db/migrations/meta/_journal.json");

  @TempDir Path dir;

  @Test
  void namesChooseSchemaFileAndMigrationsFolder() {
    MigrationProject project = new MigrationProject(dir);
    Result result = compile(
        project, "-Ananoka.schemaFile=app/schema.ts", "-Ananoka.migrationsDir=db/migrations");

    assertThat(result.compilation()).succeededWithoutWarnings(); // javac knows both names
    assertEquals(WRITTEN, List.copyOf(project.files().keySet()));
  }

  @Test
  void olderNamesWriteTheSameFiles() {
    MigrationProject named = new MigrationProject(dir.resolve("named"));
    compile(named, "-Ananoka.schemaFile=app/schema.ts", "-Ananoka.migrationsDir=db/migrations");
    MigrationProject older = new MigrationProject(dir.resolve("older"));
    Result result = compile(older, "-Ananoka.output=app/schema.ts", "-Ananoka.out=db/migrations");

    assertThat(result.compilation()).succeededWithoutWarnings();
    assertEquals(WRITTEN, List.copyOf(older.files().keySet()));
    assertEquals(named.files(), older.files());
  }

  @Test
  void bothNamesWithTheSameValueAgree() {
    MigrationProject project = new MigrationProject(dir);
    Result result = compile(project, "-Ananoka.schemaFile=app/schema.ts",
        "-Ananoka.output=app/schema.ts", "-Ananoka.migrationsDir=db/migrations",
        "-Ananoka.out=db/migrations");

    assertThat(result.compilation()).succeededWithoutWarnings();
    assertEquals(WRITTEN, List.copyOf(project.files().keySet()));
  }

  @Test
  void bothNamesWithDifferentValuesAreAnErrorAndNothingIsWritten() {
    MigrationProject project = new MigrationProject(dir);
    Result result = compile(project, "-Ananoka.schemaFile=app/schema.ts",
        "-Ananoka.output=web/schema.ts", "-Ananoka.migrationsDir=db/migrations",
        "-Ananoka.out=sql");

    assertThat(result.compilation()).failed();
    assertEquals(2, errorCount(result, Message.OPTION_CONFLICT));
    assertEquals(List.of(
        "[NanokaOptionConflict] -Ananoka.schemaFile=app/schema.ts and"
            + " -Ananoka.output=web/schema.ts name different locations, and nanoka.output is the"
            + " older name of nanoka.schemaFile. Pass only -Ananoka.schemaFile.",
        "[NanokaOptionConflict] -Ananoka.migrationsDir=db/migrations and -Ananoka.out=sql name"
            + " different locations, and nanoka.out is the older name of nanoka.migrationsDir."
            + " Pass only -Ananoka.migrationsDir."),
        result.compilation().errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList());
    assertEquals(List.of(), List.copyOf(project.files().keySet()));
  }

  /** Version 1 of the notes schema, compiled with these options. */
  private static Result compile(MigrationProject project, String... options) {
    return project.compile(List.of(options), schema(1), note(""));
  }
}
