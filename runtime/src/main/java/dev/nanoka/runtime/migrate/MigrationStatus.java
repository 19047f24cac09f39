package dev.nanoka.runtime.migrate;

import java.util.Optional;

/**
 * One migration as {@code status} shows it: found, applied, or both.
 *
 * @param name the file name
 * @param state where it stands
 * @param appliedAt when it was applied, if it was
 */
public record MigrationStatus(String name, State state, Optional<String> appliedAt) {

  /** Where a migration stands. */
  public enum State {
    /** Applied, and the file is unchanged (or was applied by wrangler, which keeps no checksum). */
    APPLIED,
    /** Found, not applied yet. */
    PENDING,
    /**
     * Found, not applied yet, but a file after it (in the source's order) is applied already:
     * it would run after migrations written after it. {@code migrate} refuses it unless
     * {@code Builder.outOfOrder(true)} allows it; {@code validate} reports it.
     */
    OUT_OF_ORDER,
    /** Applied, but the file has changed since. */
    EDITED,
    /** Applied, but no file has its name any more. */
    MISSING
  }
}
