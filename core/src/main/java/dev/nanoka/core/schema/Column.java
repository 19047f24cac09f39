package dev.nanoka.core.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * One column.
 *
 * @param name the SQL name
 * @param property the name code uses for it (the Java record component, the TypeScript key)
 * @param type the logical type, which fixes the SQL type
 * @param notNull whether {@code NOT NULL}
 * @param primaryKey whether this column alone is the primary key
 * @param autoIncrement {@code AUTOINCREMENT}; only on an integer primary key
 * @param unique a unique index on this column alone
 * @param defaultValue the default, if any
 * @param onRowUpdate the value the column takes whenever its row is updated without setting it,
 *     kept by an {@code AFTER UPDATE} trigger ({@link UpdateTrigger}) so that every writer gets
 *     it, not only Drizzle's client
 */
public record Column(
    String name,
    String property,
    LogicalType type,
    boolean notNull,
    boolean primaryKey,
    boolean autoIncrement,
    boolean unique,
    Optional<ColumnDefault> defaultValue,
    Optional<OnRowUpdate> onRowUpdate) {

  public Column {
    Names.requireName(name, "column");
    Names.requireName(property, "property");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(onRowUpdate, "onRowUpdate");
    if (autoIncrement && !(primaryKey && type.sqlType() == SqlType.INTEGER)) {
      throw new IllegalArgumentException(
          "AUTOINCREMENT needs an integer primary key column: " + name);
    }
  }

  /** A column nothing sets on update (the form of every column before {@code onRowUpdate}). */
  public Column(String name, String property, LogicalType type, boolean notNull,
      boolean primaryKey, boolean autoIncrement, boolean unique,
      Optional<ColumnDefault> defaultValue) {
    this(name, property, type, notNull, primaryKey, autoIncrement, unique, defaultValue,
        Optional.empty());
  }

  /** This column with {@code onRowUpdate} set or cleared, everything else kept. */
  public Column withOnRowUpdate(Optional<OnRowUpdate> value) {
    return new Column(name, property, type, notNull, primaryKey, autoIncrement, unique,
        defaultValue, value);
  }
}
