package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.DataLoss;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.postgres.EnumTypes;
import dev.nanoka.core.sql.postgres.PostgresDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link AffectedRows} for PostgreSQL. Counts that are plain SQL (rows of a dropped table,
 * values of a dropped column, NULLs) are {@link AffectedRows}'s; what depends on PostgreSQL's
 * casts is asked of the server with the very casts the migration uses
 * ({@link PostgresDdl#setType}), inside a savepoint: a value that would come back different is
 * counted, and a cast that fails on some row (out of range, not a number, not a constant of
 * the enum) is what makes the change unexecutable — the server's message is the example.
 */
final class PostgresAffectedRows implements LossCounter {

  private static final String SAVEPOINT = "nanoka_probe";

  private final Connection connection;
  private final DatabaseSchema database;
  private final AffectedRows plain;
  /** The models' enum types, known once {@link #beyondDiff} saw them. */
  private Map<String, List<String>> enums = Map.of();
  /** Losses whose casts failed on a row: they cannot run whatever is accepted. */
  private final Set<DataLoss> failing = new HashSet<>();

  PostgresAffectedRows(Connection connection, DatabaseSchema database) {
    this.connection = connection;
    this.database = database;
    this.plain = new AffectedRows(connection, database, PostgresDdl::quote);
  }

  @Override
  public Optional<String> describe(DataLoss loss) throws SQLException {
    if (loss instanceof DataLoss.ValuesNarrowed narrowed) {
      return narrowed(narrowed);
    } else if (loss instanceof DataLoss.DuplicatesRejected duplicates) {
      return duplicates(duplicates);
    } else if (loss instanceof DataLoss.ValuesOutsideEnum outside) {
      return outsideEnum(outside);
    }
    return plain.describe(loss);
  }

  @Override
  public boolean fails(DataLoss loss) {
    return failing.contains(loss) || loss instanceof DataLoss.ValuesOutsideEnum
        || LossCounter.super.fails(loss);
  }

  /**
   * Enum types keep their name while values are removed, which the differ does not see: the
   * columns of a type that loses values, whose rows may hold them (the migration's cast back to
   * the type would fail).
   */
  @Override
  public List<DataLoss> beyondDiff(DatabaseSchema database, DatabaseSchema models) {
    enums = EnumTypes.of(models).values();
    EnumTypes old = EnumTypes.of(database);
    List<DataLoss> losses = new ArrayList<>();
    for (Table table : models.tables()) {
      for (Column column : table.columns()) {
        Optional<String> type = enumType(column);
        Optional<Column> before = database.table(table.name()).flatMap(t -> t.column(
            column.name()));
        if (type.isPresent() && before.isPresent() && enumType(before.get()).equals(type)
            && !enums.get(type.get()).containsAll(old.get(type.get()).orElse(List.of()))) {
          losses.add(new DataLoss.ValuesOutsideEnum(table.name(), column.name(),
              enums.get(type.get())));
        }
      }
    }
    return losses;
  }

  private Optional<String> narrowed(DataLoss.ValuesNarrowed loss) throws SQLException {
    Column old = database.table(loss.table()).flatMap(t -> t.column(loss.source()))
        .orElseThrow();
    String source = PostgresDdl.quote(old.name());
    String table = PostgresDdl.quote(loss.table());
    Optional<List<String>> targetEnum = Optional.ofNullable(enums.get(loss.to()));
    if (targetEnum.isPresent()) {
      String outside = source + " IS NOT NULL AND " + source + "::text NOT IN ("
          + literals(targetEnum.get()) + ")";
      long values = single("SELECT count(*) FROM " + table + " WHERE " + outside);
      if (values > 0) {
        failing.add(loss);
      }
      return when(values, () -> "changes " + loss.table() + "." + loss.column() + " from "
          + loss.from() + " to the enum " + loss.to() + ", but " + values + " value(s) are not"
          + " among its constants (e.g. " + first("SELECT " + source + "::text FROM " + table
          + " WHERE " + outside) + ")");
    }
    // the migration's own cast (PostgresDdl.setType): through text when an enum is involved
    boolean viaText = isEnum(old) || isEnumType(loss.to());
    String through = viaText ? source + "::text" : source;
    String converted = "(" + through + ")::" + castType(loss.to());
    String changed = source + " IS NOT NULL AND (" + converted + ")::"
        + (viaText ? "text" : castType(loss.from())) + " IS DISTINCT FROM " + through;
    try {
      long values = probe(() -> single("SELECT count(*) FROM " + table + " WHERE " + changed));
      return when(values, () -> "changes " + loss.table() + "." + loss.column() + " from "
          + loss.from() + " to " + loss.to() + ", but " + values + " value(s) do not convert"
          + " exactly (e.g. " + first("SELECT " + through + "::text || ' becomes ' || ("
          + converted + ")::text FROM " + table + " WHERE " + changed) + ")");
    } catch (SQLException e) {
      failing.add(loss);
      return Optional.of("changes " + loss.table() + "." + loss.column() + " from "
          + loss.from() + " to " + loss.to() + ", but a value there does not convert: "
          + firstLine(e.getMessage()));
    }
  }

  private Optional<String> duplicates(DataLoss.DuplicatesRejected loss) throws SQLException {
    Table before = database.table(loss.table()).orElseThrow();
    List<String> values = new ArrayList<>();
    for (DataLoss.NewValue value : loss.values()) {
      values.add("(" + valueAfter(before, value) + ")::" + castType(
          value.column().type() instanceof LogicalType.Native n ? n.sql() : "text"));
    }
    String shown = loss.isPrimaryKey()
        ? "makes (" + columnNames(loss) + ") the primary key of " + loss.table()
        : "adds the unique index " + loss.constraint() + " on " + loss.table() + "("
            + columnNames(loss) + ")";
    String groups = "SELECT concat_ws(', ', " + values.stream().map(v -> v + "::text")
        .collect(Collectors.joining(", ")) + ") AS shown FROM "
        + PostgresDdl.quote(loss.table()) + " WHERE " + values.stream()
        .map(v -> v + " IS NOT NULL").collect(Collectors.joining(" AND ")) + " GROUP BY "
        + String.join(", ", values) + " HAVING count(*) > 1";
    try {
      long repeated = probe(() -> single("SELECT count(*) FROM (" + groups + ") AS g"));
      return when(repeated, () -> shown + ", but " + repeated + " value(s) occur more than"
          + " once (e.g. " + first(groups) + ")");
    } catch (SQLException e) {
      failing.add(loss);
      return Optional.of(shown + ", but a value there does not convert: "
          + firstLine(e.getMessage()));
    }
  }

  /** The value a column has after the change, as {@link AffectedRows} computes it. */
  private static String valueAfter(Table before, DataLoss.NewValue value) {
    Column column = value.column();
    Optional<String> fallback = column.defaultValue().flatMap(d -> d.sql());
    if (value.source().isEmpty()) {
      return fallback.orElse("NULL");
    }
    Column old = before.column(value.source().get()).orElseThrow();
    String source = PostgresDdl.quote(old.name()) + (isEnum(old) ? "::text" : "");
    if (column.notNull() && !old.notNull() && fallback.isPresent()) {
      return "coalesce(" + source + ", " + fallback.get() + ")";
    }
    return source;
  }

  private Optional<String> outsideEnum(DataLoss.ValuesOutsideEnum loss) throws SQLException {
    String column = PostgresDdl.quote(loss.column());
    String outside = column + " IS NOT NULL AND " + column + "::text NOT IN ("
        + literals(loss.values()) + ")";
    long values = single("SELECT count(*) FROM " + PostgresDdl.quote(loss.table()) + " WHERE "
        + outside);
    return when(values, () -> loss.table() + "." + loss.column() + " holds " + values
        + " value(s) that are no longer constants of its enum (" + String.join(", ",
        loss.values()) + "), e.g. " + first("SELECT " + column + "::text FROM "
        + PostgresDdl.quote(loss.table()) + " WHERE " + outside));
  }

  private boolean isEnumType(String name) {
    return EnumTypes.of(database).get(name).isPresent();
  }

  private static Optional<String> enumType(Column column) {
    return column.type() instanceof LogicalType.Native n
        && n.meaning() instanceof LogicalType.EnumText ? Optional.of(n.sql()) : Optional.empty();
  }

  private static boolean isEnum(Column column) {
    return enumType(column).isPresent();
  }

  /** A type to cast to: serial types are their integers, enum types qualified and quoted. */
  private String castType(String type) {
    if (isEnumType(type) || enums.containsKey(type)) {
      return PostgresDdl.quote("public") + "." + PostgresDdl.quote(type);
    }
    return switch (type) {
      case "serial" -> "integer";
      case "bigserial" -> "bigint";
      case "smallserial" -> "smallint";
      default -> type;
    };
  }

  private static String columnNames(DataLoss.DuplicatesRejected loss) {
    return loss.values().stream().map(v -> v.column().name()).collect(Collectors.joining(", "));
  }

  private static String literals(List<String> values) {
    return values.stream().map(v -> "'" + v.replace("'", "''") + "'")
        .collect(Collectors.joining(", "));
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  @FunctionalInterface
  private interface Query {
    long run() throws SQLException;
  }

  /** A query whose casts may fail, in a savepoint so that the transaction goes on. */
  private long probe(Query query) throws SQLException {
    execute("SAVEPOINT " + SAVEPOINT);
    try {
      long result = query.run();
      execute("RELEASE SAVEPOINT " + SAVEPOINT);
      return result;
    } catch (SQLException e) {
      execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
      execute("RELEASE SAVEPOINT " + SAVEPOINT);
      throw e;
    }
  }

  private long single(String sql) throws SQLException {
    return AffectedRows.single(connection, sql);
  }

  private String first(String sql) throws SQLException {
    return AffectedRows.first(connection, sql);
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @FunctionalInterface
  private interface Line {
    String get() throws SQLException;
  }

  private static Optional<String> when(long affected, Line line) throws SQLException {
    return affected > 0 ? Optional.of(line.get()) : Optional.empty();
  }
}
