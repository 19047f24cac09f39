package dev.nanoka.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code AFTER UPDATE} trigger that keeps a column's {@link Column#onRowUpdate()}: derived
 * from the column, never declared on its own, so the trigger and the option cannot disagree.
 * Its name, {@code <table>_<column>_on_update}, is how the runtime recognises it in a database
 * and how migrations drop it; a renamed table or column gets a trigger under the new name.
 *
 * @param table the table's SQL name
 * @param column the column's SQL name
 * @param value what the column is set to
 * @param rowid how the trigger names the updated row's rowid: {@code rowid}, or {@code _rowid_}
 *     or {@code oid} when a column of the table takes that name (a column named so would shadow
 *     the rowid); every table Drizzle creates has one
 */
public record UpdateTrigger(String table, String column, OnRowUpdate value, String rowid) {

  /** What every name of such a trigger ends with. */
  public static final String SUFFIX = "_on_update";

  public UpdateTrigger {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rowid, "rowid");
  }

  /** {@code <table>_<column>_on_update}. */
  public String name() {
    return table + "_" + column + SUFFIX;
  }

  /** The triggers of the table's columns, in column order. */
  public static List<UpdateTrigger> of(Table table) {
    List<UpdateTrigger> out = new ArrayList<>();
    for (Column column : table.columns()) {
      if (column.onRowUpdate().isPresent()) {
        out.add(new UpdateTrigger(
            table.name(), column.name(), column.onRowUpdate().get(), rowid(table)));
      }
    }
    return out;
  }

  /**
   * The first of SQLite's names for the rowid that no column of the table takes.
   *
   * @throws IllegalArgumentException when columns take all three
   */
  public static String rowid(Table table) {
    for (String alias : List.of("rowid", "_rowid_", "oid")) {
      if (table.column(alias).isEmpty()) {
        return alias;
      }
    }
    throw new IllegalArgumentException("table " + table.name()
        + " has columns named rowid, _rowid_ and oid, so an update trigger cannot name its rows");
  }

  /** The triggers of every table, in table and column order. */
  public static List<UpdateTrigger> of(DatabaseSchema schema) {
    List<UpdateTrigger> out = new ArrayList<>();
    schema.tables().forEach(t -> out.addAll(of(t)));
    return out;
  }
}
