package dev.nanoka.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name drizzle-kit's name: {@code <table>_<cols>_<refTable>_<refCols>_fk}
 * @param columns the referencing columns of this table
 * @param referencedTable the parent table
 * @param referencedColumns the parent's primary key or unique columns, matched by position
 * @param onUpdate the action when the parent key changes
 * @param onDelete the action when the parent row is deleted
 */
public record ForeignKey(
    String name,
    List<String> columns,
    String referencedTable,
    List<String> referencedColumns,
    Action onUpdate,
    Action onDelete) {

  /** Referential actions, spelled as SQL and Drizzle spell them. */
  public enum Action {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT;

    /** e.g. {@code no action}, {@code set null}. */
    public String sql() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  public ForeignKey {
    Names.requireName(name, "foreign key");
    columns = Names.requireColumns(columns, "foreign key " + name);
    Names.requireName(referencedTable, "referenced table");
    referencedColumns = Names.requireColumns(referencedColumns, "foreign key " + name);
    if (columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException(
          "foreign key " + name + " pairs " + columns.size() + " columns with "
              + referencedColumns.size());
    }
    Objects.requireNonNull(onUpdate, "onUpdate");
    Objects.requireNonNull(onDelete, "onDelete");
  }

  /** The name drizzle-kit gives a foreign key: {@code <table>_<cols>_<refTable>_<refCols>_fk}. */
  public static String defaultName(
      String table, List<String> columns, String referencedTable, List<String> referencedColumns) {
    return table + "_" + String.join("_", columns) + "_" + referencedTable + "_"
        + String.join("_", referencedColumns) + "_fk";
  }
}
