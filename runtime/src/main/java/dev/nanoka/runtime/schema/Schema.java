package dev.nanoka.runtime.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A database schema: its tables in declaration order.
 *
 * @param tables the tables; names are unique ignoring case, as SQLite compares them
 */
public record Schema(List<Table> tables) {

  public Schema {
    tables = List.copyOf(tables);
    Names.requireUniqueIgnoringCase(tables.stream().map(Table::name).toList(), "table");
  }

  /** The table with this name, compared as SQLite does (ignoring ASCII case). */
  public Optional<Table> table(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return tables.stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
  }
}
