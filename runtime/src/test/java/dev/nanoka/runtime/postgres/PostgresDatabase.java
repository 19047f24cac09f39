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

  /**
   * The same database as a {@code postgres://user:password@host:port/name} URL, for node's
   * {@code pg} (drizzle-kit): user and password come from the JDBC URL's parameters.
   */
  public String nodeUrl() {
    String rest = url.substring("jdbc:postgresql://".length());
    int query = rest.indexOf('?');
    String hostAndDb = query < 0 ? rest : rest.substring(0, query);
    String user = "";
    String password = "";
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        if (key.equals("user")) {
          user = value;
        } else if (key.equals("password")) {
          password = value;
        }
      }
    }
    String credentials = user.isEmpty() ? "" : user + (password.isEmpty() ? "" : ":" + password)
        + "@";
    return "postgres://" + credentials + hostAndDb;
  }
}
