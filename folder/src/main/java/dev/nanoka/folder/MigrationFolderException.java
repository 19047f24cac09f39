package dev.nanoka.folder;

import java.nio.file.Path;

/**
 * The migrations folder is not in a state the processor can build on (missing, corrupt or
 * out-of-order files). Reported as a compile error naming the file; never repaired silently.
 */
public final class MigrationFolderException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public MigrationFolderException(Path file, String problem) {
    super(problem);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
