package dev.nanoka.bench;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationIndex;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.net.URL;
import java.net.URLClassLoader;
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
 * Figure 8, in process: the start-up check of an application whose PostgreSQL database is up to
 * date. The migrations are packaged in an application jar ({@link PostgresStartupCheck} builds
 * it): for Nanoka with a generated-style {@code MigrationIndex} and the journal, for Flyway under
 * {@code db/migration}; each tool has its own database, migrated beforehand.
 */
@State(Scope.Benchmark)
public class PostgresStartupBenchmark {

  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  @Param("")
  public String appJar;

  @Param("")
  public String adminUrl;

  @Param("0")
  public int count;

  private URLClassLoader loader;
  private MigrationIndex index;
  private PostgresBenchServer server;

  @Setup
  public void open() throws Exception {
    FLYWAY_LOG.setLevel(Level.WARNING);
    loader = new URLClassLoader(new URL[] {Path.of(appJar).toUri().toURL()},
        PostgresStartupBenchmark.class.getClassLoader());
    index = StartupCheck.index(loader, StartupCheck.INDEX_CLASS);
    server = new PostgresBenchServer(adminUrl);
    // The application's JDBC driver is loaded before its migrations run (its pool opens a
    // connection first): a cold measurement is the tools' own cost.
    try (var connection = java.sql.DriverManager.getConnection(adminUrl)) {
      connection.createStatement().execute("SELECT 1");
    }
  }

  @TearDown
  public void close() throws Exception {
    loader.close();
  }

  @Benchmark
  public MigrateResult nanoka() throws Exception {
    MigrateResult result = Migrator.forUrl(server.jdbcUrl(PostgresStartupCheck.NANOKA_DB))
        .source(MigrationSource.index(index))
        .build()
        .migrate();
    if (!result.applied().isEmpty() || result.upToDate().size() != count) {
      throw new IllegalStateException("expected " + count + " applied and none pending: " + result);
    }
    return result;
  }

  /**
   * The floor both tools stand on: a new connection (PostgreSQL starts a server process for
   * each) and one query.
   */
  @Benchmark
  public boolean connection() throws Exception {
    try (var connection = java.sql.DriverManager.getConnection(
            server.jdbcUrl(PostgresStartupCheck.NANOKA_DB));
        var statement = connection.createStatement()) {
      return statement.execute("SELECT 1");
    }
  }

  @Benchmark
  public org.flywaydb.core.api.output.MigrateResult flyway() {
    org.flywaydb.core.api.output.MigrateResult result = Flyway.configure(loader)
        .dataSource(server.jdbcUrl(PostgresStartupCheck.FLYWAY_DB), server.user(),
            server.password())
        .locations("classpath:" + StartupCheck.FLYWAY_FOLDER)
        .load()
        .migrate();
    if (result.migrationsExecuted != 0) {
      throw new IllegalStateException("Flyway applied " + result.migrationsExecuted);
    }
    return result;
  }
}
