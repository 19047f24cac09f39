package dev.nanoka.runtime;

import java.time.Duration;

/** Progress of a migration run, for logs and the CLI. Every method has a do-nothing default. */
public interface MigrationListener {

  /** The run found {@code pending} migrations to apply. */
  default void pending(int pending) {}

  /** About to apply migration number {@code position} (from 1) of {@code total}. */
  default void applying(String name, int position, int total) {}

  /**
   * Ran, with its history row. It commits with its transaction, at the latest
   * {@code Builder.commitEvery} later or at the end of the run.
   */
  default void applied(String name, Duration took) {}

  /** Another process applied it while this one waited for the lock. */
  default void appliedElsewhere(String name) {}

  /**
   * The database differs from what its applied migrations produce (checked only when asked for
   * with {@code Builder.checkDrift}); one line per difference.
   */
  default void drift(java.util.List<String> differences) {}

  /**
   * The drift check was asked for but could not be made (e.g. applied files were deleted, so the
   * history cannot be replayed); the run goes on.
   */
  default void driftNotChecked(String reason) {}

  /** Nothing to do. */
  MigrationListener NONE = new MigrationListener() {};
}
