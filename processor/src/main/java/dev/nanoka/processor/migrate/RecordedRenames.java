package dev.nanoka.processor.migrate;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.RenameStatements;
import dev.nanoka.core.sql.StatementBreakpoints;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rename hints an earlier migration was generated with, read back from its SQL: the
 * annotations that declared them may be gone by now, but the file says {@code ALTER TABLE …
 * RENAME}. Every other name that vanished was dropped (the migration is what happened), so the
 * differ meets no ambiguity. The runtime reads renames from applied files the same way for
 * rollback's data-loss check ({@code DbRollback}).
 */
final class RecordedRenames {

  private RecordedRenames() {}

  /**
   * @param up the migration's file
   * @param before the schema it started from: each of its tables and columns that vanished
   *     and was not renamed counts as dropped on purpose
   */
  static RenameHints of(String up, DatabaseSchema before) {
    Map<String, String> tables = new HashMap<>(); // new → old
    Map<String, Map<String, String>> columns = new HashMap<>(); // new table → new → old
    for (String statement : StatementBreakpoints.split(up)) {
      Optional<RenameStatements.Rename> rename =
          RenameStatements.parse(withoutLineComments(statement));
      if (rename.isPresent() && rename.get() instanceof RenameStatements.TableRename table
          && !table.isRebuild()) {
        tables.put(table.to(), table.from());
      } else if (rename.isPresent()
          && rename.get() instanceof RenameStatements.ColumnRename column) {
        // The generated file renames a table before its columns, so this is the new name.
        columns.computeIfAbsent(column.table(), t -> new HashMap<>())
            .put(column.to(), column.from());
      }
    }
    Set<String> droppedTables = new HashSet<>();
    Map<String, Set<String>> droppedColumns = new HashMap<>();
    for (Table table : before.tables()) {
      droppedTables.add(table.name());
      String newName = tables.entrySet().stream()
          .filter(e -> e.getValue().equalsIgnoreCase(table.name()))
          .map(Map.Entry::getKey).findFirst().orElse(table.name());
      Set<String> names = droppedColumns.computeIfAbsent(newName, t -> new HashSet<>());
      for (Column c : table.columns()) {
        names.add(c.name());
      }
    }
    // A hint only counts for a name that vanished: a renamed table or column is matched first.
    return new RenameHints(tables, columns, droppedTables, droppedColumns);
  }

  private static String withoutLineComments(String statement) {
    StringBuilder code = new StringBuilder();
    for (String line : statement.lines().toList()) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    return code.toString().strip();
  }

}
