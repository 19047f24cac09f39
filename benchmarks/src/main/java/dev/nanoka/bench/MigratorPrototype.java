package dev.nanoka.bench;

import dev.nanoka.runtime.migrate.Migration;
import dev.nanoka.runtime.migrate.SqlSplitter;
import dev.nanoka.runtime.migrate.SqliteDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime's per-file apply loop ({@code Migrator.migrate} → {@code AtomicScript.run}) rebuilt
 * step by step from public pieces, with a stopwatch per step, and the variants a fix could take.
 * It exists to explain a missed target with numbers and to try a fix here before proposing it
 * for the runtime (which this module must not change). Writes the same history rows.
 */
public final class MigratorPrototype {

  /** How files are grouped into transactions. */
  public enum Mode {
    /** As the runtime does today: per file foreign keys off, BEGIN IMMEDIATE … COMMIT. */
    PER_FILE,
    /** One BEGIN IMMEDIATE … COMMIT for the run, a SAVEPOINT per file for per-file atomicity. */
    ONE_TRANSACTION
  }

  /** Which per-file checks run. */
  public enum Check {
    /** {@code PRAGMA foreign_key_check} over the whole database after every file (today). */
    WHOLE_DATABASE,
    /** None: what the check costs. */
    NONE
  }

  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private final SqliteDialect dialect = new SqliteDialect();

  /** Time spent per step, in milliseconds, in the order steps were first seen. */
  public Map<String, Double> breakdownMillis() {
    Map<String, Double> millis = new LinkedHashMap<>();
    nanos.forEach((step, n) -> millis.put(step, n / 1e6));
    return millis;
  }

  private interface Step<T> {
    T run() throws SQLException;
  }

  private <T> T time(String step, Step<T> work) throws SQLException {
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      nanos.merge(step, System.nanoTime() - start, Long::sum);
    }
  }

  private void exec(Connection connection, String step, String sql) throws SQLException {
    time(step, () -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
      return null;
    });
  }

  /** Applies every migration to a database that has the history tables and none of them applied. */
  public void apply(Connection connection, List<Migration> migrations, Mode mode, Check check)
      throws SQLException {
    dialect.configure(connection, 300_000);
    time("create history tables", () -> {
      try (Statement statement = connection.createStatement()) {
        for (String ddl : dialect.historyTables()) {
          statement.execute(ddl);
        }
      }
      return null;
    });
    if (mode == Mode.ONE_TRANSACTION) {
      foreignKeysOff(connection);
      exec(connection, "BEGIN IMMEDIATE / COMMIT", "BEGIN IMMEDIATE");
    }
    for (Migration migration : migrations) {
      List<String> statements = time("split + checksum (Java)", () -> {
        List<String> split = SqlSplitter.split(migration.sql());
        migration.checksum();
        return split;
      });
      if (mode == Mode.PER_FILE) {
        foreignKeysOff(connection);
        exec(connection, "BEGIN IMMEDIATE / COMMIT", "BEGIN IMMEDIATE");
      } else {
        exec(connection, "SAVEPOINT / RELEASE", "SAVEPOINT nanoka_file");
      }
      time("guard: isApplied", () -> {
        try (PreparedStatement statement =
            connection.prepareStatement("SELECT 1 FROM d1_migrations WHERE name = ?")) {
          statement.setString(1, migration.name());
          try (ResultSet rows = statement.executeQuery()) {
            return rows.next();
          }
        }
      });
      time("the file's statements", () -> {
        try (Statement statement = connection.createStatement()) {
          for (String sql : statements) {
            statement.execute(sql);
          }
        }
        return null;
      });
      if (check == Check.WHOLE_DATABASE) {
        time("PRAGMA foreign_key_check", () -> dialect.foreignKeyViolations(connection));
      }
      time("history rows", () -> {
        try (PreparedStatement statement =
            connection.prepareStatement("INSERT INTO d1_migrations (name) VALUES (?)")) {
          statement.setString(1, migration.name());
          statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(
            "INSERT INTO nanoka_migration_checksums (name, checksum) VALUES (?, ?)"
                + " ON CONFLICT(name) DO UPDATE SET checksum = excluded.checksum")) {
          statement.setString(1, migration.name());
          statement.setString(2, migration.checksum());
          statement.executeUpdate();
        }
        return null;
      });
      if (mode == Mode.PER_FILE) {
        exec(connection, "BEGIN IMMEDIATE / COMMIT", "COMMIT");
      } else {
        exec(connection, "SAVEPOINT / RELEASE", "RELEASE nanoka_file");
      }
    }
    if (mode == Mode.ONE_TRANSACTION) {
      exec(connection, "BEGIN IMMEDIATE / COMMIT", "COMMIT");
    }
  }

  private void foreignKeysOff(Connection connection) throws SQLException {
    time("PRAGMA foreign_keys read + OFF", () -> {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
        rows.next();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA foreign_keys = OFF");
      }
      return null;
    });
  }
}
