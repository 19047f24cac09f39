package dev.nanoka.bench;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Figure 7, in process: every generated migration applied to a fresh PostgreSQL database (created
 * before and dropped after each op, outside the timing) by Nanoka's {@link Migrator} (as
 * configured by default, and committing after every file) and by Flyway.
 * {@link PostgresMigrateSpeed} runs it.
 */
@State(Scope.Benchmark)
public class PostgresMigrateBenchmark {

  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
  private static final String DATABASE = "nanoka_bench_migrate";

  /** The server's admin JDBC URL. */
  @Param("")
  public String adminUrl;

  /** The drizzle-kit folder: {@code NNNN_name.sql} and {@code meta/_journal.json}. */
  @Param("")
  public String drizzleDir;

  /** The same files named for Flyway ({@code V<n>__name.sql}). */
  @Param("")
  public String flywayDir;

  @Param("0")
  public int count;

  private PostgresBenchServer server;
  private String url;

  @Setup(org.openjdk.jmh.annotations.Level.Trial)
  public void connect() {
    FLYWAY_LOG.setLevel(Level.WARNING);
    server = new PostgresBenchServer(adminUrl);
    url = server.jdbcUrl(DATABASE);
  }

  @Setup(org.openjdk.jmh.annotations.Level.Invocation)
  public void freshDatabase() throws Exception {
    server.create(DATABASE);
  }

  @TearDown(org.openjdk.jmh.annotations.Level.Invocation)
  public void dropDatabase() throws Exception {
    server.drop(DATABASE);
  }

  @Benchmark
  public MigrateResult nanoka() throws Exception {
    MigrateResult result = Migrator.forUrl(url)
        .source(MigrationSource.folder(Path.of(drizzleDir)))
        .build()
        .migrate();
    check(result.applied().size());
    return result;
  }

  @Benchmark
  public org.flywaydb.core.api.output.MigrateResult flyway() {
    org.flywaydb.core.api.output.MigrateResult result = Flyway.configure()
        .dataSource(url, server.user(), server.password())
        .locations("filesystem:" + flywayDir)
        .load()
        .migrate();
    check(result.migrationsExecuted);
    return result;
  }

  /** A commit per file: what grouping commits (commitEvery, 1 s by default) saves. */
  @Benchmark
  public MigrateResult nanokaCommitPerFile() throws Exception {
    MigrateResult result = Migrator.forUrl(url)
        .source(MigrationSource.folder(Path.of(drizzleDir)))
        .commitEvery(Duration.ZERO)
        .build()
        .migrate();
    check(result.applied().size());
    return result;
  }

  private void check(int applied) {
    if (applied != count) {
      throw new IllegalStateException("applied " + applied + " of " + count + " migrations");
    }
  }
}
