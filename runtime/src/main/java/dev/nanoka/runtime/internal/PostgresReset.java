package dev.nanoka.runtime.internal;

import dev.nanoka.core.sql.postgres.PostgresDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code reset} drops on PostgreSQL: every object of schema {@code public} — views,
 * materialized views, tables (with their indexes, constraints and owned sequences), other
 * sequences, types (enums, domains, composites) and routines — except those an extension
 * installed (the extension stays), and the two history tables in schema {@code drizzle}
 * (drizzle's and Nanoka's, so both tools start over). Schema {@code public} itself, its owner and
 * grants stay; other schemas are not touched.
 */
final class PostgresReset {

  private PostgresReset() {}

  static List<String> statements(Connection connection, List<String> dropped)
      throws SQLException {
    List<String> statements = new ArrayList<>();
    String notExtension = " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid"
        + " AND d.deptype = 'e')";
    query(connection, "SELECT CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN"
        + " 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, o.relname"
        + " FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace"
        + " WHERE n.nspname = 'public' AND o.relkind IN ('v', 'm', 'r', 'p', 'S')"
        + " AND NOT (o.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid"
        + " AND d.deptype IN ('a', 'i')))" + notExtension
        + " ORDER BY CASE o.relkind WHEN 'v' THEN 0 WHEN 'm' THEN 1 WHEN 'S' THEN 3 ELSE 2 END,"
        + " o.relname", statements, dropped);
    query(connection, "SELECT 'TYPE', o.typname FROM pg_type o"
        + " JOIN pg_namespace n ON n.oid = o.typnamespace WHERE n.nspname = 'public'"
        + " AND o.typtype IN ('e', 'd', 'c', 'r') AND (o.typtype <> 'c' OR (SELECT relkind"
        + " FROM pg_class WHERE oid = o.typrelid) = 'c')" + notExtension + " ORDER BY o.typname",
        statements, dropped);
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT CASE o.prokind WHEN 'p' THEN 'PROCEDURE'"
            + " WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, o.oid::regprocedure::text,"
            + " o.proname FROM pg_proc o JOIN pg_namespace n ON n.oid = o.pronamespace"
            + " WHERE n.nspname = 'public'" + notExtension + " ORDER BY o.proname")) {
      while (rows.next()) {
        // regprocedure's text is the routine's quoted name with its argument types
        statements.add("DROP " + rows.getString(1) + " IF EXISTS " + rows.getString(2)
            + " CASCADE");
        dropped.add(rows.getString(3));
      }
    }
    for (String history : List.of(PostgresHistory.TABLE, PostgresHistory.CHECKSUMS)) {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT to_regclass('" + history + "') IS NOT NULL")) {
        if (rows.next() && rows.getBoolean(1)) {
          statements.add("DROP TABLE IF EXISTS " + history);
          dropped.add(history.replace("\"", ""));
        }
      }
    }
    return statements;
  }

  private static void query(Connection connection, String sql, List<String> statements,
      List<String> dropped) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        statements.add("DROP " + rows.getString(1) + " IF EXISTS "
            + PostgresDdl.quote("public") + "." + PostgresDdl.quote(rows.getString(2))
            + " CASCADE");
        dropped.add(rows.getString(2));
      }
    }
  }
}
