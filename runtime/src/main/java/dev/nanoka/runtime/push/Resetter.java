package dev.nanoka.runtime.push;

import dev.nanoka.runtime.migrate.AtomicScript;
import dev.nanoka.runtime.migrate.MigrationException;
import dev.nanoka.runtime.migrate.SqliteDialect;
import dev.nanoka.runtime.sql.SqliteDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Empties a database completely: every table (migration history included), view and trigger. */
public final class Resetter {

  private Resetter() {}

  /** Drops everything in one transaction; returns the dropped objects' names. */
  public static List<String> dropEverything(Connection connection, Duration lockTimeout)
      throws SQLException, MigrationException {
    SqliteDialect dialect = new SqliteDialect();
    dialect.configure(connection, lockTimeout.toMillis());
    List<String> statements = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
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
    AtomicScript.run(connection, dialect, lockTimeout, "reset", statements);
    return dropped;
  }
}
