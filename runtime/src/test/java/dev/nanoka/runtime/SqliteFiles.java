package dev.nanoka.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Real SQLite database files and migration folders for the tests; nothing is mocked. */
public final class SqliteFiles {

  private SqliteFiles() {}

  /** wrangler 4.x's statement creating its history table, character for character. */
  public static final String WRANGLER_HISTORY_TABLE = "CREATE TABLE IF NOT EXISTS d1_migrations(\n"
      + "\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n"
      + "\t\tname       TEXT UNIQUE,\n"
      + "\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n"
      + ");";

  public static String url(Path database) {
    return "jdbc:sqlite:" + database;
  }

  public static Connection open(Path database) throws SQLException {
    return DriverManager.getConnection(url(database));
  }

  /** Writes a migration file (UTF-8, the text exactly as given) and returns its path. */
  public static Path write(Path dir, String name, String sql) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs statements, each in its own autocommit transaction. */
  public static void exec(Path database, String... statements) throws SQLException {
    try (Connection connection = open(database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The first column of every row, as text. */
  public static List<String> column(Path database, String query) throws SQLException {
    try (Connection connection = open(database)) {
      return column(connection, query);
    }
  }

  public static List<String> column(Connection connection, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  public static long count(Path database, String query) throws SQLException {
    return Long.parseLong(column(database, query).get(0));
  }

  public static boolean tableExists(Path database, String table) throws SQLException {
    return count(database, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"
        + table.replace("'", "''") + "'") == 1;
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
}
