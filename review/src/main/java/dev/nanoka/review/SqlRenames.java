package dev.nanoka.review;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.sql.RenameStatements;
import dev.nanoka.review.SqlStatements.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The renames a migration's own {@code ALTER TABLE … RENAME} statements make, for snapshots
 * that do not record them in {@code _meta} (written by Nanoka before it recorded them, or by
 * hand). Only a fallback, used when the snapshots alone leave a vanished name unexplained: the
 * differ still decides what changed.
 */
final class SqlRenames {

  private SqlRenames() {}

  static RenameHints of(List<Statement> statements) {
    Map<String, String> tables = new HashMap<>(); // new → old
    Map<String, String> newName = new HashMap<>(); // old → new, for columns of renamed tables
    Map<String, Map<String, String>> columns = new HashMap<>();
    for (Statement statement : statements) {
      Optional<RenameStatements.Rename> rename = RenameStatements.parse(statement.code());
      if (rename.isPresent() && rename.get() instanceof RenameStatements.TableRename table) {
        if (!table.isRebuild()) { // a rebuild's own rename is no rename
          tables.put(table.to(), table.from());
          newName.put(table.from().toLowerCase(Locale.ROOT), table.to());
        }
      } else if (rename.isPresent()
          && rename.get() instanceof RenameStatements.ColumnRename column) {
        String owner = newName.getOrDefault(column.table().toLowerCase(Locale.ROOT),
            column.table());
        columns.computeIfAbsent(owner, t -> new HashMap<>()).put(column.to(), column.from());
      }
    }
    return new RenameHints(tables, columns, Set.of(), Map.of());
  }

}
