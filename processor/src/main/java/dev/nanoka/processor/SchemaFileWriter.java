package dev.nanoka.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes generated text files outside javac's output folders. An unchanged file is left alone,
 * so IDEs, file watchers and {@code git status} stay quiet; a changed one is replaced whole (a
 * temporary file moved over it), so a reader never sees half a file.
 */
final class SchemaFileWriter {

  private SchemaFileWriter() {}

  /** Writes the text unless the file already holds exactly it; returns whether it wrote. */
  static boolean writeIfChanged(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return false;
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return true;
  }
}
