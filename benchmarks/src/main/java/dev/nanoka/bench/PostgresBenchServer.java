package dev.nanoka.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL server the PostgreSQL figures run on, named by an admin JDBC URL
 * ({@code jdbc:postgresql://host:port/postgres?user=…[&password=…]}, as
 * {@code scripts/postgres.sh url} prints): creates and drops the databases each run starts from,
 * and gives their URLs for JDBC and for psql.
 */
public final class PostgresBenchServer {

  private final String adminUrl;
  private final String hostAndPort;
  private final Map<String, String> params = new LinkedHashMap<>();

  public PostgresBenchServer(String adminUrl) {
    if (!adminUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("--url must be a jdbc:postgresql://HOST:PORT/DB?user=…"
          + " URL (scripts/postgres.sh url prints one), not " + adminUrl);
    }
    this.adminUrl = adminUrl;
    String rest = adminUrl.substring("jdbc:postgresql://".length());
    int query = rest.indexOf('?');
    String path = query < 0 ? rest : rest.substring(0, query);
    int slash = path.indexOf('/');
    hostAndPort = slash < 0 ? path : path.substring(0, slash);
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        int eq = pair.indexOf('=');
        params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
  }

  /** The JDBC URL of database {@code name} on this server, with the admin URL's parameters. */
  public String jdbcUrl(String name) {
    StringBuilder url = new StringBuilder("jdbc:postgresql://" + hostAndPort + "/" + name);
    char separator = '?';
    for (Map.Entry<String, String> param : params.entrySet()) {
      url.append(separator).append(param.getKey()).append('=').append(param.getValue());
      separator = '&';
    }
    return url.toString();
  }

  /** The same database as a libpq URI, for psql: {@code postgresql://user[:pw]@host:port/db}. */
  public String libpqUrl(String name) {
    String user = params.getOrDefault("user", "");
    String password = params.getOrDefault("password", "");
    String credentials = user.isEmpty() ? ""
        : user + (password.isEmpty() ? "" : ":" + password) + "@";
    return "postgresql://" + credentials + hostAndPort + "/" + name;
  }

  public String user() {
    return params.get("user");
  }

  public String password() {
    return params.get("password");
  }

  /** A new, empty database (dropped first if a failed run left it). */
  public void create(String name) throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin("CREATE DATABASE " + name);
  }

  public void drop(String name) throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** e.g. {@code PostgreSQL 15.14, fsync on, synchronous_commit on}. */
  public String describe() {
    try (Connection connection = DriverManager.getConnection(adminUrl);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_setting('server_version'),"
            + " current_setting('fsync'), current_setting('synchronous_commit')")) {
      row.next();
      return "PostgreSQL " + row.getString(1) + " (fsync " + row.getString(2)
          + ", synchronous_commit " + row.getString(3) + ")";
    } catch (SQLException e) {
      return "PostgreSQL ? (" + e.getMessage() + ")";
    }
  }

  private void admin(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
