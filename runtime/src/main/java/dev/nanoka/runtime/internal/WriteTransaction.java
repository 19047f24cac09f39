package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A transaction holding the database's write lock, with foreign-key enforcement off: table
 * rebuilds need it off, and SQLite honours the switch only outside a transaction, so it is turned
 * off before {@code BEGIN} and back to what it was when the transaction is closed.
 *
 * <p>Scripts run in it one after another, each as one unit inside a savepoint: a script that
 * fails is undone alone, and what ran before it can still be committed. Closing a transaction
 * that was not committed rolls it back. Migrations, push and reset all write through here.
 */
final class WriteTransaction implements AutoCloseable {

  private static final String SAVEPOINT = "nanoka_script";

  /** Work done as part of a script after its statements, e.g. writing the history row. */
  @FunctionalInterface
  interface Finish {
    void run(Connection connection) throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final AutoCloseable foreignKeys;
  private boolean open = true;

  private WriteTransaction(Connection connection, Dialect dialect, AutoCloseable foreignKeys) {
    this.connection = connection;
    this.dialect = dialect;
    this.foreignKeys = foreignKeys;
  }

  /** Turns foreign keys off and takes the write lock, waiting for it as the dialect allows. */
  static WriteTransaction begin(Connection connection, Dialect dialect, Duration lockTimeout)
      throws SQLException, MigrationException {
    AutoCloseable foreignKeys = dialect.foreignKeysOff(connection);
    try {
      dialect.beginLocked(connection);
    } catch (SQLException e) {
      try {
        restore(foreignKeys, null);
      } catch (SQLException restoring) {
        e.addSuppressed(restoring);
      }
      if (dialect.isLockTimeout(e)) {
        throw new MigrationException(MigrationException.Kind.LOCK_TIMEOUT, "Waited "
            + lockTimeout.toSeconds() + " s for the database's write lock: another process is"
            + " migrating or writing. Nothing more was changed. Retry, or allow a longer wait"
            + " (--lock-timeout / Builder.lockTimeout).", e);
      }
      throw e;
    }
    return new WriteTransaction(connection, dialect, foreignKeys);
  }

  /**
   * Runs the statements, checks that no foreign key is left broken, then {@code finish}, as one
   * unit.
   *
   * @param label what runs, for messages, e.g. a file name
   * @param undone what a failure means for the caller, said after it, e.g. "Nothing was
   *     changed."
   * @throws MigrationException naming the failed statement, or the broken keys. The script is
   *     undone and the transaction stays usable — unless the database ended the whole
   *     transaction itself (SQLite does on I/O errors or a full disk), which {@link #isOpen()}
   *     then reports
   */
  void runScript(String label, List<String> statements, String undone, Finish finish)
      throws SQLException, MigrationException {
    dialect.savepoint(connection, SAVEPOINT);
    try {
      WrittenTables written = new WrittenTables();
      try (Statement statement = connection.createStatement()) {
        for (int i = 0; i < statements.size(); i++) {
          try {
            boolean rows = statement.execute(statements.get(i));
            written.ran(statements.get(i), rows ? -1 : statement.getUpdateCount());
          } catch (SQLException e) {
            if (dialect.isReadOnly(e)) { // not the file's fault: no file could run here
              throw Failures.readOnly(label + " was not applied", e);
            }
            throw Failures.statementFailed(label, i + 1, statements.size(),
                statements.get(i), e.getMessage(), undone, e);
          }
        }
      }
      List<String> violations = dialect.foreignKeyViolations(connection, written);
      if (!violations.isEmpty()) {
        throw Failures.foreignKeysBroken(label, violations, undone);
      }
      finish.run(connection);
      dialect.release(connection, SAVEPOINT);
    } catch (SQLException | MigrationException | RuntimeException e) {
      try {
        dialect.rollbackTo(connection, SAVEPOINT);
      } catch (SQLException gone) {
        // The savepoint went with the transaction: the database rolled everything back.
        open = false;
        dialect.rollback(connection);
      }
      throw e;
    }
  }

  /** False once committed, rolled back, or ended by the database after a failed script. */
  boolean isOpen() {
    return open;
  }

  void commit() throws SQLException {
    dialect.commit(connection);
    open = false;
  }

  /** Rolls back what was not committed, and restores foreign-key enforcement. */
  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    if (open) {
      open = false;
      try {
        dialect.rollback(connection);
      } catch (SQLException e) {
        failure = e;
      }
    }
    restore(foreignKeys, failure);
  }

  private static void restore(AutoCloseable foreignKeys, SQLException pending)
      throws SQLException {
    try {
      foreignKeys.close();
    } catch (Exception e) {
      SQLException restoring = new SQLException(
          "could not restore PRAGMA foreign_keys: " + e.getMessage(), e);
      if (pending != null) {
        pending.addSuppressed(restoring);
        throw pending;
      }
      throw restoring;
    }
    if (pending != null) {
      throw pending;
    }
  }
}
