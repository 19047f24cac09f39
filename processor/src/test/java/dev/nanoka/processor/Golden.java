package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Golden files for generated text, one per test case:
 * {@code src/test/resources/golden/<TestClassSimpleName>/<case>.ts} for a schema.ts, or a folder
 * {@code golden/<TestClassSimpleName>/<case>/} holding a whole migrations folder, byte for byte.
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
    assertFileMatches(directory().resolve(testClassName()).resolve(caseName + ".ts"), actual);
  }

  /**
   * Compares a set of files (path relative to a folder → text) with the golden folder of
   * {@code caseName} for the calling test class: the same files, each with the same bytes. With
   * {@code -Dnanoka.updateGolden=true} the folder is rewritten, files no longer produced removed.
   */
  static void assertTreeMatches(String caseName, Map<String, String> files) {
    Path root = directory().resolve(testClassName()).resolve(caseName);
    Set<String> golden = new TreeSet<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        paths.filter(Files::isRegularFile)
            .forEach(p -> golden.add(root.relativize(p).toString().replace('\\', '/')));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (Boolean.parseBoolean(System.getProperty("nanoka.updateGolden"))) {
      for (String stale : golden) {
        if (!files.containsKey(stale)) {
          try {
            Files.delete(root.resolve(stale));
            System.out.println("Removed golden file " + root.resolve(stale) + ": review the diff.");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    } else {
      assertEquals(golden, new TreeSet<>(files.keySet()),
          "The files differ from those of the golden folder " + root + ". If the change is"
              + " intended, run `mvn -B install -Dnanoka.updateGolden=true` and review the diff.");
    }
    files.forEach((name, text) -> assertFileMatches(root.resolve(name), text));
  }

  private static void assertFileMatches(Path file, String actual) {
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
