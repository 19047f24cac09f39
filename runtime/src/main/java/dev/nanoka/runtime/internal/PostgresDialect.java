package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.postgres.PostgresMigrationRenderer;
import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL. DDL is transactional, so a file runs with its history rows as one unit like on
 * SQLite. The lock is a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) on a
 * key of Nanoka's own: concurrent migrators of one database wait for it, the server releases it
 * at commit or rollback, and when a migrator dies its session ends, its transaction is rolled
 * back and the lock goes with it — no lock row that could outlive its owner. Waits are bounded
 * by {@code lock_timeout}, as SQLite's by {@code busy_timeout}.
 *
 * <p>Files are split exactly as drizzle-orm does, on {@code --> statement-breakpoint} only: the
 * server parses each part itself (dollar-quoted function bodies included). The live schema is
 * read from {@code pg_catalog} ({@link PostgresIntrospector}), diffs are said by core's
 * {@link PostgresMigrationRenderer}, migrations replayed in a rolled-back stand-in schema
 * ({@link PostgresShadow}).
 */
public final class PostgresDialect implements Dialect {

  /** "nanoka" in ASCII: the advisory lock key migrators of one database share. */
  static final long LOCK_KEY = 0x6E616E6F6B61L;

  /** SQLSTATE lock_not_available: lock_timeout ran out. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";
  /** SQLSTATE read_only_sql_transaction: a standby, or default_transaction_read_only. */
  private static final String READ_ONLY = "25006";

  private static final String BREAKPOINT = "--> statement-breakpoint";

  private final PostgresHistory history;

  public PostgresDialect(JournalTimes journal) {
    this.history = new PostgresHistory(journal);
  }

  PostgresHistory history() {
    return history;
  }

  @Override
  public DatabaseSchema introspect(Connection connection) throws SQLException {
    return PostgresIntrospector.read(connection);
  }

  @Override
  public List<MigrationStatement> render(SchemaDiff diff, DatabaseSchema to) {
    return PostgresMigrationRenderer.render(diff, to);
  }

  /** In a stand-in schema public, rolled back: see {@link PostgresShadow}. */
  @Override
  public DatabaseSchema replay(Connection connection, List<Migration> migrations)
      throws SQLException, MigrationException {
    return PostgresShadow.replay(connection, this, migrations);
  }

  @Override
  public LossCounter lossCounter(Connection connection, DatabaseSchema database) {
    return new PostgresAffectedRows(connection, database);
  }

  @Override
  public List<String> dropEverything(Connection connection, List<String> dropped)
      throws SQLException {
    return PostgresReset.statements(connection, dropped);
  }

  /**
   * Models the processor read for SQLite (no {@code @Schema(dialect = POSTGRESQL)}) have no
   * PostgreSQL types: pushed, every column would look changed.
   */
  @Override
  public void checkModels(DatabaseSchema models) throws MigrationException {
    for (var table : models.tables()) {
      for (var column : table.columns()) {
        if (!(column.type() instanceof dev.nanoka.core.schema.LogicalType.Native)) {
          throw new MigrationException(MigrationException.Kind.FAILED, "The models are not"
              + " PostgreSQL's: column " + table.name() + "." + column.name() + " has no"
              + " PostgreSQL type, so the @Schema was compiled for SQLite. Give it"
              + " @Schema(dialect = Dialect.POSTGRESQL), rebuild, and push again. Nothing was"
              + " changed.", null);
        }
      }
    }
  }

  @Override
  public void configure(Connection connection, long lockTimeoutMillis) throws SQLException {
    connection.setAutoCommit(true);
    waitForLocks(connection, lockTimeoutMillis);
    if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
      // A migrator killed during a long statement would otherwise hold the lock until the
      // statement ends: the server notices a vanished client only when it next writes to it.
      execute(connection, "SET client_connection_check_interval = 1000");
    }
  }

  /** PostgreSQL's 0 means "wait for ever"; SQLite's, "do not wait": 1 ms is the closest. */
  @Override
  public void waitForLocks(Connection connection, long millis) throws SQLException {
    execute(connection, "SET lock_timeout = " + Math.max(1, millis));
  }

  @Override
  public void beginLocked(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    try {
      execute(connection, "SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      // Taking an advisory lock does not make the server read other sessions' catalog changes
      // (a relation lock does): without this, the holder before us may have created drizzle's
      // schema while our cache still says it is missing, and CREATE SCHEMA IF NOT EXISTS fails
      // with a duplicate key (seen with 8 migrators starting at once).
      execute(connection, "SELECT 1 FROM pg_catalog.pg_namespace LIMIT 0");
    } catch (SQLException e) {
      try {
        connection.rollback();
        connection.setAutoCommit(true);
      } catch (SQLException ending) {
        e.addSuppressed(ending);
      }
      throw e;
    }
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  /** PostgreSQL checks every constraint as it goes: no table rebuilds, nothing to turn off. */
  @Override
  public AutoCloseable foreignKeysOff(Connection connection) {
    return () -> { };
  }

  @Override
  public List<String> foreignKeyViolations(Connection connection, WrittenTables written) {
    return List.of();
  }

  @Override
  public boolean isLockTimeout(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isReadOnly(SQLException e) {
    return READ_ONLY.equals(e.getSQLState());
  }

  @Override
  public List<String> historyTables() {
    return PostgresHistory.tables();
  }

  /** The parts between drizzle's breakpoints that hold more than white space. */
  @Override
  public List<String> split(String sql) {
    List<String> parts = new ArrayList<>();
    for (String part : sql.split(java.util.regex.Pattern.quote(BREAKPOINT), -1)) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }

  /** The server ends a {@code --} comment at a carriage return too: nothing is skipped. */
  @Override
  public Optional<String> skippedText(String sql) {
    return Optional.empty();
  }

  /**
   * A file the journal does not list cannot be recorded so that drizzle-kit agrees (it would
   * never apply it either).
   */
  @Override
  public void checkPending(Migration migration) throws MigrationException {
    JournalTimes journal = history.journal();
    Optional<Long> when = journal.when(migration.name());
    if (when.isPresent()) {
      List<String> same = journal.byFile().entrySet().stream()
          .filter(e -> e.getValue().equals(when.get()) && !e.getKey().equals(migration.name()))
          .map(java.util.Map.Entry::getKey).toList();
      if (!same.isEmpty()) {
        throw new MigrationException(MigrationException.Kind.FAILED, migration.name() + " and "
            + String.join(", ", same) + " have the same `when` (" + when.get() + ") in "
            + journal.where().orElseThrow() + ". On PostgreSQL a file is recorded as applied by"
            + " its `when`, as drizzle-kit migrate records it, so applying one would mark the"
            + " other applied too. Give each entry its own `when`, above the one before it."
            + " Nothing was applied.", null);
      }
    }
    if (when.isEmpty()) {
      throw new MigrationException(MigrationException.Kind.FAILED, migration.name()
          + " has no entry in " + history.journal().where().orElse("the migrations' "
              + "meta/_journal.json (the source has none)") + ". On PostgreSQL the history is"
          + " drizzle's __drizzle_migrations, which records each file by its journal entry's"
          + " `when`, and drizzle-kit migrate runs only the files its journal lists. Add the"
          + " file with `drizzle-kit generate --custom` (or give it a journal entry with a"
          + " `when` above the previous one), or use a source with the journal"
          + " (MigrationSource.folder). Nothing was applied.", null);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
