package dev.nanoka.processor.writer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file the processor will write or delete once the compilation is known to be free of errors.
 *
 * @param path the file
 * @param content the new text, or empty to delete the file
 */
public record FileChange(Path path, Optional<String> content) {

  public static FileChange write(Path path, String content) {
    return new FileChange(path, Optional.of(content));
  }

  public static FileChange delete(Path path) {
    return new FileChange(path, Optional.empty());
  }

  /** What applying a change does to the file on disk. */
  public enum Effect { CREATE, REWRITE, DELETE }
}
