package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The change that undoes a migration: the diff from its new schema back to its old one, with
 * the hints the user would have written for that direction — its renames reversed, and what it
 * created declared as dropped (undoing a new table or column drops it on purpose). Computed
 * from the migration's own diff, so the two agree on every name. The same differ, renderer and
 * data-loss rules as any migration: a table the down migration rebuilds keeps its rows, and what
 * it drops is a {@link DataLoss} like any other.
 *
 * <p>What the migration dropped comes back empty: its values are gone with the migration.
 */
public final class DownMigration {

  private DownMigration() {}

  /** The diff that turns {@code to} back into {@code from}. */
  public static SchemaDiff of(DatabaseSchema from, DatabaseSchema to, RenameHints hints) {
    return of(from, to, SchemaDiffer.diff(from, to, hints));
  }

  /**
   * The diff that turns {@code to} back into {@code from}, given the migration's own diff
   * ({@code SchemaDiffer.diff(from, to, hints)}), which a caller that planned the migration has
   * already computed.
   */
  public static SchemaDiff of(DatabaseSchema from, DatabaseSchema to, SchemaDiff up) {
    Map<String, String> tables = new HashMap<>(); // down's new name (old) → down's old name (new)
    Map<String, String> oldNameOf = new HashMap<>(); // up's new table name → its old name
    Map<String, Map<String, String>> columns = new HashMap<>();
    Set<String> droppedTables = new HashSet<>();
    Map<String, Set<String>> droppedColumns = new HashMap<>();
    for (SchemaChange change : up.changes()) {
      if (change instanceof SchemaChange.RenameTable rename) {
        tables.put(rename.from(), rename.to());
        oldNameOf.put(RenameHints.key(rename.to()), rename.from());
      }
    }
    for (SchemaChange change : up.changes()) {
      if (change instanceof SchemaChange.RenameColumn rename) {
        columns.computeIfAbsent(old(oldNameOf, rename.table()), t -> new HashMap<>())
            .put(rename.from(), rename.to());
      } else if (change instanceof SchemaChange.CreateTable create) {
        droppedTables.add(create.table().name());
      } else if (change instanceof SchemaChange.AddColumn add) {
        droppedColumns.computeIfAbsent(old(oldNameOf, add.table()), t -> new HashSet<>())
            .add(add.column().name());
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        for (Column column : rebuild.to().columns()) {
          if (!rebuild.copied().containsKey(column.name())) {
            droppedColumns.computeIfAbsent(old(oldNameOf, rebuild.to().name()),
                t -> new HashSet<>()).add(column.name());
          }
        }
      }
    }
    return SchemaDiffer.diff(to, from,
        new RenameHints(tables, columns, droppedTables, droppedColumns));
  }

  private static String old(Map<String, String> oldNameOf, String table) {
    return oldNameOf.getOrDefault(RenameHints.key(table), table);
  }
}
