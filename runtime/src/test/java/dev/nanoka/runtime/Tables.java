package dev.nanoka.runtime;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Terse schema models for the push, introspection, drift and CLI tests: the records' canonical
 * constructors take eight arguments per column, which would bury what each test changes.
 *
 * <pre>{@code
 * Table posts = table("posts").id().text("title").nullableText("subtitle")
 *     .integer("authorId").references("authorId", "users", "id", CASCADE).build();
 * }</pre>
 */
public final class Tables {

  public static final LogicalType TEXT = new LogicalType.Text();
  public static final LogicalType INTEGER = new LogicalType.Int();
  public static final LogicalType REAL = new LogicalType.Real();
  public static final LogicalType NUMERIC = new LogicalType.Numeric();
  public static final LogicalType BLOB = new LogicalType.Blob();
  public static final LogicalType BOOL = new LogicalType.Bool();

  private Tables() {}

  public static Builder table(String name) {
    return new Builder(name);
  }

  public static DatabaseSchema schema(Table... tables) {
    return new DatabaseSchema(List.of(tables));
  }

  public static LogicalType enumOf(String... values) {
    return new LogicalType.EnumText(List.of(values));
  }

  /** Builds one table; column modifiers apply to the column added last. */
  public static final class Builder {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> compositeKey = new ArrayList<>();
    private final List<TableIndex> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** {@code id integer PRIMARY KEY AUTOINCREMENT NOT NULL}. */
    public Builder id() {
      return column(new Column("id", "id", INTEGER, true, true, true, false, Optional.empty()));
    }

    /** A primary key column of this type, without AUTOINCREMENT. */
    public Builder key(String column, LogicalType type) {
      return column(new Column(column, column, type, true, true, false, false, Optional.empty()));
    }

    public Builder text(String column) {
      return column(column, TEXT);
    }

    public Builder nullableText(String column) {
      return nullable(column, TEXT);
    }

    public Builder integer(String column) {
      return column(column, INTEGER);
    }

    /** A NOT NULL column. */
    public Builder column(String column, LogicalType type) {
      return column(new Column(column, column, type, true, false, false, false, Optional.empty()));
    }

    public Builder nullable(String column, LogicalType type) {
      return column(new Column(column, column, type, false, false, false, false, Optional.empty()));
    }

    public Builder column(Column column) {
      columns.add(column);
      return this;
    }

    public Builder defaultTo(ColumnDefault value) {
      Column c = last();
      return replaceLast(new Column(c.name(), c.property(), c.type(), c.notNull(), c.primaryKey(),
          c.autoIncrement(), c.unique(), Optional.of(value)));
    }

    public Builder defaultText(String value) {
      return defaultTo(new ColumnDefault.Text(value));
    }

    public Builder defaultNumber(String literal) {
      return defaultTo(new ColumnDefault.Number(literal));
    }

    public Builder defaultSql(String sql) {
      return defaultTo(new ColumnDefault.Expression(sql));
    }

    /** A unique index on the last column, as {@code @Field(unique = true)} declares it. */
    public Builder unique() {
      Column c = last();
      return replaceLast(new Column(c.name(), c.property(), c.type(), c.notNull(), c.primaryKey(),
          c.autoIncrement(), true, c.defaultValue()));
    }

    public Builder index(String index, String... indexColumns) {
      indexes.add(new TableIndex(index, List.of(indexColumns), false));
      return this;
    }

    public Builder uniqueIndex(String index, String... indexColumns) {
      indexes.add(new TableIndex(index, List.of(indexColumns), true));
      return this;
    }

    public Builder primaryKey(String... keyColumns) {
      compositeKey.addAll(List.of(keyColumns));
      return this;
    }

    public Builder references(String column, String parent, String parentColumn,
        ForeignKey.Action onDelete) {
      return references(List.of(column), parent, List.of(parentColumn), ForeignKey.Action.NO_ACTION,
          onDelete);
    }

    public Builder references(List<String> from, String parent, List<String> to,
        ForeignKey.Action onUpdate, ForeignKey.Action onDelete) {
      foreignKeys.add(new ForeignKey(ForeignKey.defaultName(name, from, parent, to), from, parent,
          to, onUpdate, onDelete));
      return this;
    }

    public Table build() {
      return new Table(name, name, columns, compositeKey, indexes, foreignKeys);
    }

    private Column last() {
      return columns.get(columns.size() - 1);
    }

    private Builder replaceLast(Column column) {
      columns.set(columns.size() - 1, column);
      return this;
    }
  }
}
