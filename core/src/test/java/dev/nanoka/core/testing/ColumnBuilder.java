package dev.nanoka.core.testing;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.LogicalType;
import java.util.Optional;

/** A column, built flag by flag; starts nullable, without key or default. See {@link Schemas}. */
public final class ColumnBuilder {
  private String name;
  private LogicalType type;
  private boolean notNull;
  private boolean primaryKey;
  private boolean autoIncrement;
  private boolean unique;
  private Optional<ColumnDefault> defaultValue = Optional.empty();

  public ColumnBuilder(String name, LogicalType type) {
    this.name = name;
    this.type = type;
  }

  /** A builder holding {@code c}'s flags, to change some of them. */
  public static ColumnBuilder of(Column c) {
    ColumnBuilder builder = new ColumnBuilder(c.name(), c.type());
    builder.notNull = c.notNull();
    builder.primaryKey = c.primaryKey();
    builder.autoIncrement = c.autoIncrement();
    builder.unique = c.unique();
    builder.defaultValue = c.defaultValue();
    return builder;
  }

  public ColumnBuilder name(String value) {
    name = value;
    return this;
  }

  public ColumnBuilder type(LogicalType value) {
    type = value;
    return this;
  }

  public ColumnBuilder notNull() {
    return notNull(true);
  }

  public ColumnBuilder notNull(boolean value) {
    notNull = value;
    return this;
  }

  public ColumnBuilder pk() {
    return pk(true);
  }

  /** Whether it is the primary key; a column that no longer is loses AUTOINCREMENT too. */
  public ColumnBuilder pk(boolean value) {
    primaryKey = value;
    if (!value) {
      autoIncrement = false;
    }
    return this;
  }

  public ColumnBuilder autoIncrement() {
    return autoIncrement(true);
  }

  public ColumnBuilder autoIncrement(boolean value) {
    autoIncrement = value;
    return this;
  }

  public ColumnBuilder unique() {
    return unique(true);
  }

  public ColumnBuilder unique(boolean value) {
    unique = value;
    return this;
  }

  public ColumnBuilder defaultTo(ColumnDefault value) {
    defaultValue = Optional.of(value);
    return this;
  }

  public ColumnBuilder noDefault() {
    defaultValue = Optional.empty();
    return this;
  }

  public ColumnBuilder defaultText(String value) {
    return defaultTo(new ColumnDefault.Text(value));
  }

  public ColumnBuilder defaultNumber(String literal) {
    return defaultTo(new ColumnDefault.Number(literal));
  }

  public ColumnBuilder defaultBool(boolean value) {
    return defaultTo(new ColumnDefault.Bool(value));
  }

  /** A default given as an SQL expression, e.g. {@code (unixepoch())}. */
  public ColumnBuilder defaultSql(String sql) {
    return defaultTo(new ColumnDefault.Expression(sql));
  }

  public Column build() {
    return new Column(name, name, type, notNull, primaryKey, autoIncrement, unique, defaultValue);
  }
}
