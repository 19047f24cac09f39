package dev.nanoka.processor.ts;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How a table's schema.ts names its columns and keys, the same in sqlite-core and pg-core: only
 * the builders' import names differ, and the callers pass those in.
 */
final class TableReferences {

  private TableReferences() {}

  /**
   * A one-column key's {@code .references(…)}.
   *
   * @param anyColumn imports and names the dialect's {@code AnySQLiteColumn} / {@code AnyPgColumn}
   *     type, asked for only when the reference needs it
   */
  static String reference(DatabaseSchema schema, Table table, ForeignKey key,
      Supplier<String> anyColumn) {
    Table parent = parent(schema, key);
    // A table whose type depends on itself through references needs an explicit return type,
    // or TypeScript reports it as implicitly 'any'.
    String arrow = reachesBack(schema, parent, table) ? "(): " + anyColumn.get() + " => " : "() => ";
    String target = parent.exportName() + "." + property(parent, key.referencedColumns().get(0));
    String options = actions(key);
    return ".references(" + arrow + target + (options.isEmpty() ? "" : ", { " + options + " }")
        + ")";
  }

  /** A composite key's {@code foreignKey({ … })} in the table's third argument. */
  static String foreignKey(String builder, DatabaseSchema schema, Table table, ForeignKey key) {
    Table parent = parent(schema, key);
    String foreign = key.referencedColumns().stream()
        .map(c -> parent.exportName() + "." + property(parent, c))
        .collect(Collectors.joining(", "));
    StringBuilder out = new StringBuilder(builder)
        .append("({ columns: [").append(columnRefs(table, key.columns()))
        .append("], foreignColumns: [").append(foreign).append("], name: ")
        .append(TsText.quote(key.name())).append(" })");
    if (key.onDelete() != ForeignKey.Action.NO_ACTION) {
      out.append(".onDelete('").append(key.onDelete().sql()).append("')");
    }
    if (key.onUpdate() != ForeignKey.Action.NO_ACTION) {
      out.append(".onUpdate('").append(key.onUpdate().sql()).append("')");
    }
    return out.toString();
  }

  /** {@code t.a, t.b}: the columns as the third argument's {@code t} names them. */
  static String columnRefs(Table table, List<String> columns) {
    return columns.stream().map(c -> "t." + property(table, c)).collect(Collectors.joining(", "));
  }

  static String property(Table table, String columnName) {
    return table.column(columnName)
        .orElseThrow(() -> new IllegalArgumentException(
            "table " + table.name() + " has no column " + columnName))
        .property();
  }

  static Table parent(DatabaseSchema schema, ForeignKey key) {
    return schema.table(key.referencedTable())
        .orElseThrow(() -> new IllegalArgumentException(
            "foreign key " + key.name() + " references unknown table " + key.referencedTable()));
  }

  private static String actions(ForeignKey key) {
    List<String> parts = new ArrayList<>();
    if (key.onDelete() != ForeignKey.Action.NO_ACTION) {
      parts.add("onDelete: '" + key.onDelete().sql() + "'");
    }
    if (key.onUpdate() != ForeignKey.Action.NO_ACTION) {
      parts.add("onUpdate: '" + key.onUpdate().sql() + "'");
    }
    return String.join(", ", parts);
  }

  /** Whether {@code from} reaches {@code to} by following foreign keys (or is it). */
  private static boolean reachesBack(DatabaseSchema schema, Table from, Table to) {
    Set<String> seen = new HashSet<>();
    Deque<Table> work = new ArrayDeque<>(List.of(from));
    while (!work.isEmpty()) {
      Table next = work.pop();
      if (next.name().equalsIgnoreCase(to.name())) {
        return true;
      }
      if (seen.add(next.name().toLowerCase(Locale.ROOT))) {
        next.foreignKeys().forEach(fk -> work.push(parent(schema, fk)));
      }
    }
    return false;
  }
}
