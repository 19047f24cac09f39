package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Shared helpers of the error and warning tests: compile sources with the processor, assert that
 * a diagnostic carries its tag at the right file and line and says what to write instead, and
 * that the processor itself never failed.
 *
 * <p>Lines are found by a marker: the one line of the source that contains a given text. A
 * marker that occurs on no line or on several fails the test, so the expected line is always
 * exactly the one a reader sees in the test.
 */
final class DiagnosticAssertions {

  private DiagnosticAssertions() {}

  /** A source file from a text block; the file name follows the fully qualified type name. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** A compile of some sources, with the directory schema.ts would be written to. */
  record Result(Compilation compilation, Path outputDir, TestCompiler compiler) {
    Result(Compilation compilation, Path outputDir) {
      this(compilation, outputDir, TestCompiler.current());
    }

    Path schemaFile() {
      return outputDir.resolve("schema.ts");
    }

    boolean schemaWritten() {
      try (var files = Files.walk(outputDir)) {
        return files.anyMatch(Files::isRegularFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String schema() {
      try {
        return Files.readString(schemaFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Compiles with {@code -Ananoka.output=<fresh dir>/schema.ts} and
   * {@code -Ananoka.projectDir=<that dir>}, and checks that the processor did not break. Extra
   * options may set their own {@code -Ananoka.output=} or {@code -Ananoka.schemaFile=} (empty for
   * none).
   */
  static Result compile(JavaFileObject... sources) {
    return compileWithOptions(List.of(), sources);
  }

  static Result compileWithOptions(List<String> extraOptions, JavaFileObject... sources) {
    return compileWithOptions(TestCompiler.current(), extraOptions, sources);
  }

  static Result compileWithOptions(
      TestCompiler compiler, List<String> extraOptions, JavaFileObject... sources) {
    Path dir;
    try {
      dir = Files.createTempDirectory("nanoka-error-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>();
    if (extraOptions.stream().noneMatch(DiagnosticAssertions::setsSchemaFile)) {
      options.add("-Ananoka.output=" + dir.resolve("schema.ts"));
    }
    options.add("-Ananoka.projectDir=" + dir);
    options.addAll(extraOptions);
    Compilation compilation = compileChecked(compiler, options, List.of(sources));
    return new Result(compilation, dir, compiler);
  }

  /**
   * Compiles with the processor under the compiler of this test run ({@link TestCompiler}), and
   * checks that the processor did not break.
   */
  static Compilation compileChecked(List<String> options, List<JavaFileObject> sources) {
    return compileChecked(TestCompiler.current(), options, sources);
  }

  static Compilation compileChecked(
      TestCompiler compiler, List<String> options, List<JavaFileObject> sources) {
    Compilation compilation = compiler.compiler(options, List.of())
        .withProcessors(new NanokaProcessor())
        .compile(compiler.sources(sources));
    assertProcessorHealthy(compilation);
    return compilation;
  }

  /** Whether the option names schema.ts, under its name or its older one. */
  static boolean setsSchemaFile(String option) {
    return option.startsWith("-Ananoka.output=") || option.startsWith("-Ananoka.schemaFile=");
  }

  /**
   * Compiles sources that must fail, and checks the "any errors? write nothing" gate: schema.ts
   * is absent after the compile.
   */
  static Result compileFailing(JavaFileObject... sources) {
    Result result = compile(sources);
    assertThat(result.compilation()).failed();
    assertFalse(result.schemaWritten(), "no file may be written when the models have errors");
    return result;
  }

  /** Neither a processor exception (javac's or ecj's report of one) nor Nanoka's own report. */
  static void assertProcessorHealthy(Compilation compilation) {
    assertProcessorHealthy(compilation.diagnostics());
  }

  static void assertProcessorHealthy(List<? extends Diagnostic<? extends JavaFileObject>> all) {
    for (Diagnostic<? extends JavaFileObject> d : all) {
      String text = d.getMessage(Locale.ROOT);
      if (text.contains("[NanokaInternalError]")
          || text.contains("An annotation processor threw an uncaught exception")
          || text.contains("Internal compiler error")) {
        fail("processor failure: " + text);
      }
    }
  }

  /**
   * Asserts an error with the tag of {@code message} in {@code file} on the line holding
   * {@code marker}, whose text contains every fragment (the "write this instead" part).
   */
  static void assertError(
      Result result, Message message, JavaFileObject file, String marker, String... fragments) {
    assertAt(result.compiler(), result.compilation().errors(), message, file, lineOf(file, marker),
        fragments);
  }

  /**
   * Like {@link #assertError}, and under javac the error's column is where {@code value} starts
   * on that line: the diagnostic points at the written annotation value itself. (ecj places a
   * value at its {@code name =}, when it places it at all.)
   */
  static void assertErrorAtValue(
      Result result, Message message, JavaFileObject file, String marker, String value,
      String... fragments) {
    assertError(result, message, file, marker, fragments);
    if (result.compiler() != TestCompiler.JAVAC) {
      return;
    }
    long line = lineOf(file, marker);
    String text;
    try {
      text = file.getCharContent(true).toString().split("\n", -1)[(int) line - 1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int column = text.indexOf(value);
    assertTrue(column >= 0, "\"" + value + "\" is not on line " + line + ": " + text);
    assertThat(result.compilation()).hadErrorContaining(tag(message)).inFile(file).onLine(line)
        .atColumn(column + 1);
  }

  /** Like {@link #assertError}, for a warning. */
  static void assertWarning(
      Result result, Message message, JavaFileObject file, String marker, String... fragments) {
    assertAt(result.compiler(), result.compilation().warnings(), message, file,
        lineOf(file, marker), fragments);
  }

  /**
   * Asserts that one of the diagnostics carries the tag at the file and line, and that those
   * that do contain every fragment.
   */
  static void assertAt(TestCompiler compiler,
      List<Diagnostic<? extends JavaFileObject>> diagnostics, Message message,
      JavaFileObject file, long line, String... fragments) {
    String tag = tag(message);
    List<String> atLine = diagnostics.stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains(tag) && isAt(compiler, d, file, line))
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
    assertFalse(atLine.isEmpty(), () -> "expected " + tag + " at " + TestCompiler.relativePath(file)
        + ":" + line + " (" + compiler + "), got:\n" + describe(diagnostics));
    for (String fragment : fragments) {
      assertTrue(atLine.stream().anyMatch(m -> m.contains(fragment)),
          "expected " + tag + " on line " + line + " to contain \"" + fragment + "\", got "
              + atLine);
    }
  }

  /**
   * Whether the diagnostic is at the line of the file: where the compiler placed it, or, under
   * ecj when it could not place it, as the text ends ({@code … (at /…/test/Note.java:12)}).
   */
  static boolean isAt(TestCompiler compiler, Diagnostic<? extends JavaFileObject> diagnostic,
      JavaFileObject file, long line) {
    String path = "/" + TestCompiler.relativePath(file);
    if (diagnostic.getSource() != null
        && ("/" + TestCompiler.relativePath(diagnostic.getSource())).endsWith(path)
        && diagnostic.getLineNumber() == line) {
      return true;
    }
    return compiler == TestCompiler.ECJ
        && diagnostic.getMessage(Locale.ROOT).endsWith(path + ":" + line + ")");
  }

  /** The diagnostics one a line, with where they are, for failure messages. */
  static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(d -> "  " + d.getKind() + " "
            + (d.getSource() == null ? "(no file)" : d.getSource().toUri().getPath()) + ":"
            + d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** Like {@link #assertError}, for a note. */
  static void assertNote(
      Result result, Message message, JavaFileObject file, String marker, String... fragments) {
    assertAt(result.compiler(), result.compilation().notes(), message, file,
        lineOf(file, marker), fragments);
  }

  /** How often a tag was reported as an error. */
  static long errorCount(Result result, Message message) {
    return result.compilation().errors().stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains(tag(message)))
        .count();
  }

  /** The tag as it appears in the text, e.g. {@code [NanokaNoPrimaryKey]}. */
  static String tag(Message message) {
    return message.tag();
  }

  /** The 1-based number of the only line of the source that contains the marker. */
  static long lineOf(JavaFileObject file, String marker) {
    String[] lines;
    try {
      lines = file.getCharContent(true).toString().split("\n", -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        found.add(i + 1);
      }
    }
    assertEquals(1, found.size(),
        "marker \"" + marker + "\" must be on exactly one line of " + file.getName()
            + ", found on lines " + found);
    return found.get(0);
  }
}
