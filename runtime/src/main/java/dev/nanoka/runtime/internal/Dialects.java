package dev.nanoka.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Picks the dialect: by the JDBC URL when there is one, by the connection's database product
 * otherwise (a {@code DataSource}). SQLite unless the database is PostgreSQL.
 */
public final class Dialects {

  private Dialects() {}

  /** Whether the URL is PostgreSQL's driver's, {@code jdbc:postgresql:…}. */
  public static boolean isPostgres(String jdbcUrl) {
    return jdbcUrl.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length());
  }

  /** Whether the connection is to PostgreSQL (or a server that says it speaks it). */
  public static boolean isPostgres(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
  }
}
