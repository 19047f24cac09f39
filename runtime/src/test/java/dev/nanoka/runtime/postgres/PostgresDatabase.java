package dev.nanoka.runtime.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of its own for one test, on the tests' PostgreSQL server (see
 * {@link PostgresExtension}).
 *
 * @param url its JDBC URL, user included
 * @param name its name
 */
public record PostgresDatabase(String url, String name) {

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }
}
