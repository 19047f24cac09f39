package dev.nanoka.runtime.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Runs a list of statements as one unit: foreign keys off (table rebuilds need it, and SQLite
 * only honours the change outside a transaction), the database's write lock taken, every
 * statement run, {@code foreign_key_check} clean, then commit — or rollback and an exception
 * naming the statement. Migrations and push both go through here.
 */
public final class AtomicScript {

  /** Decides under the lock whether to go on (e.g. "not applied by another process yet"). */
  @FunctionalInterface
  public interface Guard {
    boolean proceed(Connection connection) throws SQLException;
  }

  /** Work done under the lock after the statements, before commit (e.g. the history row). */
  @FunctionalInterface
  public interface Finish {
    void run(Connection connection) throws SQLException;
  }

  private AtomicScript() {}

  /**
   * Runs the statements; false when the guard said no (nothing was run).
   *
   * @param label what is run, for messages, e.g. a file name
   */
  public static boolean run(Connection connection, Dialect dialect, Duration lockTimeout,
      String label, List<String> statements, Guard guard, Finish finish)
      throws SQLException, MigrationException {
    try (AutoCloseable restore = dialect.foreignKeysOff(connection)) {
      begin(connection, dialect, lockTimeout);
      try {
        if (!guard.proceed(connection)) {
          dialect.commit(connection);
          return false;
        }
        try (Statement statement = connection.createStatement()) {
          for (int i = 0; i < statements.size(); i++) {
            try {
              statement.execute(statements.get(i));
            } catch (SQLException e) {
              throw MigrationException.statementFailed(label, i + 1, statements.size(),
                  statements.get(i), e.getMessage(), e);
            }
          }
        }
        List<String> violations = dialect.foreignKeyViolations(connection);
        if (!violations.isEmpty()) {
          throw MigrationException.foreignKeysBroken(label, violations);
        }
        finish.run(connection);
        dialect.commit(connection);
        return true;
      } catch (SQLException | MigrationException | RuntimeException e) {
        dialect.rollback(connection);
        throw e;
      }
    } catch (SQLException | MigrationException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SQLException("could not restore PRAGMA foreign_keys: " + e.getMessage(), e);
    }
  }

  /** Takes the write lock, turning a timeout into a clear message. */
  static void begin(Connection connection, Dialect dialect, Duration lockTimeout)
      throws SQLException, MigrationException {
    try {
      dialect.beginLocked(connection);
    } catch (SQLException e) {
      if (dialect.isLockTimeout(e)) {
        throw new MigrationException(MigrationException.Kind.LOCK_TIMEOUT, "Waited "
            + lockTimeout.toSeconds() + " s for the database's write lock: another process is"
            + " migrating or writing. Nothing was changed by this run. Retry, or allow a longer"
            + " wait (--lock-timeout / Builder.lockTimeout).", e);
      }
      throw e;
    }
  }
}
