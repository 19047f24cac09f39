package dev.nanoka.bench;

import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Mode;

/**
 * Figure 8: the start-up check on PostgreSQL with nothing pending — 500 applied migrations, the
 * index and the journal on the class path — Nanoka's {@code Migrator.migrate()} vs Flyway's
 * {@code migrate()}, in process, each on a database of its own. Target: at most 1/10 of Flyway's
 * time (figure 3's, on SQLite). Warm (average after warm-up) and cold (the first call in a fresh
 * JVM, several forks), as figure 3.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.PostgresStartupCheck --url=jdbc:postgresql://…/postgres?user=…
 *     [--migrations=500] [--warmups=3] [--iterations=5] [--cold-forks=5]
 *     [--work=target/bench/pg-startup]
 * </pre>
 */
public final class PostgresStartupCheck {

  static final String NANOKA_DB = "nanoka_bench_startup_nanoka";
  static final String FLYWAY_DB = "nanoka_bench_startup_flyway";
  /** Kept referenced: a logger only named could be collected with its level. */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private PostgresStartupCheck() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int count = args.integer("migrations", 500);
    Path work = args.path("work", "target/bench/pg-startup");
    String adminUrl = args.required("url");
    PostgresBenchServer server = new PostgresBenchServer(adminUrl);
    Processes.deleteTree(work);
    Files.createDirectories(work);
    System.out.println("Figure 8: start-up check on PostgreSQL, " + count + " migrations applied,"
        + " none pending — " + Machine.describe() + "; " + server.describe());
    var scripts = PostgresMigrationGenerator.generate(count);
    Path jar = StartupCheck.buildAppJar(scripts, work, Map.of("meta/_journal.json",
        PostgresMigrationGenerator.journal(scripts).getBytes(StandardCharsets.UTF_8)));
    server.create(NANOKA_DB);
    server.create(FLYWAY_DB);
    try {
      migrateBoth(jar, server);
      Map<String, String[]> params = Map.of(
          "appJar", new String[] {jar.toString()},
          "adminUrl", new String[] {adminUrl},
          "count", new String[] {String.valueOf(count)});
      String include = PostgresStartupBenchmark.class.getName() + "\\.";
      List<Jmh.Score> warm = Jmh.run(include, new Jmh.Plan(Mode.AverageTime,
          args.integer("warmups", 3), args.integer("iterations", 5), 1, 1), params, List.of(),
          work.resolve("jmh-warm.log"));
      List<Jmh.Score> cold = Jmh.run(include, new Jmh.Plan(Mode.SingleShotTime, 0, 1,
          args.integer("cold-forks", 5), 0), params, List.of(), work.resolve("jmh-cold.log"));

      Report table = new Report("Figure 8 — start-up check on PostgreSQL, " + count
          + " applied, none pending (JMH; warm: average after warm-up; cold: first call in a"
          + " fresh JVM with the JDBC driver loaded, median over forks)", "", "Nanoka",
          "Flyway " + MigrateSpeed.flywayVersion(), "Nanoka ÷ Flyway (target ≤ 0.10)",
          "a new connection + SELECT 1");
      for (var entry : List.of(Map.entry("warm", warm), Map.entry("cold", cold))) {
        Jmh.Score nanoka = Jmh.find(entry.getValue(), "nanoka", null, null);
        Jmh.Score flyway = Jmh.find(entry.getValue(), "flyway", null, null);
        Jmh.Score connection = Jmh.find(entry.getValue(), "connection", null, null);
        double ratio = nanoka.median() / flyway.median();
        table.row(entry.getKey(), nanoka.describe(), flyway.describe(),
            String.format(Locale.ROOT, "%.3f (1/%.0f) %s", ratio, 1 / ratio,
                Report.verdict(ratio <= 0.10)), connection.describe());
      }
      table.note("Each migrate() opens its own connection, for which PostgreSQL starts a server"
          + " process: the last column is that floor. Nanoka then sets lock_timeout and reads the"
          + " history (a few small queries); no file is read.");
      table.print();
      System.out.println("(" + Machine.load() + " at the end)");
    } finally {
      server.drop(NANOKA_DB);
      server.drop(FLYWAY_DB);
    }
  }

  /** Applies every migration with each tool, from the jar, so both start up to date. */
  private static void migrateBoth(Path jar, PostgresBenchServer server) throws Exception {
    FLYWAY_LOG.setLevel(Level.WARNING);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        PostgresStartupCheck.class.getClassLoader())) {
      Migrator.forUrl(server.jdbcUrl(NANOKA_DB))
          .source(MigrationSource.index(StartupCheck.index(loader, StartupCheck.INDEX_CLASS)))
          .migrate();
      Flyway.configure(loader).dataSource(server.jdbcUrl(FLYWAY_DB), server.user(),
          server.password()).locations("classpath:" + StartupCheck.FLYWAY_FOLDER).group(true)
          .load().migrate();
    }
  }
}
