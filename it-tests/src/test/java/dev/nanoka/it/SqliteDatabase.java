package dev.nanoka.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real SQLite database (sqlite-jdbc) that migrations are applied to the way Cloudflare D1
 * applies them: each file in one transaction, with {@code PRAGMA foreign_keys} set before it
 * (inside a transaction SQLite ignores that pragma, as D1 ignores {@code foreign_keys=OFF}).
 */
final class SqliteDatabase implements AutoCloseable {

  /** Tables of the tools, not of the schema: wrangler's history, D1's metadata, SQLite's own. */
  static final String USER_TABLES =
      "type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%'"
          + " ESCAPE '\\' AND name <> 'd1_migrations'";

  private final Connection connection;
  private final String label;

  private SqliteDatabase(Connection connection, String label) {
    this.connection = connection;
    this.label = label;
  }

  static SqliteDatabase open(Path file, String label) throws SQLException {
    return new SqliteDatabase(DriverManager.getConnection("jdbc:sqlite:" + file), label);
  }

  static SqliteDatabase inMemory(String label) throws SQLException {
    return new SqliteDatabase(DriverManager.getConnection("jdbc:sqlite::memory:"), label);
  }

  String label() {
    return label;
  }

  /**
   * Runs the file's statements in one transaction, rolled back on the first failure, which is
   * reported with the statement and the SQLite message. Afterwards the foreign keys must hold.
   */
  void apply(MigrationScript script, boolean foreignKeys) throws SQLException {
    execute(script.name(), script.statements(), foreignKeys);
  }

  /** Runs statements in one transaction with foreign keys on or off, as {@link #apply} does. */
  void execute(String what, List<String> statements, boolean foreignKeys) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
    }
    connection.setAutoCommit(false);
    int index = 0;
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        index++;
        statement.execute(sql);
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw new AssertionError(what + " failed on " + label + " (foreign keys "
          + (foreignKeys ? "ON" : "OFF") + ") at statement " + index + " of " + statements.size()
          + ": " + e.getMessage() + "\n" + statements.get(index - 1), e);
    } finally {
      connection.setAutoCommit(true);
    }
    List<List<String>> violations = query("PRAGMA foreign_key_check");
    if (!violations.isEmpty()) {
      throw new AssertionError("After " + what + ", " + label + " has rows whose foreign keys"
          + " point nowhere (table, rowid, parent, fk id): " + violations);
    }
  }

  /** The rows of a query, every value in {@link DatabaseContent}'s text form. */
  List<List<String>> query(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(DatabaseContent.value(result.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Rows as column → raw JDBC value, for code that needs the values themselves. */
  List<Map<String, Object>> rows(String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The schema's tables (not the tools'), in name order. */
  List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> row :
        rows("SELECT name FROM sqlite_master WHERE " + USER_TABLES + " ORDER BY name")) {
      names.add((String) row.get("name"));
    }
    return names;
  }

  DatabaseContent content() throws SQLException {
    Map<String, DatabaseContent.Table> tables = new TreeMap<>();
    for (String table : tables()) {
      List<String> columns = new ArrayList<>();
      for (Map<String, Object> column : rows("PRAGMA table_info(" + quote(table) + ")")) {
        columns.add((String) column.get("name"));
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (Map<String, Object> row : rows("SELECT * FROM " + quote(table))) {
        Map<String, String> values = new TreeMap<>();
        row.forEach((column, value) -> values.put(column, DatabaseContent.value(value)));
        rows.add(values);
      }
      tables.put(table, new DatabaseContent.Table(columns, rows));
    }
    return new DatabaseContent(tables);
  }

  /** {@code sqlite_master} of the schema's tables and their indexes: the DDL as stored. */
  static final String MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name IN"
      + " (SELECT name FROM sqlite_master WHERE " + USER_TABLES + ") OR (type = 'index' AND"
      + " tbl_name IN (SELECT name FROM sqlite_master WHERE " + USER_TABLES + "))"
      + " ORDER BY type, name";

  List<List<String>> master() throws SQLException {
    return query(MASTER);
  }

  /** The AUTOINCREMENT high-water marks of the schema's tables: name, seq. */
  static final String SEQUENCES = "SELECT name, seq FROM sqlite_sequence WHERE name IN"
      + " (SELECT name FROM sqlite_master WHERE " + USER_TABLES + ") ORDER BY name";

  /** Table → its {@code sqlite_sequence} value, as text; SQLite creates the table on demand. */
  Map<String, String> sequences() throws SQLException {
    if (rows("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").isEmpty()) {
      return Map.of();
    }
    return DatabaseContent.sequences(query(SEQUENCES));
  }

  /**
   * The schema as SQLite reports it, one line per fact, in a stable order: per table its
   * columns by name ({@code PRAGMA table_info}: ALTER TABLE ADD appends, so position is not
   * compared), whether it has AUTOINCREMENT, its indexes ({@code index_list}, {@code index_info};
   * automatic indexes named by what they serve) and foreign keys ({@code foreign_key_list}).
   */
  String describeSchema() throws SQLException {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> table : rows("SELECT name, sql FROM sqlite_master WHERE "
        + USER_TABLES + " ORDER BY name")) {
      String name = (String) table.get("name");
      String sql = String.valueOf(table.get("sql")).toUpperCase(Locale.ROOT);
      out.append("table ").append(name)
          .append(sql.contains("AUTOINCREMENT") ? " AUTOINCREMENT" : "").append('\n');
      List<String> lines = new ArrayList<>();
      for (Map<String, Object> c : rows("PRAGMA table_info(" + quote(name) + ")")) {
        lines.add("  column " + c.get("name") + " " + c.get("type")
            + (((Number) c.get("notnull")).intValue() == 1 ? " NOT NULL" : "")
            + (c.get("dflt_value") == null ? "" : " DEFAULT " + c.get("dflt_value"))
            + (((Number) c.get("pk")).intValue() > 0 ? " PRIMARY KEY #" + c.get("pk") : ""));
      }
      for (Map<String, Object> index : rows("PRAGMA index_list(" + quote(name) + ")")) {
        String indexName = (String) index.get("name");
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> c : rows("PRAGMA index_info(" + quote(indexName) + ")")) {
          columns.add((String) c.get("name"));
        }
        String origin = (String) index.get("origin");
        lines.add("  index " + ("c".equals(origin) ? indexName : "(automatic, " + origin + ")")
            + " on " + columns
            + (((Number) index.get("unique")).intValue() == 1 ? " UNIQUE" : "")
            + (((Number) index.get("partial")).intValue() == 1 ? " PARTIAL" : ""));
      }
      Map<Integer, List<Map<String, Object>>> keys = new TreeMap<>();
      for (Map<String, Object> part : rows("PRAGMA foreign_key_list(" + quote(name) + ")")) {
        keys.computeIfAbsent(((Number) part.get("id")).intValue(), k -> new ArrayList<>())
            .add(part);
      }
      for (List<Map<String, Object>> key : keys.values()) {
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        key.forEach(part -> {
          from.add((String) part.get("from"));
          to.add(String.valueOf(part.get("to")));
        });
        Map<String, Object> first = key.get(0);
        lines.add("  foreign key " + from + " references " + first.get("table") + to
            + " on update " + first.get("on_update") + " on delete " + first.get("on_delete")
            + " match " + first.get("match"));
      }
      lines.sort(null);
      lines.forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
