package dev.nanoka.it;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One compile of {@link MigrationEvolutionTest}: the fixture folder of model sources, the schema
 * version they declare, and what that version declares about vanished names, which the row
 * comparison follows (renamed tables and columns are compared under their new names; dropped
 * ones are not compared).
 *
 * @param workInProgress a version still being iterated on: compiled, not applied; the next step
 *     with the same version must rewrite its migration
 * @param renamedColumns old table name → old column name → new column name
 * @param droppedColumns old table name → old column names
 */
record EvolutionStep(
    String sources,
    int version,
    boolean workInProgress,
    Map<String, String> renamedTables,
    Map<String, Map<String, String>> renamedColumns,
    Set<String> droppedTables,
    Map<String, Set<String>> droppedColumns) {

  static EvolutionStep of(String sources, int version) {
    return new EvolutionStep(sources, version, false, Map.of(), Map.of(), Set.of(), Map.of());
  }

  static EvolutionStep workInProgress(String sources, int version) {
    return new EvolutionStep(sources, version, true, Map.of(), Map.of(), Set.of(), Map.of());
  }

  EvolutionStep renamesTable(String from, String to) {
    Map<String, String> tables = new TreeMap<>(renamedTables);
    tables.put(from, to);
    return new EvolutionStep(sources, version, workInProgress, tables, renamedColumns,
        droppedTables, droppedColumns);
  }

  /** A column rename; {@code table} is the table's name before this version. */
  EvolutionStep renamesColumn(String table, String from, String to) {
    Map<String, Map<String, String>> columns = new TreeMap<>(renamedColumns);
    Map<String, String> ofTable = new TreeMap<>(columns.getOrDefault(table, Map.of()));
    ofTable.put(from, to);
    columns.put(table, ofTable);
    return new EvolutionStep(sources, version, workInProgress, renamedTables, columns,
        droppedTables, droppedColumns);
  }

  EvolutionStep dropsTable(String table) {
    return new EvolutionStep(sources, version, workInProgress, renamedTables, renamedColumns,
        union(droppedTables, table), droppedColumns);
  }

  EvolutionStep dropsColumn(String table, String column) {
    Map<String, Set<String>> columns = new TreeMap<>(droppedColumns);
    columns.put(table, union(columns.getOrDefault(table, Set.of()), column));
    return new EvolutionStep(sources, version, workInProgress, renamedTables, renamedColumns,
        droppedTables, columns);
  }

  private static Set<String> union(Set<String> set, String element) {
    Set<String> out = new TreeSet<>(set);
    out.add(element);
    return out;
  }
}
