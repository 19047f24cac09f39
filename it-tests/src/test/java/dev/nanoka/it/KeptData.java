package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The no-lost-data rule of a migration, checked on a database's content before and after it,
 * following what the {@link EvolutionStep} declares: renamed tables and columns are compared under
 * their new names, tables and columns dropped on purpose are not compared.
 */
final class KeptData {
  private KeptData() {}

  /**
   * Every AUTOINCREMENT table keeps its high-water mark: the rows hold gaps (see
   * {@link RowGenerator}), so a rebuild that lost it would hand out a deleted row's id again.
   */
  static void assertSequences(
      EvolutionStep step, MigrationScript script, Map<String, String> before,
      Map<String, String> after, String where) {
    Map<String, String> expected = new TreeMap<>();
    before.forEach((table, seq) -> {
      if (!step.droppedTables().contains(table)) {
        expected.put(step.renamedTables().getOrDefault(table, table), seq);
      }
    });
    Map<String, String> actual = new TreeMap<>(after);
    actual.keySet().retainAll(expected.keySet());
    assertEquals(expected, actual, "[" + step.sources() + "] " + where + ", " + script.name()
        + ": the AUTOINCREMENT sequences (sqlite_sequence) changed; ids of deleted rows would"
        + " be handed out again");
  }

  /**
   * Every table of {@code before} that the step does not drop is in {@code after} (under its
   * new name) with the same rows, compared on the columns that survive (under their new names).
   */
  static void assertRows(
      EvolutionStep step, MigrationScript script, DatabaseContent before, DatabaseContent after,
      String where) {
    String at = "[" + step.sources() + "] " + where + ", " + script.name() + ": ";
    for (Map.Entry<String, DatabaseContent.Table> entry : before.tables().entrySet()) {
      String table = entry.getKey();
      DatabaseContent.Table old = entry.getValue();
      if (step.droppedTables().contains(table)) {
        continue;
      }
      String name = step.renamedTables().getOrDefault(table, table);
      DatabaseContent.Table now = after.tables().get(name);
      if (now == null) {
        fail(at + "table " + name + " (with " + old.rows().size() + " rows) is gone");
      }
      Map<String, String> renames = step.renamedColumns().getOrDefault(table, Map.of());
      Set<String> dropped = step.droppedColumns().getOrDefault(table, Set.of());
      List<String> kept = old.columns().stream().filter(c -> !dropped.contains(c)).toList();
      List<String> keptNow = kept.stream().map(c -> renames.getOrDefault(c, c)).toList();
      for (String column : keptNow) {
        assertTrue(now.columns().contains(column),
            at + "column " + name + "." + column + " is gone; columns now " + now.columns());
      }
      List<String> expected = old.project(kept, renames);
      List<String> actual = now.project(keptNow);
      assertEquals(expected, actual,
          at + "rows of " + name + " were lost or changed (" + expected.size() + " before, "
              + actual.size() + " after)");
    }
  }

  /**
   * The rule for the down migration of {@code step}: every table of {@code before} that is still
   * there after it (under its old name: renames are undone) has the same rows, compared on the
   * columns it has on both sides (under their old names). A table the step created is gone; a
   * column it created or dropped is not compared. That the right tables and columns are there is
   * the schema comparison's job. A column a person filled by hand ({@code table.column}) is
   * not compared either.
   */
  static void assertRowsBack(
      EvolutionStep step, MigrationScript down, DatabaseContent before, DatabaseContent after,
      String where, Optional<String> filled) {
    String at = "[rollback of " + step.sources() + "] " + where + ", " + down.name() + ": ";
    Map<String, String> oldTables = new TreeMap<>();
    step.renamedTables().forEach((old, renamed) -> oldTables.put(renamed, old));
    for (Map.Entry<String, DatabaseContent.Table> entry : before.tables().entrySet()) {
      String table = entry.getKey();
      String oldName = oldTables.getOrDefault(table, table);
      DatabaseContent.Table now = after.tables().get(oldName);
      if (now == null) {
        continue; // created by the step
      }
      Map<String, String> oldColumns = new TreeMap<>();
      step.renamedColumns().getOrDefault(oldName, Map.of())
          .forEach((old, renamed) -> oldColumns.put(renamed, old));
      DatabaseContent.Table then = entry.getValue();
      List<String> kept = then.columns().stream()
          .filter(c -> now.columns().contains(oldColumns.getOrDefault(c, c)))
          .filter(c -> !filled.equals(Optional.of(oldName + "." + oldColumns.getOrDefault(c, c))))
          .toList();
      List<String> keptNow = kept.stream().map(c -> oldColumns.getOrDefault(c, c)).toList();
      assertTrue(!kept.isEmpty() || then.rows().isEmpty(), at + "no column of " + table
          + " is left to compare");
      List<String> expected = then.project(kept, oldColumns);
      List<String> actual = now.project(keptNow);
      assertEquals(expected, actual,
          at + "rows of " + oldName + " were lost or changed (" + expected.size() + " before, "
              + actual.size() + " after)");
    }
  }
}
