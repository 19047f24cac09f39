package dev.nanoka.core.schema;

import java.util.List;

/**
 * An index.
 *
 * @param name the SQL name, unique in the schema
 * @param columns the indexed column names, in index order
 * @param unique whether a unique index
 */
public record TableIndex(String name, List<String> columns, boolean unique) {

  public TableIndex {
    Names.requireName(name, "index");
    columns = Names.requireColumns(columns, "index " + name);
  }
}
