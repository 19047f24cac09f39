package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens a database that must exist already. SQLite creates a missing file when it opens it, so a
 * mistyped path handed to a command that only looks at a database (status, validate, drift,
 * repair, diff) would leave an empty database behind and report on that: valid, nothing applied.
 * Here a missing file is an error, and nothing is created.
 *
 * <pre>{@code
 * try (Connection connection = ExistingDatabase.open("jdbc:sqlite:app.db", true)) { … }
 * }</pre>
 */
public final class ExistingDatabase {

  /**
   * sqlite-jdbc's connection property for the flags of {@code sqlite3_open_v2}: without
   * {@code SQLITE_OPEN_CREATE} (0x4) a missing file fails to open. A plain property, so the
   * library needs no sqlite-jdbc class; other drivers ignore properties they do not know.
   */
  private static final String OPEN_MODE = "open_mode";
  private static final int SQLITE_OPEN_READONLY = 0x1;
  private static final int SQLITE_OPEN_READWRITE = 0x2;

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";

  private ExistingDatabase() {}

  /**
   * Connects to the database of a JDBC URL without creating it.
   *
   * @param readOnly open it read-only (SQLite then refuses every write)
   * @throws MigrationException of kind {@code UNREADABLE}: "No database at &lt;path&gt;" when the
   *     URL names a SQLite file that does not exist, otherwise the driver's reason
   */
  public static Connection open(String jdbcUrl, boolean readOnly) throws MigrationException {
    Properties flags = new Properties();
    flags.setProperty(OPEN_MODE,
        String.valueOf(readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE));
    try {
      return DriverManager.getConnection(jdbcUrl, flags);
    } catch (SQLException e) {
      Optional<Path> file = file(jdbcUrl);
      if (file.isPresent() && !Files.exists(file.get())) {
        throw new MigrationException(MigrationException.Kind.UNREADABLE, "No database at "
            + file.get().toAbsolutePath() + ": check the URL (" + jdbcUrl + "). Only migrate,"
            + " push and reset create a database.", e);
      }
      throw new MigrationException(MigrationException.Kind.UNREADABLE,
          "Cannot open the database: " + e.getMessage(), e);
    }
  }

  /**
   * The file a sqlite-jdbc URL names ({@code jdbc:sqlite:app.db}, {@code jdbc:sqlite:file:app.db?…});
   * empty for in-memory and temporary databases, which have none, and for other drivers' URLs.
   */
  static Optional<Path> file(String jdbcUrl) {
    if (!jdbcUrl.startsWith(SQLITE_PREFIX)) {
      return Optional.empty();
    }
    String name = jdbcUrl.substring(SQLITE_PREFIX.length());
    int query = name.indexOf('?');
    if (query >= 0) {
      if (name.substring(query).contains("mode=memory")) {
        return Optional.empty();
      }
      name = name.substring(0, query);
    }
    if (name.startsWith("file:")) {
      name = name.substring("file:".length());
      if (name.startsWith("//")) { // file://host/path: the host part is no folder
        int path = name.indexOf('/', 2);
        name = path < 0 ? "" : name.substring(path);
      }
    }
    // "" is a temporary database; ":memory:" and ":resource:…" are no files either.
    if (name.isEmpty() || name.startsWith(":")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(name));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
