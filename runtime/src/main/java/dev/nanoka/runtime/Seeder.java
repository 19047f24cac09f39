package dev.nanoka.runtime;

import dev.nanoka.core.text.Utf8Text;
import dev.nanoka.runtime.internal.SqlSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Fills a freshly reset database with development data ({@link Migrator#reset()}). Implement it
 * with a public no-argument constructor to name the class with {@code nanoka reset --seed-class},
 * or run an SQL file with {@link #sql(Path)}.
 */
@FunctionalInterface
public interface Seeder {

  /** Seeds the database; the connection stays open and in auto-commit mode. */
  void seed(Connection connection) throws Exception;

  /**
   * Runs the statements of an SQL file in one transaction: a failing statement, named by number,
   * rolls the seed back (the migrations stay applied).
   */
  static Seeder sql(Path file) {
    Objects.requireNonNull(file, "file");
    return connection -> {
      List<String> statements =
          SqlSplitter.split(Utf8Text.decode(Files.readAllBytes(file), file.toString()));
      int number = 0;
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String part : statements) {
          number++;
          statement.execute(part);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw new SQLException("Seed " + file + ": statement " + number + " of "
            + statements.size() + " failed: " + e.getMessage() + ". The seed was rolled back.",
            e);
      } finally {
        connection.setAutoCommit(true);
      }
    };
  }
}
