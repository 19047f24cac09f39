package dev.nanoka.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The history on PostgreSQL: drizzle-orm's own {@code drizzle.__drizzle_migrations(id, hash,
 * created_at)}, exactly as {@code drizzle-kit migrate} creates and writes it, plus Nanoka's
 * {@code drizzle.nanoka_migration_checksums(name, created_at, checksum, applied_at)} beside it.
 *
 * <p>drizzle's table is what says a file is applied: a file is applied when a row's
 * {@code created_at} is its journal entry's {@code when} — the key drizzle-orm itself writes
 * (its hash is the SHA-256 of the file's text, which any edit changes). A row Nanoka writes has
 * drizzle's hash and {@code when}, so {@code drizzle-kit migrate} (which applies the journal
 * entries whose {@code when} is above the newest recorded) finds the database up to date; a row
 * drizzle-kit wrote has no checksum here until Nanoka adopts it, as with wrangler's rows on
 * SQLite; until then drizzle's hash tells whether the file was edited since.
 */
final class PostgresHistory {

  static final String SCHEMA = "drizzle";
  static final String TABLE = "\"drizzle\".\"__drizzle_migrations\"";
  static final String CHECKSUMS = "\"drizzle\".\"nanoka_migration_checksums\"";

  private final JournalTimes journal;

  PostgresHistory(JournalTimes journal) {
    this.journal = journal;
  }

  JournalTimes journal() {
    return journal;
  }

  static List<String> tables() {
    return List.of(
        "CREATE SCHEMA IF NOT EXISTS \"drizzle\"",
        // drizzle-orm 0.45's pg-core dialect, as its migrator writes it.
        "CREATE TABLE IF NOT EXISTS " + TABLE + " (\n"
            + "\tid SERIAL PRIMARY KEY,\n"
            + "\thash text NOT NULL,\n"
            + "\tcreated_at bigint\n)",
        // Ours beside it: drizzle-kit neither knows nor minds.
        "CREATE TABLE IF NOT EXISTS " + CHECKSUMS + " (\n"
            + "\tname text PRIMARY KEY NOT NULL,\n"
            + "\tcreated_at bigint NOT NULL,\n"
            + "\tchecksum text NOT NULL,\n"
            + "\tapplied_at timestamptz DEFAULT now() NOT NULL\n)");
  }

  static boolean complete(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL"
            + " AND to_regclass('" + CHECKSUMS + "') IS NOT NULL")) {
      return rows.next() && rows.getBoolean(1);
    }
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT to_regclass('" + table + "') IS NOT NULL")) {
      return rows.next() && rows.getBoolean(1);
    }
  }

  /**
   * drizzle's rows in the order they were written, each named by Nanoka's row for its
   * {@code created_at}, else by the journal's entry; a row neither knows is named
   * {@code unknown (created_at N)} and shows as missing.
   */
  List<AppliedMigration> read(Connection connection) throws SQLException {
    if (!exists(connection, TABLE)) {
      return new ArrayList<>();
    }
    String sql = exists(connection, CHECKSUMS)
        ? "SELECT d.created_at, c.name, c.checksum, c.applied_at, d.hash FROM " + TABLE
            + " d LEFT JOIN " + CHECKSUMS + " c ON c.created_at = d.created_at ORDER BY d.id"
        : "SELECT created_at, NULL, NULL, NULL, hash FROM " + TABLE + " ORDER BY id";
    List<AppliedMigration> applied = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        long createdAt = rows.getLong(1);
        boolean noTime = rows.wasNull();
        String name = rows.getString(2);
        if (name == null) {
          name = noTime ? "unknown (created_at NULL)"
              : journal.file(createdAt).orElse("unknown (created_at " + createdAt + ")");
        }
        if (seen.add(name)) { // drizzle-kit run twice at once can write a file twice
          String appliedAt = rows.getString(4);
          applied.add(new AppliedMigration(name,
              appliedAt == null ? "(by drizzle-kit)" : appliedAt,
              Optional.ofNullable(rows.getString(3)), Optional.ofNullable(rows.getString(5))));
        }
      }
    }
    return applied;
  }

  void record(Connection connection, Migration migration) throws SQLException {
    long when = when(migration.name());
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO " + TABLE + " (hash, created_at) VALUES (?, ?)")) {
      statement.setString(1, drizzleHash(migration.sql()));
      statement.setLong(2, when);
      statement.executeUpdate();
    }
    setChecksum(connection, migration.name(), migration.checksum());
  }

  void remove(Connection connection, String name) throws SQLException {
    Optional<Long> when = journal.when(name);
    try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + TABLE
        + " WHERE created_at = ? OR created_at IN (SELECT created_at FROM " + CHECKSUMS
        + " WHERE name = ?)")) {
      statement.setLong(1, when.orElse(Long.MIN_VALUE));
      statement.setString(2, name);
      statement.executeUpdate();
    }
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM " + CHECKSUMS + " WHERE name = ?")) {
      statement.setString(1, name);
      statement.executeUpdate();
    }
  }

  void setChecksum(Connection connection, String name, String checksum) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO " + CHECKSUMS + " (name, created_at, checksum) VALUES (?, ?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum,"
            + " created_at = excluded.created_at")) {
      statement.setString(1, name);
      statement.setLong(2, when(name));
      statement.setString(3, checksum);
      statement.executeUpdate();
    }
  }

  private long when(String name) throws SQLException {
    return journal.when(name).orElseThrow(() -> new SQLException(name + " has no entry in "
        + journal.where().orElse("a meta/_journal.json") + ": on PostgreSQL the history records"
        + " each file's journal `when`, as drizzle-kit migrate does."));
  }

  /**
   * Whether drizzle's hash is of this text: as it is, or with other line endings (a checkout
   * that converts them must not look like an edit), as {@link Migration#checksum} ignores them.
   */
  static boolean sameText(String hash, String sql) {
    String lf = sql.replace("\r\n", "\n").replace('\r', '\n');
    return hash.equals(drizzleHash(sql)) || hash.equals(drizzleHash(lf))
        || hash.equals(drizzleHash(lf.replace("\n", "\r\n")));
  }

  /**
   * drizzle-orm's hash: the SHA-256, in hex, of the file's text as it read it (UTF-8, line
   * endings as they are).
   */
  static String drizzleHash(String sql) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(sql.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
