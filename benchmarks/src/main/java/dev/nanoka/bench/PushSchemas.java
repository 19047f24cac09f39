package dev.nanoka.bench;

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
 * Schemas of {@code n} tables for figure 5, shaped like the processor's reading of the models
 * of {@link ModelGenerator}: 10 columns each, a foreign key to an earlier table on most, a
 * unique column, two or three indexes.
 */
public final class PushSchemas {

  private PushSchemas() {}

  /** {@code n} tables; with {@code extraIndex}, the last one has one more index. */
  public static DatabaseSchema of(int n, boolean extraIndex) {
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tables.add(table(i, extraIndex && i == n - 1));
    }
    return new DatabaseSchema(tables);
  }

  /**
   * The same {@code n} tables as the processor reads them under
   * {@code @Schema(dialect = POSTGRESQL)}: native types ({@code serial} keys), {@code now()} for
   * the creation time.
   */
  public static DatabaseSchema postgres(int n, boolean extraIndex) {
    return new DatabaseSchema(of(n, extraIndex).tables().stream()
        .map(table -> new Table(table.name(), table.exportName(),
            table.columns().stream().map(PushSchemas::postgresColumn).toList(),
            table.compositePrimaryKey(), table.indexes(), table.foreignKeys()))
        .toList());
  }

  private static Column postgresColumn(Column c) {
    String sql;
    if (c.type() instanceof LogicalType.Int) {
      sql = c.autoIncrement() ? "serial" : "integer";
    } else if (c.type() instanceof LogicalType.Real) {
      sql = "double precision";
    } else if (c.type() instanceof LogicalType.Bool) {
      sql = "boolean";
    } else if (c.type() instanceof LogicalType.Timestamp) {
      sql = "timestamp with time zone";
    } else {
      sql = "text";
    }
    Optional<ColumnDefault> value = c.defaultValue().map(d ->
        d instanceof ColumnDefault.Expression ? new ColumnDefault.Expression("now()") : d);
    return new Column(c.name(), c.property(), new LogicalType.Native(sql, c.type()), c.notNull(),
        c.primaryKey(), c.autoIncrement(), c.unique(), value);
  }

  private static Table table(int i, boolean extraIndex) {
    String name = String.format("entity%04ds", i);
    List<Column> columns = new ArrayList<>();
    columns.add(column("id", new LogicalType.Int(), true, true, false, Optional.empty()));
    List<ForeignKey> keys = new ArrayList<>();
    String parentColumn;
    if (i > 0 && i % 4 != 3) {
      int parent = (int) ((i * 7L + 3) % i);
      parentColumn = "parent" + parent + "Id";
      columns.add(column(parentColumn, new LogicalType.Int(), true, false, false,
          Optional.empty()));
      String parentTable = String.format("entity%04ds", parent);
      keys.add(new ForeignKey(ForeignKey.defaultName(name, List.of(parentColumn), parentTable,
          List.of("id")), List.of(parentColumn), parentTable, List.of("id"),
          ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE));
    } else {
      parentColumn = "parentId";
      columns.add(column(parentColumn, new LogicalType.Int(), false, false, false,
          Optional.empty()));
    }
    columns.add(column("title", new LogicalType.Text(), true, false, false, Optional.empty()));
    columns.add(column("code", new LogicalType.Text(), true, false, true, Optional.empty()));
    columns.add(column("description", new LogicalType.Text(), false, false, false,
        Optional.empty()));
    columns.add(column("rank", new LogicalType.Int(), true, false, false,
        Optional.of(new ColumnDefault.Number("0"))));
    columns.add(column("price", new LogicalType.Real(), true, false, false, Optional.empty()));
    columns.add(column("active", new LogicalType.Bool(), true, false, false,
        Optional.of(new ColumnDefault.Bool(true))));
    columns.add(column("externalId", new LogicalType.Text(), true, false, false,
        Optional.empty()));
    columns.add(column("createdAt",
        new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.MILLISECONDS), true, false, false,
        Optional.of(new ColumnDefault.Expression("(unixepoch())"))));
    List<TableIndex> indexes = new ArrayList<>();
    indexes.add(
        new TableIndex(name + "_title_createdAt_idx", List.of("title", "createdAt"), false));
    indexes.add(new TableIndex(name + "_" + parentColumn + "_idx", List.of(parentColumn), false));
    if (i % 5 == 0) {
      indexes.add(new TableIndex(name + "_code_rank_unique", List.of("code", "rank"), true));
    }
    if (extraIndex) {
      indexes.add(new TableIndex(name + "_price_idx", List.of("price"), false));
    }
    indexes.sort((a, b) -> a.name().compareTo(b.name()));
    return new Table(name, name, columns, List.of(), indexes, keys);
  }

  private static Column column(String name, LogicalType type, boolean notNull, boolean key,
      boolean unique, Optional<ColumnDefault> defaultValue) {
    return new Column(name, name, type, notNull, key, key, unique, defaultValue);
  }
}
