package dev.nanoka.core.testing;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A terse way to write schemas in tests: the records' canonical constructors take eight
 * arguments per column, which would bury what each test changes. Two levels, one builder:
 *
 * <pre>{@code
 * // Columns as a record component declares them: NOT NULL unless said otherwise.
 * Table posts = table("posts").id().text("title").nullableText("subtitle")
 *     .integer("authorId").references("authorId", "users", "id", CASCADE).build();
 * // Every flag spelled out, as the differ's tests need: a column starts nullable, as in SQL.
 * Table users = table("users").col(integer("id").pk().notNull()).col(text("name")).build();
 * }</pre>
 */
public final class Schemas {

  public static final DatabaseSchema EMPTY = new DatabaseSchema(List.of());

  public static final LogicalType TEXT = new LogicalType.Text();
  public static final LogicalType INTEGER = new LogicalType.Int();
  public static final LogicalType REAL = new LogicalType.Real();
  public static final LogicalType NUMERIC = new LogicalType.Numeric();
  public static final LogicalType BLOB = new LogicalType.Blob();
  public static final LogicalType BOOL = new LogicalType.Bool();

  private Schemas() {}

  public static DatabaseSchema schema(Table... tables) {
    return new DatabaseSchema(List.of(tables));
  }

  public static TableBuilder table(String name) {
    return new TableBuilder(name);
  }

  public static LogicalType enumOf(String... values) {
    return new LogicalType.EnumText(List.of(values));
  }

  /** The schema with table {@code name} replaced by {@code edit(table)}. */
  public static DatabaseSchema edit(DatabaseSchema schema, String name, UnaryOperator<Table> edit) {
    List<Table> tables = new ArrayList<>();
    for (Table t : schema.tables()) {
      tables.add(t.name().equals(name) ? edit.apply(t) : t);
    }
    return new DatabaseSchema(tables);
  }

  // Columns for TableBuilder.col: nullable, no key, no default until said.

  public static ColumnBuilder text(String name) {
    return new ColumnBuilder(name, TEXT);
  }

  public static ColumnBuilder integer(String name) {
    return new ColumnBuilder(name, INTEGER);
  }

  public static ColumnBuilder real(String name) {
    return new ColumnBuilder(name, REAL);
  }

  public static ColumnBuilder numeric(String name) {
    return new ColumnBuilder(name, NUMERIC);
  }

  public static ColumnBuilder blob(String name) {
    return new ColumnBuilder(name, BLOB);
  }

  public static ColumnBuilder bool(String name) {
    return new ColumnBuilder(name, BOOL);
  }
}
