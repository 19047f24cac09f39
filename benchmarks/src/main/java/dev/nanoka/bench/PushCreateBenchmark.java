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
 * Figure 5, in process: the first push of {@code tables} tables into an empty SQLite file, and
 * the same statements run over plain JDBC in one transaction — SQLite's own share of the time.
 */
@State(Scope.Benchmark)
public class PushCreateBenchmark {

  @Param({"10", "100", "1000"})
  public int tables;

  private DatabaseSchema schema;
  private java.util.List<String> statements;
  private Path dir;

  @Setup(Level.Trial)
  public void schema() throws Exception {
    schema = PushSchemas.of(tables, false);
    try (Connection empty = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      statements = Pusher.plan(empty, SqliteDialect.INSTANCE, schema);
    }
  }

  @Setup(Level.Invocation)
  public void freshFile() throws Exception {
    dir = Files.createTempDirectory("nanoka-bench-push");
  }

  @TearDown(Level.Invocation)
  public void deleteFile() throws Exception {
    Processes.deleteTree(dir);
  }

  @Benchmark
  public PushResult createAll() throws Exception {
    try (Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dev.db"))) {
      PushResult result =
          Pusher.push(connection, SqliteDialect.INSTANCE, schema, false, Duration.ofSeconds(30));
      if (result.statements().isEmpty()) {
        throw new IllegalStateException("nothing pushed");
      }
      return result;
    }
  }

  /** The statements the push runs, without Nanoka: what SQLite itself needs for them. */
  @Benchmark
  public int plainJdbc() throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dev.db"));
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      for (String sql : statements) {
        statement.execute(sql);
      }
      statement.execute("COMMIT");
      return statements.size();
    }
  }
}
