package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.DataLoss;
import dev.nanoka.core.diff.SqlTypeConversion;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.SqlType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.SqliteDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Counts the rows of a database that a {@link DataLoss} actually affects, and says so in one line
 * with an example; nothing when no row is affected (dropping an empty table loses nothing).
 *
 * <p>Where SQLite converts values (a type change, a new unique constraint over converted values),
 * the count does not model SQLite's conversion rules: the values are copied into a temporary
 * table with the new column types, so that SQLite converts them exactly as the change will, and
 * back by the old type. A value is changed when what comes back is not what it was ({@code quote}
 * shows both exactly, storage class included), or when it read as the old type and no longer reads
 * as the new one. Temporary tables live outside the database file, which stays untouched.
 *
 * <p>The database must hold {@code database}, the schema the losses were computed from, with no
 * rename left to apply (push declares none).
 */
final class AffectedRows implements LossCounter {

  private static final String PROBE = "temp." + SqliteDdl.quote("__nanoka_probe");

  private final Connection connection;
  private final DatabaseSchema database;
  /** Quotes a name: SQLite's way, or another database's for the counts in plain SQL. */
  private final UnaryOperator<String> quote;

  AffectedRows(Connection connection, DatabaseSchema database) {
    this(connection, database, SqliteDdl::quote);
  }

  AffectedRows(Connection connection, DatabaseSchema database, UnaryOperator<String> quote) {
    this.connection = connection;
    this.database = database;
    this.quote = quote;
  }

  /** One line about the affected rows, or empty when the database has none. */
  @Override
  public Optional<String> describe(DataLoss loss) throws SQLException {
    if (loss instanceof DataLoss.TableDropped dropped) {
      long rows = rows(dropped.table());
      return when(rows, "drops table " + dropped.table() + ", which holds " + rows + " row(s)");
    } else if (loss instanceof DataLoss.RowsDropped dropped) {
      long rows = rows(dropped.table());
      return when(rows, "re-creates " + dropped.table() + " keeping none of its columns, which"
          + " drops its " + rows + " row(s)");
    } else if (loss instanceof DataLoss.ColumnDropped dropped) {
      long values = count(dropped.table(), q(dropped.column()) + " IS NOT NULL");
      return when(values, "drops column " + dropped.table() + "." + dropped.column()
          + ", which holds " + values + " value(s)");
    } else if (loss instanceof DataLoss.ValuesConverted converted) {
      return converted(converted);
    } else if (loss instanceof DataLoss.NullsFilled filled) {
      long nulls = count(filled.table(), q(filled.source()) + " IS NULL");
      return when(nulls, "makes " + filled.table() + "." + filled.column() + " NOT NULL: "
          + nulls + " row(s) holding NULL there would get its default " + filled.defaultSql());
    } else if (loss instanceof DataLoss.NullsRejected rejected) {
      long nulls = count(rejected.table(), q(rejected.source()) + " IS NULL");
      return when(nulls, "makes " + rejected.table() + "." + rejected.column()
          + " NOT NULL without a default, but " + nulls + " row(s) hold NULL there");
    } else if (loss instanceof DataLoss.RequiredColumnAdded added) {
      long rows = rows(added.table());
      return when(rows, "adds the required column " + added.table() + "." + added.column()
          + " without a default, but " + added.table() + " holds " + rows + " row(s) (add a"
          + " default, or reset the database)");
    } else if (loss instanceof DataLoss.DuplicatesRejected duplicates) {
      return duplicates(duplicates);
    } else if (loss instanceof DataLoss.ValuesOutsideEnum outside) {
      return outsideEnum(outside);
    }
    throw new IllegalArgumentException("no count for " + loss);
  }

  private Optional<String> converted(DataLoss.ValuesConverted loss) throws SQLException {
    String source = q(loss.source());
    createProbe("o, n " + loss.to().sql() + ", b " + loss.from().sql());
    try {
      exec("INSERT INTO " + PROBE + " (o, n) SELECT " + source + ", " + source + " FROM "
          + q(loss.table()) + " WHERE " + source + " IS NOT NULL");
      exec("UPDATE " + PROBE + " SET b = n");
      String changed = "quote(b) IS NOT quote(o) OR (typeof(o) IN "
          + storageClasses(loss.from()) + " AND typeof(n) NOT IN " + storageClasses(loss.to())
          + ")";
      long values = countProbe(changed);
      return when(values, () -> "changes " + loss.table() + "." + loss.column() + " from "
          + loss.from().sql() + " to " + loss.to().sql() + ", but " + values + " value(s) do"
          + " not convert exactly (e.g. " + first("SELECT CASE WHEN quote(b) IS NOT quote(o)"
          + " THEN quote(o) || ' becomes ' || quote(n) ELSE quote(o) || ' stays ' || typeof(n)"
          + " END FROM " + PROBE + " WHERE " + changed) + ")");
    } finally {
      dropProbe();
    }
  }

