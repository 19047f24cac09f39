package dev.nanoka.runtime.postgres;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.postgres.PostgresMigrationRenderer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** PostgreSQL schemas for tests: native types, rendering a diff, comparing modulo code names. */
public final class PostgresSchemas {

  public static final DatabaseSchema EMPTY = new DatabaseSchema(List.of());

  private PostgresSchemas() {}

  public static LogicalType type(String sql) {
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    LogicalType meaning;
    if (lower.contains("int") || lower.endsWith("serial")) {
      meaning = new LogicalType.Int();
    } else if (lower.equals("boolean")) {
      meaning = new LogicalType.Bool();
    } else if (lower.startsWith("timestamp")) {
      meaning = new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.MILLISECONDS);
    } else if (lower.equals("real") || lower.equals("double precision")) {
      meaning = new LogicalType.Real();
    } else if (lower.startsWith("numeric")) {
      meaning = new LogicalType.Numeric();
    } else if (lower.equals("jsonb")) {
      meaning = new LogicalType.Json("unknown");
    } else if (lower.equals("bytea")) {
      meaning = new LogicalType.Blob();
    } else {
      meaning = new LogicalType.Text();
    }
    return new LogicalType.Native(sql, meaning);
  }

  public static LogicalType enumType(String name, String... values) {
    return new LogicalType.Native(name, new LogicalType.EnumText(List.of(values)));
  }

  /** Runs the statements that turn a database holding {@code from} into {@code to}. */
  public static List<String> apply(Connection connection, DatabaseSchema from, DatabaseSchema to)
      throws SQLException {
    List<String> sql = PostgresMigrationRenderer.render(
        SchemaDiffer.diff(from, to, RenameHints.NONE), to).stream()
        .map(MigrationStatement::sql).toList();
    try (Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
    return sql;
  }

  /**
   * The schema as the database sees it: names only code uses (exports, properties) set to the
   * SQL names, the application's meaning reduced to what PostgreSQL stores (an enum keeps its
   * values), a client-side default gone, tables, indexes and keys sorted by name.
   */
  public static DatabaseSchema stored(DatabaseSchema schema) {
    return new DatabaseSchema(schema.tables().stream()
        .sorted(Comparator.comparing(Table::name))
        .map(t -> new Table(t.name(), t.name(), t.columns().stream().map(PostgresSchemas::stored)
            .toList(), t.compositePrimaryKey(),
            t.indexes().stream().sorted(Comparator.comparing(TableIndex::name)).toList(),
            t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::name)).toList()))
        .toList());
  }

  /**
   * {@link #stored} with each table's columns by name: PostgreSQL adds a column at the end,
   * where the models may have it elsewhere (the differ compares columns by name).
   */
  public static DatabaseSchema storedByName(DatabaseSchema schema) {
    return new DatabaseSchema(stored(schema).tables().stream()
        .map(t -> new Table(t.name(), t.name(), t.columns().stream()
            .sorted(Comparator.comparing(Column::name)).toList(), t.compositePrimaryKey(),
            t.indexes(), t.foreignKeys()))
        .toList());
  }

  private static Column stored(Column c) {
    LogicalType type = c.type();
    if (type instanceof LogicalType.Native n && !(n.meaning() instanceof LogicalType.EnumText)) {
      type = new LogicalType.Native(n.sql(), switch (n.meaning().sqlType()) {
        case INTEGER -> new LogicalType.Int();
        case REAL -> new LogicalType.Real();
        case NUMERIC -> new LogicalType.Numeric();
        case BLOB -> new LogicalType.Blob();
        case TEXT -> new LogicalType.Text();
      });
    }
    Optional<ColumnDefault> value = c.defaultValue()
        .filter(d -> !(d instanceof ColumnDefault.ClientFunction));
    return new Column(c.name(), c.name(), type, c.notNull(), c.primaryKey(), c.autoIncrement(),
        c.unique(), value);
  }
}
