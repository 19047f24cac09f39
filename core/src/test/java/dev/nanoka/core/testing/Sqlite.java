package dev.nanoka.core.testing;

import static dev.nanoka.core.sql.SqliteDdl.quote;

import dev.nanoka.core.schema.DatabaseSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Real SQLite for the tests of every module (sqlite-jdbc, a file or {@code :memory:}; nothing is
 * mocked): connections, statements, and what a test reads back — rows, table names, wrangler's
 * history, whole-database dumps and shapes. The methods taking a {@link Path} open the file for
 * that one call.
 */
public final class Sqlite {

  /** wrangler 4.x's statement creating its history table, character for character. */
  public static final String WRANGLER_HISTORY_TABLE = "CREATE TABLE IF NOT EXISTS d1_migrations(\n"
      + "\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n"
      + "\t\tname       TEXT UNIQUE,\n"
      + "\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n"
      + ");";

  private Sqlite() {}

  // ---------------------------------------------------------------- connections

  public static String url(Path database) {
    return "jdbc:sqlite:" + database;
  }

  public static Connection open(Path database) throws SQLException {
    return open(url(database));
  }

  public static Connection open(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** An empty in-memory database, foreign keys as sqlite-jdbc leaves them (off). */
  public static Connection memory() throws SQLException {
    return open("jdbc:sqlite::memory:");
  }

  /** An empty in-memory database with foreign key enforcement on or off, checked. */
  public static Connection memory(boolean foreignKeys) {
    try {
      Connection c = memory();
      exec(c, "PRAGMA foreign_keys=" + (foreignKeys ? "ON" : "OFF"));
      if (longValue(c, "PRAGMA foreign_keys") != (foreignKeys ? 1 : 0)) {
        throw new IllegalStateException("PRAGMA foreign_keys did not take");
      }
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- statements

  public static void exec(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Runs statements, each in its own autocommit transaction. */
  public static void exec(Path database, String... statements) throws SQLException {
    try (Connection connection = open(database)) {
      exec(connection, statements);
    }
  }

  /**
   * Runs every statement, in one transaction or each in its own; on failure says which one, with
   * {@code context} (seed, file).
   */
  public static void applyAll(Connection c, List<String> statements, boolean oneTransaction,
      String context) {
    int i = 0;
    try {
      if (oneTransaction) {
        c.setAutoCommit(false);
      }
      for (; i < statements.size(); i++) {
        exec(c, statements.get(i));
      }
      if (oneTransaction) {
        c.commit();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new AssertionError(context + "\nstatement " + (i + 1) + " of " + statements.size()
          + " failed: " + e.getMessage() + "\n" + statements.get(i), e);
    }
  }

  /** Creates {@code schema} with the renderer's statements, as a first migration would. */
  public static void create(Connection connection, DatabaseSchema schema) throws SQLException {
    for (String statement : Migrations.creation(schema)) {
      exec(connection, statement);
    }
  }

  // ---------------------------------------------------------------- reading

  /** Every row of a query, its columns' values as text joined by {@code |} (NULL as "null"). */
  public static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : "|").append(rows.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  /** The first column of every row, as text (NULL as null). */
  public static List<String> column(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  public static List<String> column(Path database, String sql) throws SQLException {
    try (Connection connection = open(database)) {
      return column(connection, sql);
    }
  }

  /** The first column of the first row, e.g. of {@code SELECT count(*) …}. */
  public static long longValue(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  public static long longValue(Path database, String sql) throws SQLException {
    try (Connection connection = open(database)) {
      return longValue(connection, sql);
    }
  }

  /** The number of rows in {@code table}. */
  public static long count(Connection connection, String table) throws SQLException {
    return longValue(connection, "SELECT count(*) FROM " + quote(table));
  }

  /** The user tables (no {@code sqlite_*}), by name. */
  public static List<String> tableNames(Connection connection) throws SQLException {
    return column(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  }

  public static boolean tableExists(Path database, String table) throws SQLException {
    return longValue(database, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        + " AND name = '" + table.replace("'", "''") + "'") == 1;
  }

  /** The names in wrangler's history, in the order they were applied. */
  public static List<String> history(Path database) throws SQLException {
    return tableExists(database, "d1_migrations")
        ? column(database, "SELECT name FROM d1_migrations ORDER BY id")
        : List.of();
  }

  public static String integrityCheck(Path database) throws SQLException {
    return String.join("; ", column(database, "PRAGMA integrity_check"));
  }

  /**
   * Every row of {@code table} as {@code quote()} of its columns joined by {@code |}, sorted: a
   * multiset that compares storage classes too ({@code 1} is not {@code '1'}).
   */
  public static List<String> quotedRows(Connection c, String table, List<String> columns)
      throws SQLException {
    if (columns.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : " || char(1) || ").append("quote(")
          .append(quote(columns.get(i))).append(')');
    }
    sql.append(" FROM ").append(quote(table));
    List<String> rows = new ArrayList<>(rows(c, sql.toString()));
    rows.replaceAll(r -> r.replace('\u0001', '|'));
    rows.sort(null);
    return rows;
  }

  /**
   * The whole database as text: every object's SQL and every row of every table, so a test can
   * assert that nothing at all changed.
   */
  public static String dump(Connection connection) throws SQLException {
    StringBuilder out = new StringBuilder();
    out.append(rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master"
        + " ORDER BY type, name")).append('\n');
    for (String table : column(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " ORDER BY name")) {
      out.append("-- rows of ").append(table).append('\n');
      for (String row : rows(connection, "SELECT * FROM " + quote(table) + " ORDER BY rowid")) {
        out.append(row).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * What the database says about its tables, as text that compares well in an assertion: per
   * table (by name) {@code table_info} in column order, {@code index_list} sorted by index name
   * (its {@code seq} is creation order, which a migration cannot and need not reproduce) with each
   * index's {@code index_info}, {@code foreign_key_list} as reported, and the table's triggers
   * (name and text).
   */
  public static String shape(Connection c) throws SQLException {
    StringBuilder out = new StringBuilder();
    for (String table : tableNames(c)) {
      String q = literal(table);
      out.append("table ").append(table).append('\n');
      for (String col : rows(c, "SELECT cid, name, type, \"notnull\", dflt_value, pk"
          + " FROM pragma_table_info(" + q + ")")) {
        out.append("  column ").append(col).append('\n');
      }
      TreeMap<String, String> indexes = new TreeMap<>();
      for (String idx : rows(c, "SELECT name, \"unique\", origin, partial"
          + " FROM pragma_index_list(" + q + ")")) {
        String name = idx.substring(0, idx.indexOf('|'));
        List<String> cols = rows(c, "SELECT seqno, name FROM pragma_index_info("
            + literal(name) + ")");
        indexes.put(name, "  index " + idx + " on " + cols + '\n');
      }
      indexes.values().forEach(out::append);
      for (String fk : rows(c, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete,"
          + " \"match\" FROM pragma_foreign_key_list(" + q + ")")) {
        out.append("  fk ").append(fk).append('\n');
      }
      for (String trigger : rows(c, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
          + " AND tbl_name = " + q + " ORDER BY name")) {
        out.append("  trigger ").append(trigger).append('\n');
      }
    }
    return out.toString();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
