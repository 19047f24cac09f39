package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A compile whose models, options and output files are those the previous compile left (its
 * build record in the class output says so) renders, plans and writes nothing. Shown by damage
 * only planning would notice: a snapshot whose {@code prevId} was changed with its size and
 * modification time kept is not read; touched, it is, and reported.
 */
@Tag("each-compiler")
class UpToDateTest {

  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestCompiler.class)
  void anUnchangedCompileDoesNotPlanAgain(TestCompiler compiler) throws IOException {
    DiskBuild build = notes();
    build.compile(compiler, build.allSources()).assertClean();
    // the second compile finds its generated classes compiled; from now on it is up to date
    build.compile(compiler, build.allSources()).assertClean();
    Path snapshot = build.drizzle().resolve("migrations/meta/0000_snapshot.json");
    FileTime written = Files.getLastModifiedTime(snapshot);
    Files.writeString(snapshot, Files.readString(snapshot).replace(
        "\"prevId\": \"00000000-0000-0000-0000-000000000000\"",
        "\"prevId\": \"11111111-1111-1111-1111-111111111111\""));
    Files.setLastModifiedTime(snapshot, written);

    build.compile(compiler, build.allSources()).assertClean();

    Files.setLastModifiedTime(snapshot, LONG_AGO);
    DiskBuild.Outcome touched = build.compile(compiler, build.allSources());
    assertTrue(touched.errors().stream().anyMatch(e -> e.contains("[NanokaMigrationFolder]")
        && e.contains("has prevId 11111111-1111-1111-1111-111111111111")), touched.errors()::toString);
  }

  /** A warning about the migration is not lost to the shortcut: every compile repeats it. */
  @ParameterizedTest
  @EnumSource(TestCompiler.class)
  void aCompileThatWarnsWarnsEveryTime(TestCompiler compiler) {
    DiskBuild build = notes();
    build.compile(compiler, build.allSources()).assertClean();
    build.write("com/example/notes/package-info.java", packageInfo(2));
    build.write("com/example/notes/Note.java", note(""));

    for (int compile = 0; compile < 3; compile++) {
      List<String> warnings = build.compile(compiler, build.allSources()).diagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
          .map(d -> d.getMessage(Locale.ROOT)).toList();
      assertEquals(1, warnings.stream().filter(w -> w.contains("[NanokaDataLoss]")
          && w.contains("drops column notes.body")).count(), "compile " + compile + ": " + warnings);
    }
  }

  private DiskBuild notes() {
    DiskBuild build = new DiskBuild(dir);
    build.write("com/example/notes/package-info.java", packageInfo(1));
    build.write("com/example/notes/Note.java", note(", String body"));
    return build;
  }

  private static String packageInfo(int version) {
    return """
        @Schema(models = Note.class, version = %d)
        package com.example.notes;

        import dev.nanoka.Schema;
        """.formatted(version);
  }

  private static String note(String more) {
    return """
        package com.example.notes;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("notes")
        public record Note(@Field(primaryKey = true) String id%s) {}
        """.formatted(more);
  }
}
