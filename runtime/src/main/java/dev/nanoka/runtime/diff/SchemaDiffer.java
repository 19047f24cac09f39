package dev.nanoka.runtime.diff;

import dev.nanoka.runtime.schema.Column;
import dev.nanoka.runtime.schema.Index;
import dev.nanoka.runtime.schema.Schema;
import dev.nanoka.runtime.schema.SqlType;
import dev.nanoka.runtime.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares two schemas. Renames and drops are taken from {@link RenameHints}, never guessed: a
 * name that vanished while another appeared, with nothing declared, is reported as an
 * {@link Ambiguity}. The comparison looks at what the database sees (SQL types, nullability,
 * keys, defaults, foreign keys, indexes); names used only by code are ignored.
 */
public final class SchemaDiffer {

  private SchemaDiffer() {}

  /** What it takes to turn {@code from} into {@code to}. */
  public static SchemaDiff diff(Schema from, Schema to, RenameHints hints) {
    List<SchemaChange> changes = new ArrayList<>();
    List<Ambiguity> ambiguities = new ArrayList<>();

    Renames renames = Renames.find(from, to, hints, ambiguities);
    Schema renamed = renames.applyTo(from);
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
      for (Index index : Indexes.effective(table)) {
        changes.add(new SchemaChange.CreateIndex(table.name(), index));
      }
    }
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
          before, after, common, rebuildLosses(before, after, added, dropped, common)));
      for (Index index : Indexes.effective(after)) {
        changes.add(new SchemaChange.CreateIndex(after.name(), index));
      }
      return;
    }
    List<Index> oldIndexes = Indexes.effective(before);
    List<Index> newIndexes = Indexes.effective(after);
    for (Index index : oldIndexes) {
      if (!Indexes.containsSame(newIndexes, index)) {
        changes.add(new SchemaChange.DropIndex(before.name(), index));
      }
    }
    added.forEach(c -> changes.add(new SchemaChange.AddColumn(after.name(), c)));
    dropped.forEach(c -> changes.add(new SchemaChange.DropColumn(after.name(), c)));
    for (Index index : newIndexes) {
      if (!Indexes.containsSame(oldIndexes, index)) {
        changes.add(new SchemaChange.CreateIndex(after.name(), index));
      }
    }
  }

  /** Whether SQLite's ALTER TABLE cannot express the change. */
  private static boolean needsRebuild(
      Table before, Table after, List<Column> added, List<Column> dropped,
      Map<String, String> common) {
    for (Map.Entry<String, String> pair : common.entrySet()) {
      if (!sameDefinition(before.column(pair.getValue()).get(), after.column(pair.getKey()).get())) {
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
        && a.notNull() == b.notNull()
        && a.primaryKey() == b.primaryKey()
        && a.autoIncrement() == b.autoIncrement()
        && Objects.equals(defaultSql(a), defaultSql(b));
  }

  static Optional<String> defaultSql(Column column) {
    return column.defaultValue().flatMap(d -> d.sql());
  }

  private static List<String> rebuildLosses(
      Table before, Table after, List<Column> added, List<Column> dropped,
      Map<String, String> common) {
    List<String> losses = new ArrayList<>();
    String table = after.name();
    if (common.isEmpty()) {
      losses.add("keeps none of the columns of " + table + ", so all its rows are dropped");
    }
    for (Column column : dropped) {
      losses.add("drops column " + table + "." + column.name() + " and its values");
    }
    for (Map.Entry<String, String> pair : common.entrySet()) {
      Column old = before.column(pair.getValue()).get();
      Column now = after.column(pair.getKey()).get();
      if (isNarrowing(old.type().sqlType(), now.type().sqlType())) {
        losses.add("changes " + table + "." + now.name() + " from " + old.type().sqlType().sql()
            + " to " + now.type().sqlType().sql() + "; values that don't convert are kept as"
            + " they are or lose precision");
      }
      if (!old.notNull() && now.notNull() && defaultSql(now).isEmpty()) {
        losses.add("makes " + table + "." + now.name() + " NOT NULL without a default; the"
            + " migration fails if a row holds NULL there");
      }
    }
    for (Column column : added) {
      if (column.notNull() && defaultSql(column).isEmpty()) {
        losses.add("adds " + table + "." + column.name() + " NOT NULL without a default; the"
            + " migration fails if " + table + " has rows (add a default, or edit the migration"
            + " to fill it)");
      }
    }
    return losses;
  }

  /**
   * Whether converting stored values from one type to the other can lose them: whether a value
   * copied into the new column and back is ever different. As SQLite's type affinity converts
   * them (measured by {@code NarrowingOnSqliteTest}): BLOB takes every value as it is; INTEGER and
   * NUMERIC re-read numeric-looking text ({@code '007'} becomes {@code 7}) but keep every number;
   * TEXT keeps only 15 significant digits of a REAL ({@code 0.30000000000000004} becomes
   * {@code '0.3'}); REAL drops the last digits of integers beyond 2^53.
   */
  public static boolean isNarrowing(SqlType from, SqlType to) {
    if (from == to) {
      return false;
    }
    return switch (to) {
      case BLOB -> false;
      case INTEGER, NUMERIC -> from == SqlType.TEXT || from == SqlType.BLOB;
      case TEXT -> from != SqlType.INTEGER;
      case REAL -> true;
    };
  }
}
