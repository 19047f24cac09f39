package dev.nanoka.core.diff;

import java.util.List;

/**
 * Names that vanished while others appeared, with no declaration saying whether it was a rename
 * or a drop. The differ does not guess; callers show the user what to declare.
 *
 * @param table the table whose columns changed, or empty for tables of the schema
 * @param vanished the old names not declared renamed or dropped
 * @param appeared the new names
 */
public record Ambiguity(String table, List<String> vanished, List<String> appeared) {

  public Ambiguity {
    vanished = List.copyOf(vanished);
    appeared = List.copyOf(appeared);
  }

  /** Whether this is about tables (else about the columns of {@link #table()}). */
  public boolean isAboutTables() {
    return table.isEmpty();
  }
}
