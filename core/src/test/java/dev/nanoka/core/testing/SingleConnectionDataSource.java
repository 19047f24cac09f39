package dev.nanoka.core.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out one real connection again and again, as a pool does: closing it returns it instead
 * of closing it. Lets a test see what the migrator left on the connection (its PRAGMAs, an open
 * transaction).
 */
public final class SingleConnectionDataSource implements DataSource, AutoCloseable {

  private final Connection connection;
  private final Connection handedOut;

  public SingleConnectionDataSource(DataSource real) throws SQLException {
    this.connection = real.getConnection();
    this.handedOut = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** The real connection, for the test to look at. */
  public Connection connection() {
    return connection;
  }

  @Override
  public Connection getConnection() {
    return handedOut;
  }

  @Override
  public Connection getConnection(String username, String password) {
    return handedOut;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
