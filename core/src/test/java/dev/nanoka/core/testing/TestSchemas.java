package dev.nanoka.core.testing;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A terse way to write schemas in tests: {@code table("posts").col(integer("id").pk().notNull())
 * .fk("authorId", "users", "id", CASCADE).build()}.
 */
public final class TestSchemas {

  private TestSchemas() {}

  public static final DatabaseSchema EMPTY = new DatabaseSchema(List.of());

  public static DatabaseSchema schema(Table... tables) {
    return new DatabaseSchema(List.of(tables));
  }

  public static ColumnSpec text(String name) {
    return new ColumnSpec(name, new LogicalType.Text());
  }

  public static ColumnSpec integer(String name) {
    return new ColumnSpec(name, new LogicalType.Int());
  }

  public static ColumnSpec real(String name) {
    return new ColumnSpec(name, new LogicalType.Real());
  }

  public static ColumnSpec numeric(String name) {
    return new ColumnSpec(name, new LogicalType.Numeric());
  }

  public static ColumnSpec blob(String name) {
    return new ColumnSpec(name, new LogicalType.Blob());
  }

  public static ColumnSpec bool(String name) {
    return new ColumnSpec(name, new LogicalType.Bool());
  }

  public static TableSpec table(String name) {
    return new TableSpec(name);
  }

  /** The schema with {@code name} replaced by {@code edit(table)}. */
  public static DatabaseSchema edit(DatabaseSchema schema, String name, UnaryOperator<Table> edit) {
    List<Table> tables = new ArrayList<>();
    for (Table t : schema.tables()) {
      tables.add(t.name().equals(name) ? edit.apply(t) : t);
    }
    return new DatabaseSchema(tables);
  }

  /** A column, built step by step. */
  public static final class ColumnSpec {
    private String name;
    private LogicalType type;
    private boolean notNull;
    private boolean primaryKey;
    private boolean autoIncrement;
    private boolean unique;
    private Optional<ColumnDefault> defaultValue = Optional.empty();

    ColumnSpec(String name, LogicalType type) {
      this.name = name;
      this.type = type;
    }

    public static ColumnSpec of(Column c) {
      ColumnSpec spec = new ColumnSpec(c.name(), c.type());
      spec.notNull = c.notNull();
      spec.primaryKey = c.primaryKey();
      spec.autoIncrement = c.autoIncrement();
      spec.unique = c.unique();
      spec.defaultValue = c.defaultValue();
      return spec;
    }

    public ColumnSpec name(String value) {
      name = value;
      return this;
    }

    public ColumnSpec type(LogicalType value) {
      type = value;
      return this;
    }

    public ColumnSpec notNull() {
      return notNull(true);
    }

    public ColumnSpec notNull(boolean value) {
      notNull = value;
      return this;
    }

    public ColumnSpec pk() {
      return pk(true);
    }

    public ColumnSpec pk(boolean value) {
      primaryKey = value;
      if (!value) {
        autoIncrement = false;
      }
      return this;
    }

    public ColumnSpec autoIncrement() {
      return autoIncrement(true);
    }

    public ColumnSpec autoIncrement(boolean value) {
      autoIncrement = value;
      return this;
    }

    public ColumnSpec unique() {
      return unique(true);
    }

    public ColumnSpec unique(boolean value) {
      unique = value;
      return this;
    }

    public ColumnSpec def(ColumnDefault value) {
      defaultValue = Optional.of(value);
      return this;
    }

    public ColumnSpec noDefault() {
      defaultValue = Optional.empty();
      return this;
    }

    public ColumnSpec defText(String value) {
      return def(new ColumnDefault.Text(value));
    }

    public ColumnSpec defNumber(String literal) {
      return def(new ColumnDefault.Number(literal));
    }

    public ColumnSpec defBool(boolean value) {
      return def(new ColumnDefault.Bool(value));
    }

    public ColumnSpec defExpr(String sql) {
      return def(new ColumnDefault.Expression(sql));
    }

    public Column build() {
      return new Column(name, name, type, notNull, primaryKey, autoIncrement, unique, defaultValue);
    }
  }

  /** A table, built step by step. */
  public static final class TableSpec {
    private String name;
    private final List<Column> columns = new ArrayList<>();
    private List<String> compositeKey = List.of();
    private final List<TableIndex> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    TableSpec(String name) {
      this.name = name;
    }

    public static TableSpec of(Table t) {
      TableSpec spec = new TableSpec(t.name());
      spec.columns.addAll(t.columns());
      spec.compositeKey = t.compositePrimaryKey();
      spec.indexes.addAll(t.indexes());
      spec.foreignKeys.addAll(t.foreignKeys());
      return spec;
    }

    public TableSpec name(String value) {
      name = value;
      return this;
    }

    public TableSpec col(ColumnSpec column) {
      columns.add(column.build());
      return this;
    }

    public TableSpec col(Column column) {
      columns.add(column);
      return this;
    }

    /** Replaces the column of that name, keeping its position. */
    public TableSpec replace(String column, UnaryOperator<ColumnSpec> edit) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(column)) {
          columns.set(i, edit.apply(ColumnSpec.of(columns.get(i))).build());
          return this;
        }
      }
      throw new IllegalArgumentException("no column " + column);
    }

    public TableSpec drop(String column) {
      if (!columns.removeIf(c -> c.name().equals(column))) {
        throw new IllegalArgumentException("no column " + column);
      }
      return this;
    }

    public TableSpec pk(String... cols) {
      compositeKey = List.of(cols);
      return this;
    }

    public TableSpec index(String indexName, String... cols) {
      indexes.add(new TableIndex(indexName, List.of(cols), false));
      return this;
    }

    public TableSpec uniqueIndex(String indexName, String... cols) {
      indexes.add(new TableIndex(indexName, List.of(cols), true));
      return this;
    }

    public TableSpec dropIndex(String indexName) {
      if (!indexes.removeIf(i -> i.name().equals(indexName))) {
        throw new IllegalArgumentException("no index " + indexName);
      }
      return this;
    }

    public TableSpec fk(String column, String refTable, String refColumn, Action onDelete) {
      return fk(List.of(column), refTable, List.of(refColumn), Action.NO_ACTION, onDelete);
    }

    public TableSpec fk(
        List<String> cols, String refTable, List<String> refCols, Action onUpdate,
        Action onDelete) {
      foreignKeys.add(new ForeignKey(ForeignKey.defaultName(name, cols, refTable, refCols), cols,
          refTable, refCols, onUpdate, onDelete));
      return this;
    }

    public TableSpec clearForeignKeys() {
      foreignKeys.clear();
      return this;
    }

    public Table build() {
      return new Table(name, name, columns, compositeKey, indexes, foreignKeys);
    }
  }
}
