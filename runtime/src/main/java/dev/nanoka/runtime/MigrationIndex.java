package dev.nanoka.runtime;

import java.util.List;

/**
 * The migrations packaged in the application's class path, listed at compile time so no class
 * path scanning is needed at start-up. The annotation processor generates an implementation
 * ({@code NanokaMigrations}) next to the {@code @Schema}; pass it to
 * {@link MigrationSource#index(MigrationIndex)}.
 */
public interface MigrationIndex {

  /** The resource folder holding the files, e.g. {@code nanoka/migrations/app}. */
  String resourceFolder();

  /** The file names in the order they apply, e.g. {@code 0000_create_users.sql}. */
  List<String> files();

  /**
   * Each file's checksum, in the order of {@link #files()}, computed when the index was
   * generated: with them a start-up that has nothing to apply reads no file.
   */
  List<String> checksums();
}
