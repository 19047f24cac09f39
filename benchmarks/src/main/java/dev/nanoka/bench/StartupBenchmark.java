package dev.nanoka.bench;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationIndex;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Figure 3, in process: the start-up check of an application whose database is up to date —
 * every migration applied, nothing pending. The migrations are packaged in an application jar
 * ({@link StartupCheck} builds it): for Nanoka with a generated-style {@code MigrationIndex}, for
 * Flyway under {@code db/migration}, all read through the jar's class loader as an application
 * would.
 */
@State(Scope.Benchmark)
public class StartupBenchmark {

  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  @Param("")
  public String appJar;

  @Param("")
  public String nanokaDb;

  @Param("")
  public String flywayDb;

  @Param("0")
  public int count;

  private URLClassLoader loader;
  private MigrationIndex index;
  private Path copies;
  private String nanokaUrl;
  private String flywayUrl;

  @Setup
  public void open() throws Exception {
    FLYWAY_LOG.setLevel(Level.WARNING);
    loader = new URLClassLoader(new URL[] {Path.of(appJar).toUri().toURL()},
        StartupBenchmark.class.getClassLoader());
    index = StartupCheck.index(loader, StartupCheck.INDEX_CLASS);
    copies = Files.createTempDirectory("nanoka-bench-startup");
    nanokaUrl = "jdbc:sqlite:" + Files.copy(Path.of(nanokaDb), copies.resolve("nanoka.db"));
    flywayUrl = "jdbc:sqlite:" + Files.copy(Path.of(flywayDb), copies.resolve("flyway.db"));
    // The application's JDBC driver is loaded before its migrations run (its pool opens a
    // connection first), and both tools share it: load sqlite-jdbc's native library here, so a
    // cold measurement is the tools' own cost.
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
      connection.createStatement().execute("SELECT 1");
    }
  }

  @TearDown
  public void close() throws Exception {
    loader.close();
    Processes.deleteTree(copies);
  }

  @Benchmark
  public MigrateResult nanoka() throws Exception {
    MigrateResult result = Migrator.forUrl(nanokaUrl)
        .source(MigrationSource.index(index))
        .build()
        .migrate();
    if (!result.applied().isEmpty() || result.upToDate().size() != count) {
      throw new IllegalStateException("expected " + count + " applied and none pending: " + result);
    }
    return result;
  }

  @Benchmark
  public org.flywaydb.core.api.output.MigrateResult flyway() {
    org.flywaydb.core.api.output.MigrateResult result = Flyway.configure(loader)
        .dataSource(flywayUrl, null, null)
        .locations("classpath:" + StartupCheck.FLYWAY_FOLDER)
        .load()
        .migrate();
    if (result.migrationsExecuted != 0) {
      throw new IllegalStateException("Flyway applied " + result.migrationsExecuted);
    }
    return result;
  }
}
