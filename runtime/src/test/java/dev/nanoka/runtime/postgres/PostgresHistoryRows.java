package dev.nanoka.runtime.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the tests read back from a PostgreSQL database. */
public final class PostgresHistoryRows {

  private PostgresHistoryRows() {}

  /** drizzle's rows as {@code created_at:hash}, in the order written; empty without the table. */
  public static List<String> drizzleRows(PostgresDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      if (!exists(c, "drizzle.__drizzle_migrations")) {
        return List.of();
      }
      return strings(c, "SELECT created_at || ':' || hash FROM drizzle.__drizzle_migrations"
          + " ORDER BY id");
    }
  }

  /** The tables of schema public, sorted. */
  public static List<String> tables(PostgresDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      return strings(c, "SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = 'public' ORDER BY table_name");
    }
  }

  /** The columns of a table of schema public, in order. */
  public static List<String> columns(PostgresDatabase db, String table) throws SQLException {
    try (Connection c = db.connect()) {
      return strings(c, "SELECT column_name FROM information_schema.columns"
          + " WHERE table_schema = 'public' AND table_name = '" + table + "' ORDER BY"
          + " ordinal_position");
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
      return rows.next() && rows.getBoolean(1);
    }
  }

  public static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }
}
