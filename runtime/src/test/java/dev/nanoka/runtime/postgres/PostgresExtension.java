package dev.nanoka.runtime.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each test that asks for a {@link PostgresDatabase} a new, empty database (CREATE
 * DATABASE with a name of its own, dropped when the test ends), so tests never see each
 * other's tables. The server is the
 * one {@code NANOKA_TEST_POSTGRES_URL} names, or one throwaway server started for the whole test
 * JVM and stopped at its end ({@link PostgresServer}). When there is neither, the test fails
 * saying what to install or set: it is never skipped.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MyTest {
 *   @Test
 *   void migrates(PostgresDatabase db) { Migrator.forUrl(db.url())… }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Server server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Server.class, key -> new Server(PostgresServer.start()),
            Server.class);
    String name = "nanoka_test_" + RUN + "_" + NEXT.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(server.server.adminUrl());
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new ParameterResolutionException("Could not create a test database on "
          + server.server.adminUrl() + ": " + e.getMessage() + " (the user needs CREATEDB;"
          + " set " + PostgresServer.URL_VARIABLE + " to another server, or unset it to have"
          + " the tests start their own)", e);
    }
    // Dropped when the test ends: a given server must not collect them.
    String adminUrl = server.server.adminUrl();
    context.getStore(ExtensionContext.Namespace.create(PostgresExtension.class)).put(name,
        (ExtensionContext.Store.CloseableResource) () -> drop(adminUrl, name));
    return new PostgresDatabase(withDatabase(adminUrl, name), name);
  }

  private static void drop(String adminUrl, String name) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** The admin URL with its database replaced: jdbc:postgresql://host:port/DB?params. */
  static String withDatabase(String adminUrl, String database) {
    int hosts = adminUrl.indexOf("//");
    int slash = adminUrl.indexOf('/', hosts + 2);
    int query = adminUrl.indexOf('?');
    String rest = query < 0 ? "" : adminUrl.substring(query);
    String prefix = slash < 0 ? (query < 0 ? adminUrl : adminUrl.substring(0, query))
        : adminUrl.substring(0, slash);
    return prefix + "/" + database + rest;
  }

  /** Stopped when the root context closes, at the end of the test JVM's run. */
  private static final class Server implements ExtensionContext.Store.CloseableResource {
    private final PostgresServer server;

    Server(PostgresServer server) {
      this.server = server;
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}
