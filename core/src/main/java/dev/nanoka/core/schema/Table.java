package dev.nanoka.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One table.
 *
 * @param name the SQL name
 * @param exportName the name the table is known by in code, e.g. {@code users} in
 *     {@code export const users = sqliteTable('users', …)}
 * @param columns the columns in declaration order
 * @param compositePrimaryKey the columns of a primary key declared at table level, in key order;
 *     empty when the key is a column's own ({@link Column#primaryKey()})
 * @param indexes indexes declared at table level or for one column (column-level {@code unique}
 *     stays on the column, as Drizzle keeps it)
 * @param foreignKeys the foreign keys
 */
public record Table(
    String name,
    String exportName,
    List<Column> columns,
    List<String> compositePrimaryKey,
    List<TableIndex> indexes,
    List<ForeignKey> foreignKeys) {

  public Table {
    Names.requireName(name, "table");
    Names.requireName(exportName, "export");
    columns = List.copyOf(columns);
    compositePrimaryKey = List.copyOf(compositePrimaryKey);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no columns");
    }
    Names.requireUniqueIgnoringCase(columns.stream().map(Column::name).toList(), "column");
    Names.requireUniqueIgnoringCase(indexes.stream().map(TableIndex::name).toList(), "index");
  }

  /** The column with this name, compared as SQLite does (ignoring ASCII case). */
  public Optional<Column> column(String columnName) {
    String key = columnName.toLowerCase(Locale.ROOT);
    return columns.stream()
        .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(key))
        .findFirst();
  }

  /** The primary key's columns, whether declared on a column or at table level. */
  public List<String> primaryKey() {
    if (!compositePrimaryKey.isEmpty()) {
      return compositePrimaryKey;
    }
    return columns.stream().filter(Column::primaryKey).map(Column::name).toList();
  }
}
