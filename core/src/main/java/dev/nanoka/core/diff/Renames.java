package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared renames that apply between two schemas, and the old schema as it looks after
 * them — the way SQLite's RENAME carries indexes, keys and references in other tables along.
 */
final class Renames {

  /** old table (lower case) → new table name. */
  private final Map<String, String> tables = new HashMap<>();
  /** old table (lower case) → old column (lower case) → new column name. */
  private final Map<String, Map<String, String>> columns = new HashMap<>();
  private final List<SchemaChange> changes = new ArrayList<>();

  private Renames() {}

  static Renames find(
      DatabaseSchema from, DatabaseSchema to, RenameHints hints, List<Ambiguity> ambiguities) {
    Renames renames = new Renames();
    List<String> appeared = new ArrayList<>();
    for (Table table : to.tables()) {
      Optional<Table> old = from.table(table.name());
      if (old.isEmpty()) {
        old = hints.oldTableName(table.name())
            .filter(o -> to.table(o).isEmpty())
            .flatMap(from::table);
        if (old.isPresent()) {
          renames.tables.put(RenameHints.key(old.get().name()), table.name());
          renames.changes.add(new SchemaChange.RenameTable(old.get().name(), table.name()));
        } else {
          appeared.add(table.name());
          continue;
        }
      }
      renames.findColumns(old.get(), table, hints);
    }
    List<String> vanished = new ArrayList<>();
    for (Table table : from.tables()) {
      if (to.table(table.name()).isEmpty()
          && !renames.tables.containsKey(RenameHints.key(table.name()))
          && !hints.isTableDropped(table.name())) {
        vanished.add(table.name());
      }
    }
    if (!vanished.isEmpty() && !appeared.isEmpty()) {
      ambiguities.add(new Ambiguity("", vanished, appeared));
    }
    return renames;
  }

  private void findColumns(Table old, Table table, RenameHints hints) {
    for (Column column : table.columns()) {
      if (old.column(column.name()).isPresent()) {
        continue;
      }
      Optional<Column> renamedFrom = hints.oldColumnName(table.name(), column.name())
          .filter(o -> table.column(o).isEmpty())
          .flatMap(old::column);
      if (renamedFrom.isPresent()) {
        columns.computeIfAbsent(RenameHints.key(old.name()), k -> new HashMap<>())
            .put(RenameHints.key(renamedFrom.get().name()), column.name());
        changes.add(new SchemaChange.RenameColumn(
            table.name(), renamedFrom.get().name(), column.name()));
      }
    }
  }

  List<SchemaChange> changes() {
    return List.copyOf(changes);
  }

  /** The old schema with every rename applied. */
  DatabaseSchema applyTo(DatabaseSchema schema) {
    List<Table> tablesAfter = new ArrayList<>();
    for (Table table : schema.tables()) {
      String oldName = table.name();
      String newName = table(oldName);
      List<TableIndex> indexes = new ArrayList<>(table.indexes().stream()
          .map(i -> new TableIndex(i.name(), columns(oldName, i.columns()), i.unique()))
          .toList());
      List<Column> cols = new ArrayList<>();
      for (Column c : table.columns()) {
        String name = column(oldName, c.name());
        boolean unique = c.unique();
        // A unique column's index is named after the table and column when it is created, and
        // SQLite's RENAME keeps that name. Left on the column, it would be derived anew from the
        // new names and compare equal to the index the new schema wants, so the index would
        // never be re-created under its new name; spelled out as an index it keeps its real one.
        String indexBefore = oldName + "_" + c.name() + "_unique";
        if (unique && !indexBefore.equalsIgnoreCase(newName + "_" + name + "_unique")) {
          unique = false;
          if (indexes.stream().noneMatch(i -> i.name().equalsIgnoreCase(indexBefore))) {
            indexes.add(new TableIndex(indexBefore, List.of(name), true));
          }
        }
        cols.add(new Column(name, name.equals(c.name()) ? c.property() : name, c.type(),
            c.notNull(), c.primaryKey(), c.autoIncrement(), unique, c.defaultValue(),
            c.onRowUpdate()));
      }
      List<ForeignKey> keys = table.foreignKeys().stream()
          .map(fk -> new ForeignKey(fk.name(), columns(oldName, fk.columns()),
              table(fk.referencedTable()), columns(fk.referencedTable(), fk.referencedColumns()),
              fk.onUpdate(), fk.onDelete()))
          .toList();
      String export = newName.equals(oldName) ? table.exportName() : newName;
      tablesAfter.add(new Table(newName, export, cols,
          columns(oldName, table.compositePrimaryKey()), indexes, keys));
    }
    return new DatabaseSchema(tablesAfter);
  }

  private String table(String oldName) {
    return tables.getOrDefault(RenameHints.key(oldName), oldName);
  }

  private String column(String oldTable, String oldColumn) {
    return columns.getOrDefault(RenameHints.key(oldTable), Map.of())
        .getOrDefault(RenameHints.key(oldColumn), oldColumn);
  }

  private List<String> columns(String oldTable, List<String> oldColumns) {
    return oldColumns.stream().map(c -> column(oldTable, c)).toList();
  }
}
