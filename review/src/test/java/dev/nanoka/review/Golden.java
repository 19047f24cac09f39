package dev.nanoka.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. After an intended change to a report,
 * refresh them with {@code mvn -B install -pl review -Dnanoka.updateGolden=true} and read the
 * diff: each must stay a report a reviewer is glad to read.
 */
final class Golden {

  private Golden() {}

  static void assertMatches(String name, String actual) {
    Path file = Path.of("src", "test", "resources", "golden").toAbsolutePath().resolve(name);
    try {
      if (Boolean.getBoolean("nanoka.updateGolden")) {
        if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8)
            .equals(actual)) {
          Files.createDirectories(file.getParent());
          Files.writeString(file, actual, StandardCharsets.UTF_8);
          System.out.println("Updated golden file " + file + ": review the diff.");
        }
        return;
      }
      if (!Files.isRegularFile(file)) {
        fail("No golden file " + file + ". Create it with -Dnanoka.updateGolden=true and review"
            + " it.\nActual output:\n" + actual);
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "Output differs from"
          + " the golden " + file + ". If the change is intended, run with"
          + " -Dnanoka.updateGolden=true and review the diff.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
