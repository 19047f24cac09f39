package dev.nanoka.core.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A database schema: its tables in declaration order. Immutable; two schemas are equal when their
 * tables are.
 *
 * <p>A class rather than a record so that it can keep an index of its tables by name: the differ,
 * renderer and data-loss checks look tables up by name for every table, and a linear search made
 * a push over 1,000 tables quadratic (benchmark figure 5).
 */
public final class DatabaseSchema {

  private final List<Table> tables;
  /** Lower-cased name → table: SQLite compares names ignoring ASCII case. */
  private final Map<String, Table> byName;

  /**
   * @param tables the tables; names are unique ignoring case, as SQLite compares them
   */
  public DatabaseSchema(List<Table> tables) {
    this.tables = List.copyOf(tables);
    this.byName = new HashMap<>(this.tables.size() * 2);
    for (Table table : this.tables) {
      if (byName.putIfAbsent(key(table.name()), table) != null) {
        throw new IllegalArgumentException("duplicate table name: " + table.name());
      }
    }
  }

  /** The tables in declaration order. */
  public List<Table> tables() {
    return tables;
  }

  /** The table with this name, compared as SQLite does (ignoring ASCII case). */
  public Optional<Table> table(String name) {
    return Optional.ofNullable(byName.get(key(name)));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DatabaseSchema schema && tables.equals(schema.tables);
  }

  @Override
  public int hashCode() {
    return tables.hashCode();
  }

  @Override
  public String toString() {
    return "Schema[tables=" + tables + "]";
  }
}
