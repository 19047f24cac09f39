package dev.nanoka.core.testing;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Real SQLite (sqlite-jdbc, in memory): connections in the three ways migrations get applied. */
public final class SqliteHarness {

  private SqliteHarness() {}

  /** How a migration file is applied. */
  public enum Mode {
    /** The sqlite3 CLI's default: foreign keys not enforced, each statement its own transaction. */
    FK_OFF_AUTOCOMMIT(false, false),
    /**
     * D1's model: foreign keys enforced and every statement of the file in one transaction, where
     * {@code PRAGMA foreign_keys} cannot be changed.
     */
    D1_FK_ON_ONE_TRANSACTION(true, true),
    /** Foreign keys enforced, each statement its own transaction (an app with foreign_keys=ON). */
    FK_ON_AUTOCOMMIT(true, false);

    public final boolean foreignKeys;
    public final boolean oneTransaction;

    Mode(boolean foreignKeys, boolean oneTransaction) {
      this.foreignKeys = foreignKeys;
      this.oneTransaction = oneTransaction;
    }
  }

  public static Connection open(boolean foreignKeys) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
      exec(c, "PRAGMA foreign_keys=" + (foreignKeys ? "ON" : "OFF"));
      if (queryLong(c, "PRAGMA foreign_keys") != (foreignKeys ? 1 : 0)) {
        throw new IllegalStateException("PRAGMA foreign_keys did not take");
      }
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The statements that create {@code schema} in an empty database, as the renderer says them. */
  public static List<String> creation(DatabaseSchema schema) {
    return SqliteMigrationRenderer
        .render(SchemaDiffer.diff(TestSchemas.EMPTY, schema, RenameHints.NONE))
        .stream().map(MigrationStatement::sql).toList();
  }

  public static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Runs every statement; on failure says which one, with {@code context} (seed, file). */
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

  public static long queryLong(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Rows of a query, each as its columns' text joined by {@code |}. */
  public static List<String> query(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          if (i > 1) {
            row.append('|');
          }
          row.append(r.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  /** The user tables (no {@code sqlite_*}), by name. */
  public static List<String> tables(Connection c) throws SQLException {
    return query(c, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  }

  /**
   * What the database says about its tables, as text that compares well in an assertion: per
   * table (by name) {@code table_info} in column order, {@code index_list} sorted by index name
   * (its {@code seq} is creation order, which a migration cannot and need not reproduce) with each
   * index's {@code index_info}, and {@code foreign_key_list} as reported.
   */
  public static String shape(Connection c) throws SQLException {
    StringBuilder out = new StringBuilder();
    for (String table : tables(c)) {
      String q = "'" + table.replace("'", "''") + "'";
      out.append("table ").append(table).append('\n');
      for (String col : query(c, "SELECT cid, name, type, \"notnull\", dflt_value, pk"
          + " FROM pragma_table_info(" + q + ")")) {
        out.append("  column ").append(col).append('\n');
      }
      TreeMap<String, String> indexes = new TreeMap<>();
      for (String idx : query(c, "SELECT name, \"unique\", origin, partial"
          + " FROM pragma_index_list(" + q + ")")) {
        String name = idx.substring(0, idx.indexOf('|'));
        List<String> cols = query(c, "SELECT seqno, name FROM pragma_index_info('"
            + name.replace("'", "''") + "')");
        indexes.put(name, "  index " + idx + " on " + cols + '\n');
      }
      indexes.values().forEach(out::append);
      for (String fk : query(c, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete,"
          + " \"match\" FROM pragma_foreign_key_list(" + q + ")")) {
        out.append("  fk ").append(fk).append('\n');
      }
    }
    return out.toString();
  }

  /** Every row of {@code table} as {@code quote()} of its columns, sorted (a multiset). */
  public static List<String> rows(Connection c, String table, List<String> columns)
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
    List<String> rows = new ArrayList<>(query(c, sql.toString()));
    rows.replaceAll(r -> r.replace('\u0001', '|'));
    rows.sort(null);
    return rows;
  }

  public static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
