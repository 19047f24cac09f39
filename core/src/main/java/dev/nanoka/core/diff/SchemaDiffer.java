package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.schema.UpdateTrigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two schemas. Renames and drops are taken from {@link RenameHints}, never guessed: a
 * name that vanished while another appeared, with nothing declared, is reported as an
 * {@link Ambiguity}. The comparison looks at what the database sees (SQL types, nullability,
 * keys, defaults, foreign keys, indexes); names used only by code are ignored.
 */
public final class SchemaDiffer {

  private SchemaDiffer() {}

  /** What it takes to turn {@code from} into {@code to}. */
  public static SchemaDiff diff(DatabaseSchema from, DatabaseSchema to, RenameHints hints) {
    List<SchemaChange> changes = new ArrayList<>();
    List<Ambiguity> ambiguities = new ArrayList<>();

    Renames renames = Renames.find(from, to, hints, ambiguities);
    DatabaseSchema renamed = renames.applyTo(from);
    changes.addAll(renames.changes());

    List<Table> created = new ArrayList<>();
    for (Table table : to.tables()) {
      Optional<Table> before = renamed.table(table.name());
      if (before.isEmpty()) {
        created.add(table);
        changes.add(new SchemaChange.CreateTable(table));
      } else {
        diffTable(before.get(), table, hints, changes, ambiguities);
      }
    }
    for (Table table : renamed.tables()) {
      if (to.table(table.name()).isEmpty()) {
        changes.add(new SchemaChange.DropTable(table));
      }
    }
    for (Table table : created) {
      for (TableIndex index : EffectiveIndexes.effective(table)) {
        changes.add(new SchemaChange.CreateIndex(table.name(), index));
      }
    }
    diffTriggers(from, to, changes);
    return new SchemaDiff(changes, ambiguities, renamed);
  }

  private static void diffTable(
      Table before, Table after, RenameHints hints, List<SchemaChange> changes,
      List<Ambiguity> ambiguities) {
    List<Column> added = new ArrayList<>();
    List<Column> dropped = new ArrayList<>();
    Map<String, String> common = new LinkedHashMap<>(); // after → before, same name here
    for (Column column : after.columns()) {
      if (before.column(column.name()).isPresent()) {
        common.put(column.name(), before.column(column.name()).get().name());
      } else {
        added.add(column);
      }
    }
    for (Column column : before.columns()) {
      if (after.column(column.name()).isEmpty()) {
        dropped.add(column);
      }
    }
    List<String> undeclared = dropped.stream()
        .map(Column::name)
        .filter(c -> !hints.isColumnDropped(after.name(), c))
        .toList();
    if (!undeclared.isEmpty() && !added.isEmpty()) {
      ambiguities.add(new Ambiguity(after.name(), undeclared,
          added.stream().map(Column::name).toList()));
    }

    if (needsRebuild(before, after, added, dropped, common)) {
      changes.add(new SchemaChange.RebuildTable(
          before, after, common, DataLossRules.ofRebuild(before, after, added, dropped, common)));
      for (TableIndex index : EffectiveIndexes.effective(after)) {
        changes.add(new SchemaChange.CreateIndex(after.name(), index,
            DataLossRules.ofIndex(before, after, index, common)));
      }
      return;
    }
    List<TableIndex> oldIndexes = EffectiveIndexes.effective(before);
    List<TableIndex> newIndexes = EffectiveIndexes.effective(after);
    for (TableIndex index : oldIndexes) {
      if (!EffectiveIndexes.containsSame(newIndexes, index)) {
        changes.add(new SchemaChange.DropIndex(before.name(), index));
      }
    }
    added.forEach(c -> changes.add(new SchemaChange.AddColumn(after.name(), c)));
    dropped.forEach(c -> changes.add(new SchemaChange.DropColumn(after.name(), c)));
    for (TableIndex index : newIndexes) {
      if (!EffectiveIndexes.containsSame(oldIndexes, index)) {
        changes.add(new SchemaChange.CreateIndex(after.name(), index,
            DataLossRules.ofIndex(before, after, index, common)));
      }
    }
  }

  /**
   * Update triggers, compared between the schemas as they are named before and after (not after
   * renames): a trigger's name and body name its table and column, so a rename re-creates it
   * under the new name. One on a rebuilt table is re-created too, since dropping the old table
   * drops its triggers, and one on a table with a renamed column.
   */
  private static void diffTriggers(
      DatabaseSchema from, DatabaseSchema to, List<SchemaChange> changes) {
    // Re-created as well: the triggers of a table with a renamed column. SQLite rewrites the
    // text of every trigger on the table then (a rowid becomes the renamed INTEGER PRIMARY KEY
    // column's name), and the runtime recognises a trigger by its exact text.
    Set<String> rebuilt = new HashSet<>();
    for (SchemaChange change : changes) {
      if (change instanceof SchemaChange.RebuildTable rebuild) {
        rebuilt.add(RenameHints.key(rebuild.to().name()));
      } else if (change instanceof SchemaChange.RenameColumn rename) {
        rebuilt.add(RenameHints.key(rename.table()));
      }
    }
    List<UpdateTrigger> before = UpdateTrigger.of(from);
    List<UpdateTrigger> after = UpdateTrigger.of(to);
    Set<UpdateTrigger> kept = new HashSet<>(before);
    kept.retainAll(after);
    kept.removeIf(t -> rebuilt.contains(RenameHints.key(t.table())));
    before.stream().filter(t -> !kept.contains(t))
        .forEach(t -> changes.add(new SchemaChange.DropTrigger(t)));
    after.stream().filter(t -> !kept.contains(t))
        .forEach(t -> changes.add(new SchemaChange.CreateTrigger(t)));
  }

  /** Whether SQLite's ALTER TABLE cannot express the change. */
  private static boolean needsRebuild(
      Table before, Table after, List<Column> added, List<Column> dropped,
      Map<String, String> common) {
    for (Map.Entry<String, String> pair : common.entrySet()) {
      if (!sameDefinition(
          before.column(pair.getValue()).get(), after.column(pair.getKey()).get())) {
        return true;
      }
    }
    if (!Keys.samePrimaryKey(before, after) || !Keys.sameForeignKeys(before, after)) {
      return true;
    }
    for (Column column : added) {
      if (!Alterability.canAdd(column)) {
        return true;
      }
    }
    for (Column column : dropped) {
      if (!Alterability.canDrop(before, column)) {
        return true;
      }
    }
    return false;
  }

  /** The facets the database stores for a column. */
  static boolean sameDefinition(Column a, Column b) {
    return a.type().sqlType() == b.type().sqlType()
        && nativeSql(a).equals(nativeSql(b))
        && a.notNull() == b.notNull()
        && a.primaryKey() == b.primaryKey()
        && a.autoIncrement() == b.autoIncrement()
        && Objects.equals(defaultSql(a), defaultSql(b));
  }

  /** A {@link LogicalType.Native} column's own type; empty for SQLite's columns. */
  static Optional<String> nativeSql(Column column) {
    return column.type() instanceof LogicalType.Native n ? Optional.of(n.sql()) : Optional.empty();
  }

  static Optional<String> defaultSql(Column column) {
    return column.defaultValue().flatMap(d -> d.sql());
  }

  /**
   * What push must also check beyond the changes: enum columns of existing tables, whose stored
   * text may not be a constant (see {@link DataLoss.ValuesOutsideEnum}).
   */
  public static List<DataLoss> enumValues(DatabaseSchema database, DatabaseSchema models) {
    return DataLossRules.enumValues(database, models);
  }
}
