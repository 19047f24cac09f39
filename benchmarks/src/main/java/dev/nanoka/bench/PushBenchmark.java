package dev.nanoka.bench;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.runtime.PushResult;
import dev.nanoka.runtime.internal.Pusher;
import dev.nanoka.runtime.internal.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Figure 5, in process: {@link Pusher#push} on a SQLite file that already holds {@code tables}
 * tables — once in sync (introspect, diff, nothing to do) and once with one change (an index
 * added or dropped, alternating, so every call has one statement to run).
 */
@State(Scope.Benchmark)
public class PushBenchmark {

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

  @Param({"10", "100", "1000"})
  public int tables;

  private Path dir;
  private Connection connection;
  private DatabaseSchema schema;
  private DatabaseSchema withIndex;
  private boolean indexThere;

  @Setup(Level.Trial)
  public void database() throws Exception {
    dir = Files.createTempDirectory("nanoka-bench-push");
    connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dev.db"));
    schema = PushSchemas.of(tables, false);
    withIndex = PushSchemas.of(tables, true);
    Pusher.push(connection, SqliteDialect.INSTANCE, schema, false, LOCK_TIMEOUT);
    PushResult again = Pusher.push(connection, SqliteDialect.INSTANCE, schema, false, LOCK_TIMEOUT);
    if (!again.statements().isEmpty()) {
      throw new IllegalStateException("a second push is not empty: " + again.statements());
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    connection.close();
    Processes.deleteTree(dir);
  }

  @Benchmark
  public PushResult inSync() throws Exception {
    if (indexThere) {
      Pusher.push(
          connection,
          SqliteDialect.INSTANCE,
          schema,
          false,
          LOCK_TIMEOUT); // undo a oneChange (not timed apart)
      indexThere = false;
    }
    PushResult result =
        Pusher.push(connection, SqliteDialect.INSTANCE, schema, false, LOCK_TIMEOUT);
    if (!result.statements().isEmpty()) {
      throw new IllegalStateException("expected nothing to do: " + result.statements());
    }
    return result;
  }

  @Benchmark
  public PushResult oneChange() throws Exception {
    PushResult result =
        Pusher.push(
            connection,
            SqliteDialect.INSTANCE,
            indexThere ? schema : withIndex,
            false,
            LOCK_TIMEOUT);
    indexThere = !indexThere;
    if (result.statements().size() != 1) {
      throw new IllegalStateException("expected one statement: " + result.statements());
    }
    return result;
  }
}
