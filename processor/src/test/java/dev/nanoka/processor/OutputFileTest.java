package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.SchemaCompiler.compile;
import static dev.nanoka.processor.SchemaCompiler.read;
import static dev.nanoka.processor.SchemaCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where schema.ts goes, and when it is (not) written. Goldens:
 * {@code golden/OutputFileTest/*.ts}.
 */
class OutputFileTest {

  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  @TempDir Path dir;

  private static JavaFileObject note(String extraComponent) {
    return source("com.example.out.Note", """
        package com.example.out;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("notes")
        public record Note(@Field(primaryKey = true) String id, String body%s) {}
        """.formatted(extraComponent));
  }

  /** Neither schema.ts nor the migration files beside it are rewritten with the same text. */
  @Test
  void unchangedOutputIsNotRewrittenAndChangedOutputIs() throws IOException {
    Path schema = dir.resolve("drizzle").resolve("schema.ts");
    List<String> options = List.of("-Ananoka.output=" + schema);
    assertThat(compile(options, List.of(), List.of(note("")))).succeededWithoutWarnings();
    String first = read(schema);
    List<Path> written = filesUnder(dir);
    for (Path file : written) {
      Files.setLastModifiedTime(file, LONG_AGO);
    }

    assertThat(compile(options, List.of(), List.of(note("")))).succeededWithoutWarnings();

    assertEquals(first, read(schema));
    assertEquals(written, filesUnder(dir));
    for (Path file : written) {
      assertEquals(LONG_AGO, Files.getLastModifiedTime(file), file + " was rewritten unchanged");
    }

    assertThat(compile(options, List.of(), List.of(note(", int stars"))))
        .succeededWithoutWarnings();

    assertNotEquals(LONG_AGO, Files.getLastModifiedTime(schema), "a changed file was not written");
    assertTrue(read(schema).contains("  stars: integer('stars').notNull(),\n"), read(schema));
    assertEquals(List.of(), filesUnder(dir).stream()
        .filter(f -> f.getFileName().toString().startsWith(".")).toList(),
        "no temporary file may be left behind");
  }

  @Test
  void withoutAnOutputLocationItWarnsAndWritesNothing() throws IOException {
    Compilation compilation =
        compile(List.of("-Ananoka.projectDir=" + dir), List.of(), List.of(note("")));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[NanokaNoOutput]");
    assertThat(compilation).hadWarningContaining("-Ananoka.schemaFile=");
    assertEquals(List.of(), filesUnder(dir));
  }

  @Test
  void schemaWithoutOutputAndNoOptionWarnsAtTheSchema() throws IOException {
    JavaFileObject schemaType = source("com.example.out.NoteSchema", """
        package com.example.out;

        import dev.nanoka.Schema;

        @Schema(models = Note.class)
        final class NoteSchema {}
        """);

    Compilation compilation =
        compile(List.of("-Ananoka.projectDir=" + dir), List.of(), List.of(note(""), schemaType));

    assertThat(compilation).succeeded();
    DiagnosticAssertions.assertAt(
        TestCompiler.current(), compilation.warnings(), Message.NO_OUTPUT, schemaType, 5);
    assertEquals(List.of(), filesUnder(dir));
  }

  @Test
  void relativeOutputOptionResolvesAgainstProjectDir() throws IOException {
    Compilation compilation = compile(
        List.of("-Ananoka.output=drizzle/schema.ts", "-Ananoka.projectDir=" + dir),
        List.of(), List.of(note("")));

    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(Files.isRegularFile(dir.resolve("drizzle/schema.ts")), filesUnder(dir)::toString);
    assertTrue(filesUnder(dir).stream().allMatch(f -> f.startsWith(dir.resolve("drizzle"))),
        filesUnder(dir)::toString);
  }

  @Test
  void schemaOutputResolvesAgainstProjectDirAndWinsOverTheOption() throws IOException {
    JavaFileObject schemaType = source("com.example.out.NoteSchema", """
        package com.example.out;

        import dev.nanoka.Schema;

        @Schema(models = Note.class, output = "rel/path.ts")
        final class NoteSchema {}
        """);

    Compilation compilation = compile(
        List.of("-Ananoka.projectDir=" + dir, "-Ananoka.output=" + dir.resolve("option.ts")),
        List.of(), List.of(note(""), schemaType));

    assertThat(compilation).succeededWithoutWarnings();
    Path written = dir.resolve("rel").resolve("path.ts");
    assertTrue(Files.isRegularFile(written), filesUnder(dir)::toString);
    assertFalse(Files.exists(dir.resolve("option.ts")));
    assertTrue(read(written).startsWith(
        "// Generated by Nanoka for Java from @Schema on com.example.out.NoteSchema.\n"),
        read(written));
  }

  @Test
  void twoSchemasWriteTwoFiles() throws IOException {
    List<JavaFileObject> sources = List.of(
        source("com.example.multi.User", """
            package com.example.multi;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model
            public record User(@Field(primaryKey = true) String id, String name) {}
            """),
        source("com.example.multi.Post", """
            package com.example.multi;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model
            public record Post(
                @Field(primaryKey = true, autoIncrement = true) long id,
                @Field(references = User.class) String authorId,
                @Field(json = true) Meta meta) {

              public record Meta(String title, int words) {}
            }
            """),
        source("com.example.multi.AuditEvent", """
            package com.example.multi;

            import dev.nanoka.DefaultFunction;
            import dev.nanoka.Field;
            import dev.nanoka.Model;
            import java.time.Instant;

            @Model
            public record AuditEvent(
                @Field(primaryKey = true, autoIncrement = true) long id,
                @Field(references = User.class) String userId,
                @Field(defaultFunction = DefaultFunction.NOW) Instant at) {}
            """),
        source("com.example.multi.AppSchema", """
            package com.example.multi;

            import dev.nanoka.Schema;

            @Schema(models = {User.class, Post.class}, output = "drizzle/app/schema.ts")
            final class AppSchema {}
            """),
        source("com.example.multi.AuditSchema", """
            package com.example.multi;

            import dev.nanoka.Schema;

            @Schema(models = {User.class, AuditEvent.class}, output = "drizzle/audit/schema.ts")
            final class AuditSchema {}
            """));

    Compilation compilation =
        compile(List.of("-Ananoka.projectDir=" + dir), List.of(), sources);

    assertThat(compilation).succeededWithoutWarnings();
    Path app = dir.resolve("drizzle/app/schema.ts");
    Path audit = dir.resolve("drizzle/audit/schema.ts");
    assertTrue(Files.isRegularFile(app) && Files.isRegularFile(audit), filesUnder(dir)::toString);
    Golden.assertMatches("twoSchemasApp", read(app));
    Golden.assertMatches("twoSchemasAudit", read(audit));
  }

  @Test
  void noFileWithoutModels() throws IOException {
    JavaFileObject plain = source("com.example.out.Plain", """
        package com.example.out;

        public record Plain(String value) {}
        """);

    Compilation compilation = compile(
        List.of("-Ananoka.output=" + dir.resolve("schema.ts")), List.of(), List.of(plain));

    // javac itself warns that no processor recognized -Ananoka.output: ours never ran.
    assertThat(compilation).succeeded();
    assertFalse(compilation.diagnostics().stream()
        .anyMatch(d -> d.getMessage(null).contains("[Nanoka")), compilation.diagnostics()::toString);
    assertFalse(Files.exists(dir.resolve("schema.ts")));
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}

