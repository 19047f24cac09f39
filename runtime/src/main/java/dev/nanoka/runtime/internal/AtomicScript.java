package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Work that reads, decides and writes as one unit under the database's write lock: foreign keys
 * off (table rebuilds need it), the statements run with {@code foreign_key_check} clean, then
 * commit — or rollback and an exception naming the statement. Push and reset go through here;
 * migrations use the same transaction ({@link WriteTransaction}) for several files at once.
 */
public final class AtomicScript {

  private AtomicScript() {}

  /** Statements run as one unit inside the transaction, undone alone when one fails. */
  @FunctionalInterface
  public interface Script {
    void run(List<String> statements) throws SQLException, MigrationException;
  }

  /**
   * Work that reads, decides and writes under the lock.
   *
   * @param <X> what the work may throw to refuse; the transaction is rolled back then
   */
  @FunctionalInterface
  public interface LockedWork<T, X extends Exception> {
    T run(Script script) throws SQLException, MigrationException, X;
  }

  /**
   * Takes the write lock, then runs {@code work}, which reads what it needs and runs its
   * statements through the script it is given; commits when the work returns, rolls everything
   * back when it throws. Whatever the work reads is what it changes: no other writer can come in
   * between.
   *
   * @param label what is run, for messages, e.g. {@code push}
   */
  public static <T, X extends Exception> T underLock(Connection connection, Dialect dialect,
      Duration lockTimeout, String label, LockedWork<T, X> work)
      throws SQLException, MigrationException, X {
    try (WriteTransaction transaction = WriteTransaction.begin(connection, dialect, lockTimeout)) {
      T result = work.run(statements -> transaction.runScript(label, statements,
          "It was rolled back: nothing was changed.", c -> { }));
      transaction.commit();
      return result;
    }
  }
}
