package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for generated schema.ts text, one per test case:
 * {@code src/test/resources/golden/<TestClassSimpleName>/<case>.ts}.
 *
 * <p>After an intended change to the output, refresh them with
 *
 * <pre>mvn -B install -Dnanoka.updateGolden=true</pre>
 *
 * <p>and review the diff before committing: every golden must read as a schema a Drizzle user
 * would write by hand. The it-tests type-check every golden with tsc against drizzle-orm.
 */
final class Golden {

  private Golden() {}

  /**
   * Compares {@code actual} with the golden file of {@code caseName} for the calling test class,
   * or rewrites that file when {@code -Dnanoka.updateGolden=true}.
   */
  static void assertMatches(String caseName, String actual) {
    Path file = directory().resolve(testClassName()).resolve(caseName + ".ts");
    if (Boolean.parseBoolean(System.getProperty("nanoka.updateGolden"))) {
      update(file, actual);
      return;
    }
    if (!Files.isRegularFile(file)) {
      fail("No golden file " + file + ". Create it with `mvn -B install"
          + " -Dnanoka.updateGolden=true` and review it.\nActual output:\n" + actual);
    }
    assertEquals(read(file), actual,
        "Output differs from the golden " + file + ". If the change is intended, run `mvn -B"
            + " install -Dnanoka.updateGolden=true` and review the diff.");
  }

  private static void update(Path file, String actual) {
    try {
      if (Files.isRegularFile(file) && read(file).equals(actual)) {
        return;
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      System.out.println("Updated golden file " + file + ": review the diff.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Set by surefire; an IDE run starts in the module directory. */
  private static Path directory() {
    String dir = System.getProperty("nanoka.goldenDir");
    if (dir == null || dir.isBlank() || dir.startsWith("${")) {
      return Path.of("src", "test", "resources", "golden").toAbsolutePath();
    }
    return Path.of(dir);
  }

  /** The top-level class of the first caller outside this class, e.g. {@code TypeMappingTest}. */
  private static String testClassName() {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
            .filter(c -> c != Golden.class)
            .findFirst()
            .orElseThrow());
    while (caller.getEnclosingClass() != null) {
      caller = caller.getEnclosingClass();
    }
    return caller.getSimpleName();
  }
}
