package dev.nanoka.core.testing;

import static dev.nanoka.core.testing.Schemas.INTEGER;
import static dev.nanoka.core.testing.Schemas.TEXT;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A table, built step by step (see {@link Schemas} for both ways of adding columns). The column
 * modifiers here ({@link #unique()}, {@link #defaultText}, …) apply to the column added last.
 */
public final class TableBuilder {
  private String name;
  private final List<Column> columns = new ArrayList<>();
  private List<String> compositeKey = List.of();
  private final List<TableIndex> indexes = new ArrayList<>();
  private final List<ForeignKey> foreignKeys = new ArrayList<>();

  TableBuilder(String name) {
    this.name = name;
  }

  /** A builder holding {@code t}, to change it. */
  public static TableBuilder of(Table t) {
    TableBuilder builder = new TableBuilder(t.name());
    builder.columns.addAll(t.columns());
    builder.compositeKey = t.compositePrimaryKey();
    builder.indexes.addAll(t.indexes());
    builder.foreignKeys.addAll(t.foreignKeys());
    return builder;
  }

  public TableBuilder name(String value) {
    name = value;
    return this;
  }

  // ---------------------------------------------------------------- columns, every flag given

  public TableBuilder col(ColumnBuilder column) {
    return col(column.build());
  }

  public TableBuilder col(Column column) {
    columns.add(column);
    return this;
  }

  // ------------------------------------------------------------ columns as records declare them

  /** {@code id integer PRIMARY KEY AUTOINCREMENT NOT NULL}. */
  public TableBuilder id() {
    return col(new ColumnBuilder("id", INTEGER).pk().autoIncrement().notNull());
  }

  /** A primary key column of this type, without AUTOINCREMENT. */
  public TableBuilder key(String column, LogicalType type) {
    return col(new ColumnBuilder(column, type).pk().notNull());
  }

  /** A NOT NULL column. */
  public TableBuilder column(String column, LogicalType type) {
    return col(new ColumnBuilder(column, type).notNull());
  }

  public TableBuilder nullable(String column, LogicalType type) {
    return col(new ColumnBuilder(column, type));
  }

  /** A NOT NULL text column. */
  public TableBuilder text(String column) {
    return column(column, TEXT);
  }

  public TableBuilder nullableText(String column) {
    return nullable(column, TEXT);
  }

  /** A NOT NULL integer column. */
  public TableBuilder integer(String column) {
    return column(column, INTEGER);
  }

  /** Makes the last column unique, as {@code @Field(unique = true)} declares it. */
  public TableBuilder unique() {
    return last(ColumnBuilder::unique);
  }

  public TableBuilder defaultTo(ColumnDefault value) {
    return last(c -> c.defaultTo(value));
  }

  public TableBuilder defaultText(String value) {
    return last(c -> c.defaultText(value));
  }

  public TableBuilder defaultNumber(String literal) {
    return last(c -> c.defaultNumber(literal));
  }

  public TableBuilder defaultSql(String sql) {
    return last(c -> c.defaultSql(sql));
  }

  // ---------------------------------------------------------------- changing columns

  /** Replaces the column of that name, keeping its position. */
  public TableBuilder replace(String column, UnaryOperator<ColumnBuilder> edit) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        columns.set(i, edit.apply(ColumnBuilder.of(columns.get(i))).build());
        return this;
      }
    }
    throw new IllegalArgumentException("no column " + column);
  }

  public TableBuilder drop(String column) {
    if (!columns.removeIf(c -> c.name().equals(column))) {
      throw new IllegalArgumentException("no column " + column);
    }
    return this;
  }

  // ---------------------------------------------------------------- keys and indexes

  /** A composite primary key over these columns. */
  public TableBuilder primaryKey(String... keyColumns) {
    compositeKey = List.of(keyColumns);
    return this;
  }

  public TableBuilder index(String index, String... indexColumns) {
    indexes.add(new TableIndex(index, List.of(indexColumns), false));
    return this;
  }

  public TableBuilder uniqueIndex(String index, String... indexColumns) {
    indexes.add(new TableIndex(index, List.of(indexColumns), true));
    return this;
  }

  public TableBuilder dropIndex(String index) {
    if (!indexes.removeIf(i -> i.name().equals(index))) {
      throw new IllegalArgumentException("no index " + index);
    }
    return this;
  }

  /** A foreign key of one column, {@code ON UPDATE no action}. */
  public TableBuilder references(String column, String parent, String parentColumn,
      Action onDelete) {
    return references(List.of(column), parent, List.of(parentColumn), Action.NO_ACTION, onDelete);
  }

  public TableBuilder references(List<String> from, String parent, List<String> to,
      Action onUpdate, Action onDelete) {
    foreignKeys.add(new ForeignKey(ForeignKey.defaultName(name, from, parent, to), from, parent,
        to, onUpdate, onDelete));
    return this;
  }

  public TableBuilder clearForeignKeys() {
    foreignKeys.clear();
    return this;
  }

  public Table build() {
    return new Table(name, name, columns, compositeKey, indexes, foreignKeys);
  }

  private TableBuilder last(UnaryOperator<ColumnBuilder> edit) {
    int last = columns.size() - 1;
    columns.set(last, edit.apply(ColumnBuilder.of(columns.get(last))).build());
    return this;
  }
}
