package dev.nanoka.bench;

import dev.nanoka.runtime.migrate.MigrationIndex;
import java.util.List;

/**
 * A {@link MigrationIndex} that also lists each file's checksum, computed when the index is
 * generated: the shape the proposed start-up fix needs (see {@link StartupPrototype}).
 */
public interface ChecksummedIndex extends MigrationIndex {

  /** {@code Checksums.of(file text)} of each file, in the order of {@link #files()}. */
  List<String> checksums();
}
