package dev.nanoka.processor.writer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Writes the generated files that live in the project rather than in javac's output folders:
 * schema.ts and the migrations folder. An unchanged file is left alone, so IDEs, file watchers
 * and {@code git status} stay quiet; a changed one is replaced whole (a temporary file moved over
 * it), so a reader never sees half a file.
 */
public final class ProjectFileWriter {

  private ProjectFileWriter() {}

  /** Writes or deletes the file as the change says. */
  public static void apply(FileChange change) throws IOException {
    if (change.content().isPresent()) {
      writeIfChanged(change.path(), change.content().get());
    } else {
      Files.deleteIfExists(change.path());
    }
  }

  /**
   * Whether the file on disk is not what {@link #apply} would leave, line endings aside: empty
   * when it holds the text (with {@code \n} or {@code \r\n} line ends: a Windows checkout with
   * git's {@code autocrlf} has the latter, and git commits them as the former), or when a file
   * to delete is not there. For {@code -Ananoka.check=true}, which applies nothing.
   */
  public static Optional<FileChange.Effect> effect(FileChange change) throws IOException {
    Path file = change.path();
    if (change.content().isEmpty()) {
      return Files.exists(file) ? Optional.of(FileChange.Effect.DELETE) : Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of(FileChange.Effect.CREATE);
    }
    String onDisk = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return onDisk.replace("\r\n", "\n").equals(change.content().get().replace("\r\n", "\n"))
        ? Optional.empty() : Optional.of(FileChange.Effect.REWRITE);
  }

  /** Writes the text unless the file already holds exactly it. */
  private static void writeIfChanged(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
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
  }
}
