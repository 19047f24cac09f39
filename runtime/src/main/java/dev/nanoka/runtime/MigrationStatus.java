package dev.nanoka.runtime;

import java.util.List;
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

  /**
   * Whether {@code validate} reports it: applied and edited since or missing, or out of order
   * unless that is allowed.
   */
  public boolean isProblem(boolean allowOutOfOrder) {
    return state == State.EDITED || state == State.MISSING
        || state == State.OUT_OF_ORDER && !allowOutOfOrder;
  }

  /**
   * The last found migration that is applied (edited or not): the one every
   * {@code OUT_OF_ORDER} file sorts before.
   */
  public static Optional<String> lastApplied(List<MigrationStatus> statuses) {
    String last = null;
    for (MigrationStatus status : statuses) {
      if (status.state() == State.APPLIED || status.state() == State.EDITED) {
        last = status.name();
      }
    }
    return Optional.ofNullable(last);
  }
}
