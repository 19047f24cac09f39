package dev.nanoka.runtime.internal;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema migrations produce on PostgreSQL, replayed on the live database's own connection
 * inside a transaction (or savepoint) that is always rolled back: schema {@code public} is
 * renamed aside, an empty {@code public} takes its place, the files run there exactly as
 * {@code migrate} runs them (their {@code "public".} qualifications included) and the result
 * is read back. PostgreSQL's DDL is transactional, so nothing of it outlives the rollback; other
 * sessions keep seeing the committed {@code public} meanwhile (they wait only to change it).
 *
 * <p>Chosen over a throwaway database (which needs CREATEDB, a second login and a URL, none of
 * which a data source gives) and over the migrations' snapshots (the runtime has only the SQL
 * files, and a hand-written file has no snapshot of its own). Renaming the schema needs its
 * owner, as the database owner is by default.
 */
final class PostgresShadow {

  private static final String SAVEPOINT = "nanoka_shadow";

  private PostgresShadow() {}

  static DatabaseSchema replay(Connection connection, Dialect dialect, List<Migration> migrations)
      throws SQLException, MigrationException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      execute(connection, "SAVEPOINT " + SAVEPOINT);
      try {
        try {
          execute(connection, "ALTER SCHEMA \"public\" RENAME TO \"nanoka_live_public_"
              + Long.toString(ProcessHandle.current().pid(), 36) + "_" + System.nanoTime() + "\"");
          execute(connection, "CREATE SCHEMA \"public\"");
        } catch (SQLException e) {
          if (dialect.isLockTimeout(e)) {
            throw new MigrationException(MigrationException.Kind.LOCK_TIMEOUT, "Cannot replay"
                + " the migrations now: another session is changing schema public (or"
                + " replaying migrations in a stand-in for it) and held it past the lock"
                + " timeout. Try again, or give a longer lock timeout. Nothing was changed.", e);
          }
          throw new MigrationException(MigrationException.Kind.FAILED, "Cannot replay the"
              + " migrations: on PostgreSQL they run in a stand-in schema public inside a"
              + " transaction that is rolled back, which needs to rename schema public (its"
              + " owner may, as the database owner does by default). The server said: "
              + e.getMessage() + " Run this as the owner of schema public. Nothing was"
              + " changed.", e);
        }
        for (Migration migration : migrations) {
          List<String> statements = dialect.split(migration.sql());
          for (int i = 0; i < statements.size(); i++) {
            try (Statement statement = connection.createStatement()) {
              statement.execute(statements.get(i));
            } catch (SQLException e) {
              throw new MigrationException(MigrationException.Kind.FAILED, "Replaying "
                  + migration.name() + " into a shadow schema: statement " + (i + 1) + " of "
                  + statements.size() + " failed: " + e.getMessage(), e);
            }
          }
        }
        return PostgresIntrospector.read(connection);
      } finally {
        execute(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
        execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
      }
    } finally {
      if (autoCommit) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
