package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import java.util.List;
import java.util.Optional;

/** The migrations of a source, read when asked; unreadable ones are an UNREADABLE failure. */
public interface Migrations {

  /** The migrations in the order they apply. */
  List<Migration> load() throws MigrationException;

  /** Names and checksums without reading the files, when the source knows them. */
  Optional<List<MigrationChecksum>> checksums() throws MigrationException;
}
