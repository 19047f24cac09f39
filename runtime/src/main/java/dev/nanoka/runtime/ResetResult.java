package dev.nanoka.runtime;

import java.util.List;

/**
 * What a reset did.
 *
 * @param dropped the tables, views and triggers dropped (migration history included)
 * @param applied the migrations applied again; empty when the source has no folder yet
 *     (prototyping with push comes before the first migration)
 * @param seeded whether a {@link Seeder} ran
 */
public record ResetResult(List<String> dropped, List<String> applied, boolean seeded) {

  public ResetResult {
    dropped = List.copyOf(dropped);
    applied = List.copyOf(applied);
  }
}
