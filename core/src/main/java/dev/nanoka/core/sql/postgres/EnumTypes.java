package dev.nanoka.core.sql.postgres;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enum types of a PostgreSQL schema, by name: they live beside the tables, and a schema only
 * holds them through its columns ({@link LogicalType.Native} meaning {@link
 * LogicalType.EnumText}). Two columns naming one type with different values is refused.
 */
public record EnumTypes(Map<String, List<String>> values) {

  public EnumTypes {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The schema's enum types in the order their first column appears. */
  public static EnumTypes of(DatabaseSchema schema) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (column.type() instanceof LogicalType.Native n
            && n.meaning() instanceof LogicalType.EnumText e) {
          List<String> before = found.putIfAbsent(n.sql(), e.values());
          if (before != null && !before.equals(e.values())) {
            throw new IllegalArgumentException("enum type " + n.sql() + " is declared with values "
                + before + " and " + e.values() + " (column " + table.name() + "."
                + column.name() + ")");
          }
        }
      }
    }
    return new EnumTypes(found);
  }

  public Optional<List<String>> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  static Optional<String> typeName(Column column) {
    return column.type() instanceof LogicalType.Native n
        && n.meaning() instanceof LogicalType.EnumText ? Optional.of(n.sql()) : Optional.empty();
  }

  /** Whether {@code now} keeps every old value in its old order, adding only. */
  static boolean onlyAdds(List<String> old, List<String> now) {
    return now.stream().filter(old::contains).toList().equals(old);
  }
}
