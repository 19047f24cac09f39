package dev.nanoka.bench;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.runtime.PushResult;
import dev.nanoka.runtime.internal.JournalTimes;
import dev.nanoka.runtime.internal.PostgresDialect;
import dev.nanoka.runtime.internal.Pusher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Figure 9, in process: {@link Pusher#push} on a PostgreSQL database that already holds
 * {@code tables} tables — in sync (introspect, diff, nothing to do) and with one change (an
 * index added or dropped, alternating), as figure 5's {@link PushBenchmark} on SQLite.
 */
@State(Scope.Benchmark)
public class PostgresPushBenchmark {

  static final String DB = "nanoka_bench_push";
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
  static final PostgresDialect DIALECT = new PostgresDialect(JournalTimes.NONE);

  @Param({"10", "100", "1000"})
  public int tables;

  @Param("")
  public String adminUrl;

  private PostgresBenchServer server;
  private Connection connection;
  private DatabaseSchema schema;
  private DatabaseSchema withIndex;
  private boolean indexThere;

  @Setup(Level.Trial)
  public void database() throws Exception {
    server = new PostgresBenchServer(adminUrl);
    server.create(DB);
    connection = DriverManager.getConnection(server.jdbcUrl(DB));
    schema = PushSchemas.postgres(tables, false);
    withIndex = PushSchemas.postgres(tables, true);
    Pusher.push(connection, DIALECT, schema, false, LOCK_TIMEOUT);
    analyzeCatalog(connection);
    PushResult again = Pusher.push(connection, DIALECT, schema, false, LOCK_TIMEOUT);
    if (!again.statements().isEmpty()) {
      throw new IllegalStateException("a second push is not empty: " + again.statements());
    }
  }

  /**
   * Right after 1000 tables are created the catalog's statistics are stale and the
   * introspection's catalog queries run about 1.7× slower (PostgresPushProfile: 115 → 68 ms),
   * until autovacuum analyzes the catalog a little later; a database one pushes to again is in
   * that later state. Only a superuser (the throwaway server's) may analyze the catalog; for
   * others the server skips it with a warning.
   */
  static void analyzeCatalog(Connection connection) throws java.sql.SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE pg_catalog.pg_class, pg_catalog.pg_attribute,"
          + " pg_catalog.pg_attrdef, pg_catalog.pg_depend, pg_catalog.pg_constraint,"
          + " pg_catalog.pg_index, pg_catalog.pg_type");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    connection.close();
    server.drop(DB);
  }

  @Benchmark
  public PushResult inSync() throws Exception {
    if (indexThere) {
      Pusher.push(connection, DIALECT, schema, false, LOCK_TIMEOUT); // undo a oneChange
      indexThere = false;
    }
    PushResult result = Pusher.push(connection, DIALECT, schema, false, LOCK_TIMEOUT);
    if (!result.statements().isEmpty()) {
      throw new IllegalStateException("expected nothing to do: " + result.statements());
    }
    return result;
  }

  @Benchmark
  public PushResult oneChange() throws Exception {
    PushResult result =
        Pusher.push(connection, DIALECT, indexThere ? schema : withIndex, false, LOCK_TIMEOUT);
    indexThere = !indexThere;
    if (result.statements().size() != 1) {
      throw new IllegalStateException("expected one statement: " + result.statements());
    }
    return result;
  }
}
