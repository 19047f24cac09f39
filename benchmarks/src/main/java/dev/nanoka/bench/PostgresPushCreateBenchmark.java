package dev.nanoka.bench;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.runtime.PushResult;
import dev.nanoka.runtime.internal.Pusher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Figure 9: the first push of {@code tables} tables into an empty database (schema public
 * dropped and made again before each call), and the same statements over plain JDBC in one
 * transaction — the server's own share of the time.
 */
@State(Scope.Benchmark)
public class PostgresPushCreateBenchmark {

  @Param({"10", "100", "1000"})
  public int tables;

  @Param("")
  public String adminUrl;

  private PostgresBenchServer server;
  private Connection connection;
  private DatabaseSchema schema;
  private List<String> statements;

  @Setup(Level.Trial)
  public void database() throws Exception {
    server = new PostgresBenchServer(adminUrl);
    server.create(PostgresPushBenchmark.DB);
    connection = DriverManager.getConnection(server.jdbcUrl(PostgresPushBenchmark.DB));
    schema = PushSchemas.postgres(tables, false);
    statements = Pusher.plan(connection, PostgresPushBenchmark.DIALECT, schema);
  }

  @Setup(Level.Invocation)
  public void empty() throws Exception {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE");
      statement.execute("CREATE SCHEMA public");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    connection.close();
    server.drop(PostgresPushBenchmark.DB);
  }

  @Benchmark
  public PushResult createAll() throws Exception {
    PushResult result = Pusher.push(connection, PostgresPushBenchmark.DIALECT, schema, false,
        PostgresPushBenchmark.LOCK_TIMEOUT);
    if (result.statements().size() != statements.size()) {
      throw new IllegalStateException("expected " + statements.size() + " statements: "
          + result.statements().size());
    }
    return result;
  }

  /** The statements the push runs, without Nanoka: what the server itself needs for them. */
  @Benchmark
  public int plainJdbc() throws Exception {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
    return statements.size();
  }
}
