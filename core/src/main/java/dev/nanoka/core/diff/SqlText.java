package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Short SQL-like descriptions of schema parts, for messages. */
final class SqlText {

  private SqlText() {}

  /** e.g. {@code integer NOT NULL DEFAULT 0}. */
  static String definition(Column column) {
    List<String> parts = new ArrayList<>(List.of(column.type().sqlType().sql()));
    if (column.primaryKey()) {
      parts.add("PRIMARY KEY");
    }
    if (column.autoIncrement()) {
      parts.add("AUTOINCREMENT");
    }
    if (column.notNull()) {
      parts.add("NOT NULL");
    }
    column.defaultValue().flatMap(d -> d.sql()).ifPresent(d -> parts.add("DEFAULT " + d));
    return String.join(" ", parts);
  }

  static String foreignKeys(Table table) {
    if (table.foreignKeys().isEmpty()) {
      return "none";
    }
    return table.foreignKeys().stream()
        .map(fk -> "(" + String.join(", ", fk.columns()) + ") → " + fk.referencedTable() + "("
            + String.join(", ", fk.referencedColumns()) + ") on delete " + fk.onDelete().sql())
        .collect(Collectors.joining(", "));
  }
}
