package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * SQLite. The lock is SQLite's own: {@code BEGIN IMMEDIATE} takes the write lock, other
 * processes wait for it up to {@code busy_timeout}, and a process that dies releases it — no lock
 * row that could outlive its owner.
 */
public final class SqliteDialect implements Dialect {

  /** It keeps no state: one serves every connection. */
  public static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {}

  @Override
  public DatabaseSchema introspect(Connection connection) throws SQLException {
    return SqliteIntrospector.read(connection);
  }

  @Override
  public List<MigrationStatement> render(SchemaDiff diff, DatabaseSchema to) {
    return SqliteMigrationRenderer.render(diff);
  }

  /** An in-memory SQLite database ({@link ShadowDatabase}); the live one is not touched. */
  @Override
  public DatabaseSchema replay(Connection connection, List<Migration> migrations)
      throws MigrationException {
    return ShadowDatabase.replay(migrations);
  }

  @Override
  public LossCounter lossCounter(Connection connection, DatabaseSchema database) {
    return new AffectedRows(connection, database);
  }

  @Override
  public List<String> dropEverything(Connection connection, List<String> dropped)
      throws SQLException {
    return Resetter.statements(connection, dropped);
  }

  @Override
  public void configure(Connection connection, long lockTimeoutMillis) throws SQLException {
    connection.setAutoCommit(true);
    waitForLocks(connection, lockTimeoutMillis);
  }

  @Override
  public void waitForLocks(Connection connection, long millis) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + millis);
    }
  }

  @Override
  public void beginLocked(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
    }
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("COMMIT");
    }
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      // No transaction was open (SQLite rolls back itself on some errors): nothing to undo.
    }
  }

  @Override
  public AutoCloseable foreignKeysOff(Connection connection) throws SQLException {
    boolean wasOn;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
      wasOn = rows.next() && rows.getInt(1) == 1;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA foreign_keys = OFF");
    }
    return () -> {
      if (wasOn) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("PRAGMA foreign_keys = ON");
        }
      }
    };
  }

  /**
   * {@code PRAGMA foreign_key_check} of the tables written and of the tables referencing them
   * (by the schema as the script left it); of every table when the script did something
   * {@link WrittenTables} cannot follow, or when the database has triggers (they write tables
   * their statements do not name).
   */
  @Override
  public List<String> foreignKeyViolations(Connection connection, WrittenTables written)
      throws SQLException {
    if (written.everything() || hasTriggers(connection)) {
      return violations(connection, "PRAGMA foreign_key_check");
    }
    Set<String> checked = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT m.name, f.\"table\" FROM sqlite_master"
            + " AS m LEFT JOIN pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table'")) {
      while (rows.next()) {
        String parent = rows.getString(2);
        if (written.tables().contains(rows.getString(1))
            || parent != null && written.tables().contains(parent)) {
          checked.add(rows.getString(1));
        }
      }
    }
    List<String> violations = new ArrayList<>();
    for (String table : checked) {
      violations.addAll(violations(connection,
          "PRAGMA foreign_key_check(" + literal(table) + ")"));
    }
    return violations.subList(0, Math.min(violations.size(), 10));
  }

  private static List<String> violations(Connection connection, String check)
      throws SQLException {
    List<String> violations = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(check)) {
      while (rows.next() && violations.size() < 10) {
        violations.add("row " + rows.getLong(2) + " of " + rows.getString(1)
            + " references a missing row of " + rows.getString(3));
      }
    }
    return violations;
  }

  private static boolean hasTriggers(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1 FROM sqlite_master WHERE type ="
            + " 'trigger' UNION ALL SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger'")) {
      return rows.next();
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public boolean isLockTimeout(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("SQLITE_BUSY") || message.contains("database is locked");
  }

  /** SQLITE_READONLY and its extended codes, e.g. SQLITE_READONLY_DIRECTORY (no journal). */
  @Override
  public boolean isReadOnly(SQLException e) {
    return String.valueOf(e.getMessage()).contains("SQLITE_READONLY");
  }

  @Override
  public List<String> historyTables() {
    return List.of(
        // Exactly wrangler's table, so both tools agree on what is applied.
        "CREATE TABLE IF NOT EXISTS d1_migrations(\n"
            + "\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            + "\t\tname       TEXT UNIQUE,\n"
            + "\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n)",
        // Ours beside it: wrangler neither knows nor minds.
        "CREATE TABLE IF NOT EXISTS nanoka_migration_checksums(\n"
            + "\tname TEXT PRIMARY KEY NOT NULL,\n"
            + "\tchecksum TEXT NOT NULL\n)");
  }
}
