package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A developer's project directory that is compiled again and again, as an IDE or
 * {@code mvn compile} would after each edit: schema.ts goes to {@code drizzle/schema.ts}, the
 * migrations to {@code drizzle/migrations} beside it, and every compile sees what the compiles
 * before it left on disk.
 */
final class MigrationProject {

  /** A time no compile can produce: a file still showing it was not written since. */
  static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  private final Path dir;

  MigrationProject(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path schemaFile() {
    return dir.resolve("drizzle").resolve("schema.ts");
  }

  Path migrations() {
    return dir.resolve("drizzle").resolve("migrations");
  }

  Path journal() {
    return migrations().resolve("meta").resolve("_journal.json");
  }

  Path snapshot(int idx) {
    return migrations().resolve("meta").resolve(String.format("%04d_snapshot.json", idx));
  }

  Path sql(String tag) {
    return migrations().resolve(tag + ".sql");
  }

  /**
   * Compiles with {@code -Ananoka.output=<dir>/drizzle/schema.ts}, {@code -Ananoka.projectDir}
   * and the extra options, and checks that the processor did not break.
   */
  Result compile(List<String> extraOptions, JavaFileObject... sources) {
    List<String> options = new ArrayList<>();
    if (extraOptions.stream().noneMatch(DiagnosticAssertions::setsSchemaFile)) {
      options.add("-Ananoka.output=" + schemaFile());
    }
    options.add("-Ananoka.projectDir=" + dir);
    options.addAll(extraOptions);
    return new Result(DiagnosticAssertions.compileChecked(options, List.of(sources)), dir);
  }

  Result compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** Compiles and asserts success without any warning (notes are allowed). */
  Result compileClean(JavaFileObject... sources) {
    Result result = compile(sources);
    assertTrue(result.compilation().status() == Compilation.Status.SUCCESS
        && result.compilation().warnings().isEmpty(),
        "expected a clean compile, got " + messages(result.compilation()));
    return result;
  }

  /** Every file under the project directory by relative path, with its text. */
  Map<String, String> files() {
    Map<String, String> files = new TreeMap<>();
    for (Path file : regularFiles()) {
      files.put(relative(file), read(file));
    }
    return files;
  }

  /** Every file under the migrations folder by path relative to it, with its text. */
  Map<String, String> migrationFiles() {
    Map<String, String> files = new TreeMap<>();
    for (Path file : regularFiles()) {
      if (file.startsWith(migrations())) {
        files.put(migrations().relativize(file).toString().replace('\\', '/'), read(file));
      }
    }
    return files;
  }

  /** Sets every file's modification time to {@link #LONG_AGO}. */
  void age() {
    try {
      for (Path file : regularFiles()) {
        Files.setLastModifiedTime(file, LONG_AGO);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that the files given (from {@link #files()} taken after {@link #age()}) are still
   * there with the same bytes and were not written since.
   */
  void assertUntouched(Map<String, String> before) {
    for (Map.Entry<String, String> file : before.entrySet()) {
      Path path = dir.resolve(file.getKey());
      assertTrue(Files.isRegularFile(path), file.getKey() + " is gone");
      assertEquals(file.getValue(), read(path), file.getKey() + " changed");
      try {
        assertEquals(LONG_AGO, Files.getLastModifiedTime(path), file.getKey() + " was rewritten");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Asserts that the project holds exactly the files given, untouched since {@link #age()}. */
  void assertNothingChanged(Map<String, String> before) {
    assertEquals(before.keySet(), files().keySet(), "files were added or removed");
    assertUntouched(before);
  }

  List<Path> regularFiles() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String relative(Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  /** The file as UTF-8; a byte that is not (a test may save a file in Latin-1) reads as U+FFFD. */
  static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    write(file, text, StandardCharsets.UTF_8);
  }

  static void write(Path file, String text, Charset charset) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All diagnostics, one a line, for failure messages. */
  static String messages(Compilation compilation) {
    return compilation.diagnostics().stream()
        .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** The texts of the diagnostics of one kind that carry the tag. */
  static List<String> diagnostics(Compilation compilation, Diagnostic.Kind kind, Message message) {
    String tag = DiagnosticAssertions.tag(message);
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.contains(tag))
        .toList();
  }
}