  private Optional<String> duplicates(DataLoss.DuplicatesRejected loss) throws SQLException {
    Table before = database.table(loss.table()).orElseThrow();
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < loss.values().size(); i++) {
      DataLoss.NewValue value = loss.values().get(i);
      columns.add("v" + i + " " + value.column().type().sqlType().sql());
      values.add(valueAfter(before, value));
    }
    createProbe(String.join(", ", columns));
    try {
      exec("INSERT INTO " + PROBE + " SELECT " + String.join(", ", values) + " FROM "
          + q(loss.table()));
      List<String> names = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        names.add("v" + i);
      }
      String shown = loss.isPrimaryKey()
          ? "makes (" + columnNames(loss) + ") the primary key of " + loss.table()
          : "adds the unique index " + loss.constraint() + " on " + loss.table() + "("
              + columnNames(loss) + ")";
      Optional<String> notIntegers = rowidKeyProblem(loss, shown);
      if (notIntegers.isPresent()) {
        return notIntegers;
      }
      String groups = "SELECT " + names.stream().map(n -> "quote(" + n + ")")
          .collect(Collectors.joining(" || ', ' || ")) + " AS shown FROM " + PROBE + " WHERE "
          + names.stream().map(n -> n + " IS NOT NULL").collect(Collectors.joining(" AND "))
          + " GROUP BY " + String.join(", ", names) + " HAVING count(*) > 1";
      long repeated = single("SELECT count(*) FROM (" + groups + ")");
      return when(repeated, () -> shown + ", but " + repeated + " value(s) occur more than"
          + " once (e.g. " + first(groups) + ")");
    } finally {
      dropProbe();
    }
  }

  /**
   * An INTEGER PRIMARY KEY is the row's id: SQLite refuses any other value there ("datatype
   * mismatch"), where it keeps one in a plain integer column.
   */
  private Optional<String> rowidKeyProblem(DataLoss.DuplicatesRejected loss, String shown)
      throws SQLException {
    if (!loss.isPrimaryKey() || loss.values().size() != 1
        || loss.values().get(0).column().type().sqlType() != SqlType.INTEGER) {
      return Optional.empty();
    }
    String wrong = "typeof(v0) NOT IN ('integer', 'null')";
    long values = countProbe(wrong);
    return when(values, () -> shown + ", but " + values + " value(s) there are not integers,"
        + " which an INTEGER PRIMARY KEY refuses (e.g. " + first("SELECT quote(v0) FROM "
        + PROBE + " WHERE " + wrong) + ")");
  }

  /**
   * The value a column has after the change, as an expression over the table as it is: the
   * source column (NULLs filled from the default where the column became NOT NULL, as the
   * rebuild does), or the default a new column gets, or NULL.
   */
  private String valueAfter(Table before, DataLoss.NewValue value) {
    Column column = value.column();
    Optional<String> fallback = column.defaultValue().flatMap(d -> d.sql());
    if (value.source().isEmpty()) {
      return fallback.orElse("NULL");
    }
    Column old = before.column(value.source().get()).orElseThrow();
    String source = q(old.name());
    if (column.notNull() && !old.notNull() && fallback.isPresent()) {
      return "coalesce(" + source + ", " + fallback.get() + ")";
    }
    return source;
  }

  private Optional<String> outsideEnum(DataLoss.ValuesOutsideEnum loss) throws SQLException {
    String constants = loss.values().stream().map(AffectedRows::literal)
        .collect(Collectors.joining(", "));
    String outside = q(loss.column()) + " IS NOT NULL AND " + q(loss.column()) + " NOT IN ("
        + constants + ")";
    long values = count(loss.table(), outside);
    return when(
        values,
        () ->
            loss.table()
                + "."
                + loss.column()
                + " holds "
                + values
                + " value(s) that are no longer constants of its enum ("
                + String.join(", ", loss.values())
                + "), e.g. "
                + first(
                    "SELECT quote("
                        + q(loss.column())
                        + ") FROM "
                        + q(loss.table())
                        + " WHERE "
                        + outside));
  }

  private static String columnNames(DataLoss.DuplicatesRejected loss) {
    return loss.values().stream().map(v -> v.column().name()).collect(Collectors.joining(", "));
  }

  private static String storageClasses(SqlType type) {
    return SqlTypeConversion.storageClasses(type).stream().sorted().map(AffectedRows::literal)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private void createProbe(String columns) throws SQLException {
    dropProbe();
    exec("CREATE TEMP TABLE " + SqliteDdl.quote("__nanoka_probe") + " (" + columns + ")");
  }

  private void dropProbe() throws SQLException {
    exec("DROP TABLE IF EXISTS " + PROBE);
  }

  private long rows(String table) throws SQLException {
    return single("SELECT count(*) FROM " + q(table));
  }

  private long count(String table, String condition) throws SQLException {
    return single("SELECT count(*) FROM " + q(table) + " WHERE " + condition);
  }

  private long countProbe(String condition) throws SQLException {
    return single("SELECT count(*) FROM " + PROBE + " WHERE " + condition);
  }

  private long single(String sql) throws SQLException {
    return single(connection, sql);
  }

  private String first(String sql) throws SQLException {
    return first(connection, sql);
  }

  /** The first column of the first row, as a number; shared with PostgresAffectedRows. */
  static long single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /** The first row's value, shortened: an example for a message. */
  static String first(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql + " LIMIT 1")) {
      String shown = rows.next() ? String.valueOf(rows.getString(1)) : "";
      return shown.length() > 80 ? shown.substring(0, 77) + "..." : shown;
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Optional<String> when(long affected, String line) {
    return affected > 0 ? Optional.of(line) : Optional.empty();
  }

  /** A line that needs another query (an example), built only when rows are affected. */
  @FunctionalInterface
  private interface Line {
    String get() throws SQLException;
  }

  private static Optional<String> when(long affected, Line line) throws SQLException {
    return affected > 0 ? Optional.of(line.get()) : Optional.empty();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private String q(String name) {
    return quote.apply(name);
  }
}
