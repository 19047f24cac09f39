package dev.nanoka.core.diff;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the user declared about vanished names, so the differ never has to guess: renames
 * (new name → old name) and deliberate drops. A hint whose old name is not in the old schema is
 * ignored, so annotations may stay in place after the version that used them. Names compare
 * ignoring case, as in SQLite.
 *
 * @param tables renamed tables: new table name → old table name
 * @param columns renamed columns per table (new table name): new column name → old column name
 * @param droppedTables old table names dropped on purpose
 * @param droppedColumns per table (new table name): old column names dropped on purpose
 */
public record RenameHints(
    Map<String, String> tables,
    Map<String, Map<String, String>> columns,
    Set<String> droppedTables,
    Map<String, Set<String>> droppedColumns) {

  /** No renames, no declared drops. */
  public static final RenameHints NONE = new RenameHints(Map.of(), Map.of(), Set.of(), Map.of());

  public RenameHints {
    tables = lowerKeys(tables);
    columns = lowerKeysNested(columns);
    droppedTables = lower(droppedTables);
    Map<String, Set<String>> dropped = new TreeMap<>();
    droppedColumns.forEach((t, cs) -> dropped.put(key(t), lower(cs)));
    droppedColumns = Map.copyOf(dropped);
  }

  /**
   * Whether the user declared this loss on purpose: a dropped table named in
   * {@code droppedTables}, a dropped column in {@code droppedColumns}. Any other loss (values
   * converted, nulls filled, a drop nobody declared) is not declared.
   */
  public boolean declares(DataLoss loss) {
    if (loss instanceof DataLoss.TableDropped dropped) {
      return isTableDropped(dropped.table());
    }
    if (loss instanceof DataLoss.ColumnDropped dropped) {
      return isColumnDropped(dropped.table(), dropped.column());
    }
    return false;
  }

  Optional<String> oldTableName(String newTable) {
    return Optional.ofNullable(tables.get(key(newTable)));
  }

  Optional<String> oldColumnName(String newTable, String newColumn) {
    return Optional.ofNullable(columns.getOrDefault(key(newTable), Map.of()).get(key(newColumn)));
  }

  boolean isTableDropped(String oldTable) {
    return droppedTables.contains(key(oldTable));
  }

  boolean isColumnDropped(String newTable, String oldColumn) {
    return droppedColumns.getOrDefault(key(newTable), Set.of()).contains(key(oldColumn));
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> lowerKeys(Map<String, String> map) {
    Map<String, String> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(key(k), v));
    return Map.copyOf(out);
  }

  private static Map<String, Map<String, String>> lowerKeysNested(Map<String, Map<String, String>> map) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(key(k), lowerKeys(v)));
    return Map.copyOf(out);
  }

  private static Set<String> lower(Set<String> names) {
    Set<String> out = new TreeSet<>();
    names.forEach(n -> out.add(key(n)));
    return Set.copyOf(out);
  }
}
