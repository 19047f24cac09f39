package dev.nanoka.runtime.internal;

import java.util.Objects;

/**
 * A migration known by name and checksum, without its text.
 *
 * @param name the file name
 * @param checksum {@link Checksums#of} the file's text
 */
public record MigrationChecksum(String name, String checksum) {

  public MigrationChecksum {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(checksum, "checksum");
  }
}
