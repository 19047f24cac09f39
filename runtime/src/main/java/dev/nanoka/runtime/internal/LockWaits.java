package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The lock timeout of one operation as one deadline. The database bounds each statement's wait
 * for another connection's lock on its own (SQLite's busy_timeout), so an operation that reads
 * the history, checks drift and then takes the write lock could wait the whole timeout once per
 * statement. Here every wait until the write lock is held shares what is left of one timeout.
 * Once the lock is held (a commit may wait for readers) and after each commit, it starts over:
 * the next wait is a new one, not the remains of a wait that ended in success.
 */
final class LockWaits {

  private final Connection connection;
  private final Dialect dialect;
  private final Duration timeout;
  private long deadline;

  /** Starts the clock; the connection waits the full timeout until told otherwise. */
  LockWaits(Connection connection, Dialect dialect, Duration timeout) {
    this.connection = connection;
    this.dialect = dialect;
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  /** Before a statement that may wait for another connection: it may wait what is left. */
  void next() throws SQLException {
    long left = Math.max(0, deadline - System.nanoTime());
    dialect.waitForLocks(connection, Duration.ofNanos(left).toMillis());
  }

  /** Takes the write lock within what is left; holding it, waits get the full timeout again. */
  WriteTransaction begin() throws SQLException, MigrationException {
    next();
    WriteTransaction transaction = WriteTransaction.begin(connection, dialect, timeout);
    try {
      restart();
    } catch (SQLException e) {
      try {
        transaction.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return transaction;
  }

  /** Commits, releasing the lock: the next wait for it gets the full timeout. */
  void commit(WriteTransaction transaction) throws SQLException {
    transaction.commit();
    restart();
  }

  private void restart() throws SQLException {
    deadline = System.nanoTime() + timeout.toNanos();
    dialect.waitForLocks(connection, timeout.toMillis());
  }

  /** Work done with the write lock held, committed at the end. */
  @FunctionalInterface
  interface SqlWork {
    void run() throws SQLException, MigrationException;
  }

  /** Runs the work in a write transaction of its own. */
  void inLock(SqlWork work) throws SQLException, MigrationException {
    try (WriteTransaction transaction = begin()) {
      work.run();
      commit(transaction);
    }
  }
}
