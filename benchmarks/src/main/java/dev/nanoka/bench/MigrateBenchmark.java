package dev.nanoka.bench;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.nio.file.Files;
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
 * Figure 2, in process: every generated migration applied to a fresh SQLite file, by Nanoka's
 * {@link Migrator} (as configured by default, and committing after every file), and by Flyway.
 * {@link MigrateSpeed} runs it (single-shot: one fresh file per op).
 */
@State(Scope.Benchmark)
public class MigrateBenchmark {

  /** Flyway logs every migration through java.util.logging; kept referenced so it stays quiet. */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  /** The drizzle-kit style folder ({@code NNNN_name.sql}). */
  @Param("")
  public String drizzleDir;

  /** The same files named for Flyway ({@code V<n>__name.sql}). */
  @Param("")
  public String flywayDir;

  /** How many files there are, to check every tool applied them all. */
  @Param("0")
  public int count;

  private Path db;

  @Setup(org.openjdk.jmh.annotations.Level.Trial)
  public void quiet() {
    FLYWAY_LOG.setLevel(Level.WARNING);
  }

  @Setup(org.openjdk.jmh.annotations.Level.Invocation)
  public void freshFile() throws Exception {
    Path dir = Files.createTempDirectory("nanoka-bench-migrate");
    db = dir.resolve("app.db");
  }

  @TearDown(org.openjdk.jmh.annotations.Level.Invocation)
  public void deleteFile() throws Exception {
    Processes.deleteTree(db.getParent());
  }

  @Benchmark
  public MigrateResult nanoka() throws Exception {
    MigrateResult result = Migrator.forUrl("jdbc:sqlite:" + db)
        .source(MigrationSource.folder(Path.of(drizzleDir)))
        .build()
        .migrate();
    check(result.applied().size());
    return result;
  }

  @Benchmark
  public org.flywaydb.core.api.output.MigrateResult flyway() {
    org.flywaydb.core.api.output.MigrateResult result = Flyway.configure()
        .dataSource("jdbc:sqlite:" + db, null, null)
        .locations("filesystem:" + flywayDir)
        .load()
        .migrate();
    check(result.migrationsExecuted);
    return result;
  }

  /** Committing after every file, as the runtime did before commits were grouped. */
  @Benchmark
  public MigrateResult nanokaCommitPerFile() throws Exception {
    MigrateResult result = Migrator.forUrl("jdbc:sqlite:" + db)
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
