package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The applied-migration history: wrangler's {@code d1_migrations} (id, name, applied_at) plus
 * {@code nanoka_migration_checksums} (name, checksum). A database migrated here is up to date for
 * {@code wrangler d1 migrations apply}, and the reverse: rows wrangler wrote simply have no
 * checksum until Nanoka adopts them. On PostgreSQL each operation goes to
 * {@link PostgresHistory} instead (drizzle's {@code __drizzle_migrations}).
 */
public final class History {

  static final String TABLE = "d1_migrations";
  static final String CHECKSUMS = "nanoka_migration_checksums";

  private History() {}

  /** Whether both tables are there; wrangler creates only the first. */
  static boolean complete(Connection connection, Dialect dialect) throws SQLException {
    if (dialect instanceof PostgresDialect postgres) {
      return PostgresHistory.complete(connection);
    }
    return tableExists(connection, TABLE) && tableExists(connection, CHECKSUMS);
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    try (ResultSet rows = connection.getMetaData().getTables(null, null, table, null)) {
      return rows.next();
    }
  }

  static void create(Connection connection, Dialect dialect) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String ddl : dialect.historyTables()) {
        statement.execute(ddl);
      }
    }
  }

  /** The applied migrations in the order they were applied; empty if there is no history yet. */
  public static List<AppliedMigration> read(Connection connection, Dialect dialect)
      throws SQLException {
    if (dialect instanceof PostgresDialect postgres) {
      return postgres.history().read(connection);
    }
    String joined = "SELECT m.name, m.applied_at, c.checksum FROM " + TABLE + " m LEFT JOIN "
        + CHECKSUMS + " c ON c.name = m.name ORDER BY m.id";
    try {
      // Both tables are there on every start but the first: one query, no metadata look-ups
      // (those were a third of an up-to-date start, benchmark 3).
      return query(connection, joined);
    } catch (SQLException e) {
      // A table is missing (a new database, or one only wrangler migrated): find out which.
      // Anything else, the lock above all, is no reason to look again: a second wait for the
      // lock would double the lock timeout.
      if (!String.valueOf(e.getMessage()).contains("no such table")) {
        throw e;
      }
    }
    if (!tableExists(connection, TABLE)) {
      return new ArrayList<>();
    }
    return query(connection, tableExists(connection, CHECKSUMS) ? joined
        : "SELECT name, applied_at, NULL FROM " + TABLE + " ORDER BY id");
  }

  private static List<AppliedMigration> query(Connection connection, String sql)
      throws SQLException {
    List<AppliedMigration> applied = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        applied.add(new AppliedMigration(rows.getString(1), rows.getString(2),
            Optional.ofNullable(rows.getString(3))));
      }
    }
    return applied;
  }


  static void record(Connection connection, Dialect dialect, Migration migration)
      throws SQLException {
    if (dialect instanceof PostgresDialect postgres) {
      postgres.history().record(connection, migration);
      return;
    }
    try (PreparedStatement statement =
        connection.prepareStatement("INSERT INTO " + TABLE + " (name) VALUES (?)")) {
      statement.setString(1, migration.name());
      statement.executeUpdate();
    }
    setChecksum(connection, dialect, migration.name(), migration.checksum());
  }

  /** Removes a migration from both tables, as if it had never been applied. */
  static void remove(Connection connection, Dialect dialect, String name) throws SQLException {
    if (dialect instanceof PostgresDialect postgres) {
      postgres.history().remove(connection, name);
      return;
    }
    for (String table : List.of(TABLE, CHECKSUMS)) {
      try (PreparedStatement statement =
          connection.prepareStatement("DELETE FROM " + table + " WHERE name = ?")) {
        statement.setString(1, name);
        statement.executeUpdate();
      }
    }
  }

  static void setChecksum(Connection connection, Dialect dialect, String name,
      String checksum) throws SQLException {
    if (dialect instanceof PostgresDialect postgres) {
      postgres.history().setChecksum(connection, name, checksum);
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO " + CHECKSUMS + " (name, checksum) VALUES (?, ?)"
            + " ON CONFLICT(name) DO UPDATE SET checksum = excluded.checksum")) {
      statement.setString(1, name);
      statement.setString(2, checksum);
      statement.executeUpdate();
    }
  }

  /** Only when missing: a write transaction on every start would cost a flush to disk. */
  static void createIfMissing(Connection connection, Dialect dialect, LockWaits waits)
      throws SQLException, MigrationException {
    waits.next();
    if (!complete(connection, dialect)) {
      waits.inLock(() -> create(connection, dialect));
    }
  }

  /**
   * Records checksums for files wrangler applied (it keeps none): trust on first sight. Returns
   * their names.
   */
  static List<String> adopt(Connection connection, Dialect dialect, List<Migration> found,
      List<AppliedMigration> history, LockWaits waits) throws SQLException, MigrationException {
    Set<String> withoutChecksum = new HashSet<>();
    history.stream().filter(a -> a.checksum().isEmpty())
        .forEach(a -> withoutChecksum.add(a.name()));
    List<Migration> adopted = found.stream()
        .filter(m -> withoutChecksum.contains(m.name()))
        .toList();
    if (!adopted.isEmpty()) {
      waits.inLock(() -> {
        for (Migration migration : adopted) {
          setChecksum(connection, dialect, migration.name(), migration.checksum());
        }
      });
    }
    return adopted.stream().map(Migration::name).toList();
  }
}
