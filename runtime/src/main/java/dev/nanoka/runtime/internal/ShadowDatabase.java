package dev.nanoka.runtime.internal;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.runtime.MigrationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Replays migrations into a private in-memory SQLite database and reads back the schema they
 * produce: what a database with that history should look like.
 */
public final class ShadowDatabase {

  private ShadowDatabase() {}

  public static DatabaseSchema replay(List<Migration> migrations) throws MigrationException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      try (Statement statement = connection.createStatement()) {
        for (Migration migration : migrations) {
          Optional<String> skipped = SqlSplitter.skippedText(migration.sql());
          if (skipped.isPresent()) { // it would replay without that text, as if it were not there
            throw new MigrationException(MigrationException.Kind.FAILED, "Replaying "
                + migration.name() + " into a shadow database: " + skipped.get(), null);
          }
          List<String> statements = SqlSplitter.split(migration.sql());
          for (int i = 0; i < statements.size(); i++) {
            try {
              statement.execute(statements.get(i));
            } catch (SQLException e) {
              throw new MigrationException(MigrationException.Kind.FAILED, "Replaying "
                  + migration.name() + " into a shadow database: statement " + (i + 1) + " of "
                  + statements.size() + " failed: " + e.getMessage(), e);
            }
          }
        }
      }
      return SqliteIntrospector.read(connection);
    } catch (SQLException e) {
      throw new MigrationException(MigrationException.Kind.UNREADABLE,
          "Cannot open an in-memory shadow database: " + e.getMessage(), e);
    }
  }
}
