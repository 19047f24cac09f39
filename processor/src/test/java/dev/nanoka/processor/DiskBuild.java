package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * A project compiled on disk, the way a build tool or an IDE compiles it: sources under
 * {@code src/}, classes to {@code classes/}, generated sources to {@code generated/}, schema.ts
 * and the migrations under {@code drizzle/}, and earlier classes on the class path. Unlike
 * compile-testing, which keeps files in memory, this lets ecj read back the sources processors
 * generate, and a later compile see the class files of an earlier one (an incremental build).
 */
final class DiskBuild {

  /** What a compile reported; {@code success} is the compiler's own verdict. */
  record Outcome(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<String> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /** Asserts a compile without errors or warnings (notes are fine). */
    Outcome assertClean() {
      List<String> problems = diagnostics.stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR
              || d.getKind() == Diagnostic.Kind.WARNING
              || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
          .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT)).toList();
      assertTrue(success && problems.isEmpty(), "expected a clean compile, got " + problems);
      return this;
    }
  }

  private final Path dir;

  DiskBuild(Path dir) {
    this.dir = dir;
  }

  Path src() {
    return dir.resolve("src");
  }

  Path classes() {
    return dir.resolve("classes");
  }

  Path generated() {
    return dir.resolve("generated");
  }

  Path drizzle() {
    return dir.resolve("drizzle");
  }

  /** Writes a source file under {@code src/}, e.g. {@code write("com/example/A.java", …)}. */
  Path write(String relativePath, String text) {
    Path file = src().resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Every source file under {@code src/}. */
  List<Path> allSources() {
    try (Stream<Path> files = Files.walk(src())) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles the files with the compiler, Nanoka's processor (and any others given) and
   * {@code -Ananoka.schemaFile=drizzle/schema.ts}. The class path is {@code classes/} (what
   * earlier compiles left there) and the test's; nanoka-runtime is on it, so the processor also
   * generates the schema and migration classes.
   */
  Outcome compile(TestCompiler compiler, List<Path> sources, Processor... others) {
    List<Processor> processors = new ArrayList<>(List.of(new NanokaProcessor()));
    processors.addAll(List.of(others));
    JavaCompiler tool = compiler.tool();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        tool.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(classes());
      Files.createDirectories(generated());
      List<String> options = new ArrayList<>(compiler.options());
      options.addAll(List.of("-d", classes().toString(), "-s", generated().toString(),
          "-cp", classes() + File.pathSeparator + System.getProperty("java.class.path"),
          "-Ananoka.schemaFile=" + drizzle().resolve("schema.ts"),
          "-Ananoka.projectDir=" + dir));
      JavaCompiler.CompilationTask task = tool.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(processors);
      boolean success = task.call();
      DiagnosticAssertions.assertProcessorHealthy(diagnostics.getDiagnostics());
      return new Outcome(success, diagnostics.getDiagnostics());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files the processor wrote: drizzle/ and the generated sources, by relative path. */
  Map<String, String> outputs() {
    Map<String, String> outputs = new TreeMap<>();
    for (Path root : List.of(drizzle(), generated())) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          outputs.put(dir.relativize(file).toString().replace('\\', '/'),
              Files.readString(file, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return outputs;
  }

  /** The diagnostics one a line, for failure messages. */
  static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream().map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }
}
