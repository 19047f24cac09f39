package dev.nanoka.review;

import java.util.List;

/**
 * How a migration differs from what Nanoka generated for it.
 *
 * @param exact whether {@link #hunks} compare with the very text generated (the header's
 *     checksum is of the SQL this Nanoka renders from the snapshots); otherwise the generator
 *     changed since, and {@link #statements} lists the statements it would not write today
 * @param hunks the lines that differ, when exact
 * @param statements the hand-written statements, when not exact (each as in the file)
 */
public record HandEdit(boolean exact, List<Hunk> hunks, List<String> statements) {

  public HandEdit {
    hunks = List.copyOf(hunks);
    statements = List.copyOf(statements);
  }

  /**
   * Consecutive lines that differ.
   *
   * @param line the file's line the hunk starts at (where the added lines are, or would be)
   * @param removed generated lines no longer in the file
   * @param added lines written by hand
   */
  public record Hunk(int line, List<String> removed, List<String> added) {
    public Hunk {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
    }
  }
}
