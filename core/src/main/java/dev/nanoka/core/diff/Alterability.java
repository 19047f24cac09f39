package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.Table;

/** What SQLite's {@code ALTER TABLE ADD/DROP COLUMN} accept (sqlite.org/lang_altertable.html). */
final class Alterability {

  private Alterability() {}

  /**
   * ADD COLUMN takes no PRIMARY KEY or UNIQUE, a NOT NULL column needs a non-NULL default, and
   * the default may not be an expression in parentheses or CURRENT_*.
   */
  static boolean canAdd(Column column) {
    if (column.primaryKey()) {
      return false;
    }
    var value = column.defaultValue().filter(d -> d.sql().isPresent());
    if (column.notNull() && value.isEmpty()) {
      return false;
    }
    return value.isEmpty()
        || !(value.get() instanceof ColumnDefault.Expression e && e.isExpression());
  }

  /**
   * DROP COLUMN refuses key columns and columns a foreign key uses; indexes on the column are
   * dropped first by the renderer.
   */
  static boolean canDrop(Table table, Column column) {
    if (column.primaryKey()
        || table.compositePrimaryKey().stream().anyMatch(c -> c.equalsIgnoreCase(column.name()))) {
      return false;
    }
    return table.foreignKeys().stream()
        .noneMatch(fk -> fk.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column.name())));
  }
}
