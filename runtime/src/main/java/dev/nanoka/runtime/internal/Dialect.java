package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between databases, in one place: reading a live schema, saying a
 * diff in SQL, the history tables, the lock and the transaction around each script, splitting a
 * file. {@link SqliteDialect} and {@link PostgresDialect} have it all. {@link Dialects} picks one.
 */
public interface Dialect {

  /** The live database's schema, in the model the processor builds from the records. */
  DatabaseSchema introspect(Connection connection) throws SQLException;

  /**
   * The statements that apply the diff to a database holding its old schema; {@code to} is the
   * schema the diff leads to (PostgreSQL's enum types live beside the tables, not in the diff).
   */
  List<MigrationStatement> render(SchemaDiff diff, DatabaseSchema to);

  /**
   * The schema the migrations produce, replayed into an empty schema nothing else sees;
   * {@code connection} is the live database's, which a dialect may use for it (and leaves as it
   * was).
   */
  DatabaseSchema replay(Connection connection, List<Migration> migrations)
      throws SQLException, MigrationException;

  /**
   * Counts the rows a data loss affects in this database, which holds {@code database} (the
   * schema the losses were computed from).
   */
  LossCounter lossCounter(Connection connection, DatabaseSchema database);

  /**
   * The statements that drop everything {@code reset} drops (the schema's objects and the
   * migration history), adding the dropped objects' names to {@code dropped}.
   */
  List<String> dropEverything(Connection connection, List<String> dropped) throws SQLException;

  /** Prepares a fresh connection: lock wait time, and anything else the dialect needs. */
  void configure(Connection connection, long lockTimeoutMillis) throws SQLException;

  /** How long each following statement may wait for another connection's lock before failing. */
  void waitForLocks(Connection connection, long millis) throws SQLException;

  /** Starts a transaction that holds the database's write lock until commit or rollback. */
  void beginLocked(Connection connection) throws SQLException;

  void commit(Connection connection) throws SQLException;

  void rollback(Connection connection) throws SQLException;

  /** Marks a point inside the transaction that {@link #rollbackTo} can return to. */
  default void savepoint(Connection connection, String name) throws SQLException {
    execute(connection, "SAVEPOINT " + name);
  }

  /** Forgets a savepoint, keeping what was done since. */
  default void release(Connection connection, String name) throws SQLException {
    execute(connection, "RELEASE SAVEPOINT " + name);
  }

  /**
   * Undoes what was done since the savepoint and forgets it; the transaction stays open. Throws
   * when the database already ended the transaction (SQLite does on I/O errors or a full disk).
   */
  default void rollbackTo(Connection connection, String name) throws SQLException {
    execute(connection, "ROLLBACK TO SAVEPOINT " + name);
    release(connection, name);
  }

  /**
   * Turns foreign key enforcement off for the next transaction and returns a handle that turns
   * it back to what it was. Table rebuilds need it off; SQLite only honours the change outside a
   * transaction.
   */
  AutoCloseable foreignKeysOff(Connection connection) throws SQLException;

  /**
   * Foreign key violations a script that ran with enforcement off can have left, described;
   * empty when none. A dialect may read only the tables {@code written} names and those that
   * reference them; it reads the whole database when {@code written} says so.
   */
  List<String> foreignKeyViolations(Connection connection, WrittenTables written)
      throws SQLException;

  /** Whether the exception means the lock could not be had in time. */
  boolean isLockTimeout(SQLException e);

  /** Whether the exception means the database cannot be written (permissions, a read-only URL). */
  default boolean isReadOnly(SQLException e) {
    return false;
  }

  /** The SQL creating the history tables if they are missing. */
  List<String> historyTables();

  /** Whether {@link #introspect} and {@link #render} work: push, drift and diff need them. */
  default boolean introspects() {
    return true;
  }

  /** A migration file's statements, in the order they run. */
  default List<String> split(String sql) {
    return SqlSplitter.split(sql);
  }

  /**
   * Text of the file the database would silently skip (see {@link SqlSplitter#skippedText}),
   * described; empty when it runs whole.
   */
  default Optional<String> skippedText(String sql) {
    return SqlSplitter.skippedText(sql);
  }

  /** Refuses models written for another database before push reads anything. */
  default void checkModels(DatabaseSchema models) throws MigrationException {}

  /** Refuses a pending file this dialect cannot apply or record; nothing has run yet. */
  default void checkPending(Migration migration) throws MigrationException {}

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
