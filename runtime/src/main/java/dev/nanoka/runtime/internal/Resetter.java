package dev.nanoka.runtime.internal;

import dev.nanoka.core.sql.SqliteDdl;
import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties a database completely: on SQLite every table (migration history included), view and
 * trigger; on PostgreSQL see {@link PostgresReset}.
 */
public final class Resetter {

  private Resetter() {}

  /**
   * Drops everything in one transaction, under the write lock; returns the dropped objects'
   * names. Each dialect says what that is ({@link Dialect#dropEverything}).
   */
  public static List<String> dropEverything(Connection connection, Dialect dialect,
      Duration lockTimeout) throws SQLException, MigrationException {
    dialect.configure(connection, lockTimeout.toMillis());
    return AtomicScript.underLock(connection, dialect, lockTimeout, "reset", script -> {
      List<String> dropped = new ArrayList<>();
      script.run(dialect.dropEverything(connection, dropped));
      return dropped;
    });
  }

  /** SQLite's: every table, view and trigger, and the AUTOINCREMENT counters. */
  static List<String> statements(Connection connection, List<String> dropped)
      throws SQLException {
    List<String> statements = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT type, name FROM sqlite_master"
            + " WHERE type IN ('view', 'trigger', 'table') AND name NOT LIKE 'sqlite_%'"
            + " ORDER BY CASE type WHEN 'view' THEN 0 WHEN 'trigger' THEN 1 ELSE 2 END, name")) {
      while (rows.next()) {
        String type = rows.getString(1).toUpperCase(java.util.Locale.ROOT);
        statements.add("DROP " + type + " IF EXISTS " + SqliteDdl.quote(rows.getString(2)));
        dropped.add(rows.getString(2));
      }
    }
    boolean hasSequence;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")) {
      hasSequence = rows.next();
    }
    if (hasSequence) {
      statements.add("DELETE FROM sqlite_sequence"); // AUTOINCREMENT counters start over
    }
    return statements;
  }
}
