package dev.nanoka.runtime;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Real SQLite for the prototyping tests: connections, statements, and whole-database dumps. */
public final class Sqlite {

  private Sqlite() {}

  public static Connection memory() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite::memory:");
  }

  public static Connection open(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  public static void exec(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The statements that create {@code schema} in an empty database, as a migration renders them. */
  public static List<MigrationStatement> createStatements(DatabaseSchema schema) {
    return SqliteMigrationRenderer.render(
        SchemaDiffer.diff(new DatabaseSchema(List.of()), schema, RenameHints.NONE));
  }

  /** A migration file creating {@code schema}, in drizzle-kit's layout. */
  public static String migrationFile(DatabaseSchema from, DatabaseSchema to) {
    return StatementBreakpoints.join(
        SqliteMigrationRenderer.render(SchemaDiffer.diff(from, to, RenameHints.NONE)));
  }

  /** Creates {@code schema} with the renderer's CREATE statements. */
  public static void create(Connection connection, DatabaseSchema schema) throws SQLException {
    for (MigrationStatement statement : createStatements(schema)) {
      exec(connection, statement.sql());
    }
  }

  public static long count(Connection connection, String table) throws SQLException {
    return longValue(connection, "SELECT count(*) FROM `" + table + "`");
  }

  public static long longValue(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Every row of a query, its columns' values as text joined by {@code |}. */
  public static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      while (rows.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String value = rows.getString(i);
          values.add(value == null ? "null" : value);
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  public static List<String> tableNames(Connection connection) throws SQLException {
    return rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite_%' ORDER BY name");
  }

  /**
   * The whole database as text: every object's SQL and every row of every table, so a test can
   * assert that nothing at all changed.
   */
  public static String dump(Connection connection) throws SQLException {
    StringBuilder out = new StringBuilder();
    List<String> tables = new ArrayList<>();
    out.append(rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master"
        + " ORDER BY type, name")).append('\n');
    tables.addAll(rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " ORDER BY name"));
    for (String table : tables) {
      out.append("-- rows of ").append(table).append('\n');
      for (String row : rows(connection, "SELECT * FROM `" + table + "` ORDER BY rowid")) {
        out.append(row).append('\n');
      }
    }
    return out.toString();
  }
}
