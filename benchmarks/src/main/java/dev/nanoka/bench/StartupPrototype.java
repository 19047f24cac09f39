package dev.nanoka.bench;

import dev.nanoka.runtime.migrate.MigrationException;
import dev.nanoka.runtime.migrate.MigrationSource;
import dev.nanoka.runtime.migrate.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The proposed fast path for {@code Migrator.migrate()} when nothing is pending, prototyped here
 * because this module must not change the runtime: one read-only query of the history, compared
 * with names and checksums the generated index carries, so no migration file is read, no SHA-256
 * computed, no write transaction opened, and the history read once. Anything else — a pending,
 * edited or adopted file, no history yet — falls back to the real {@link Migrator}.
 */
public final class StartupPrototype {

  private StartupPrototype() {}

  /** Returns true when the database was up to date (the fast path), after migrating otherwise. */
  public static boolean migrate(String url, ChecksummedIndex index)
      throws SQLException, MigrationException {
    try (Connection connection = DriverManager.getConnection(url)) {
      if (upToDate(connection, index)) {
        return true;
      }
    }
    Migrator.forUrl(url).source(MigrationSource.index(index)).build().migrate();
    return false;
  }

  static boolean upToDate(Connection connection, ChecksummedIndex index) throws SQLException {
    Map<String, String> applied = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master"
          + " WHERE type = 'table' AND name IN ('d1_migrations', 'nanoka_migration_checksums')")) {
        if (!tables.next() || tables.getInt(1) != 2) {
          return false;
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT m.name, c.checksum FROM d1_migrations m"
          + " LEFT JOIN nanoka_migration_checksums c ON c.name = m.name")) {
        while (rows.next()) {
          applied.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    List<String> files = index.files();
    List<String> checksums = index.checksums();
    for (int i = 0; i < files.size(); i++) {
      String checksum = applied.get(files.get(i));
      if (checksum == null || !checksum.equals(checksums.get(i))) {
        return false; // pending, edited, or applied by wrangler without a checksum
      }
    }
    return true;
  }
}
