package dev.nanoka.runtime.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Runs a list of statements as one unit: the database's write lock taken, foreign keys off
 * (table rebuilds need it), every statement run, {@code foreign_key_check} clean, then commit — or
 * rollback and an exception naming the statement. Push and reset go through here; migrations
 * use the same transaction ({@link WriteTransaction}) for several files at once.
 */
public final class AtomicScript {

  private AtomicScript() {}

  /**
   * Runs the statements.
   *
   * @param label what is run, for messages, e.g. {@code push}
   */
  public static void run(Connection connection, Dialect dialect, Duration lockTimeout,
      String label, List<String> statements) throws SQLException, MigrationException {
    try (WriteTransaction transaction = WriteTransaction.begin(connection, dialect, lockTimeout)) {
      transaction.runScript(label, statements, c -> { });
      transaction.commit();
    }
  }
}
