package dev.nanoka.core.testing;

import dev.nanoka.core.diff.RenameHints;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RenameHints} of one kind, for tests that declare a single rename or drop. The
 * processor reads all four kinds from the annotations at once and needs none of these.
 */
public final class Hints {

  private Hints() {}

  /** Renamed tables: new name → old name. */
  public static RenameHints renamedTables(Map<String, String> tables) {
    return new RenameHints(tables, Map.of(), Set.of(), Map.of());
  }

  /** Renamed columns of one table (its new name): new column name → old column name. */
  public static RenameHints renamedColumns(String table, Map<String, String> columns) {
    return new RenameHints(Map.of(), Map.of(table, columns), Set.of(), Map.of());
  }

  /** Tables dropped on purpose. */
  public static RenameHints droppedTables(String... tables) {
    return new RenameHints(Map.of(), Map.of(), Set.of(tables), Map.of());
  }

  /** Columns of one table (its new name) dropped on purpose. */
  public static RenameHints droppedColumns(String table, String... columns) {
    return new RenameHints(Map.of(), Map.of(), Set.of(), Map.of(table, Set.of(columns)));
  }
}
