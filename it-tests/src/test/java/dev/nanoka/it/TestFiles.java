package dev.nanoka.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Directory copies and deletes the JDK does not offer in one call. */
final class TestFiles {
  private TestFiles() {}

  /**
   * Replaces {@code destination} with a copy of {@code source}, leaving out every path (relative
   * to {@code source}) that {@code skip} accepts, and everything below it.
   */
  static void replaceWithCopy(Path source, Path destination, Predicate<Path> skip)
      throws IOException {
    deleteRecursively(destination);
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path relative = source.relativize(path);
        if (!skip.test(relative)) {
          copy(path, destination.resolve(relative.toString()));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (Files.isDirectory(from)) {
      Files.createDirectories(to);
    } else {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
