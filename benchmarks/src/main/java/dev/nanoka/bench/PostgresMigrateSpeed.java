package dev.nanoka.bench;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * Figure 7: apply 500 generated migrations to a fresh PostgreSQL database — Nanoka's runtime vs
 * Flyway (the same SQL as {@code V<n>__<name>.sql}, with flyway-database-postgresql) vs
 * {@code psql -1 -f} of the files concatenated (one transaction, one connection: the floor).
 * Targets: within 1.5× of psql, at least 3× faster than Flyway. Also the runtime committing after
 * every file ({@code commitEvery(Duration.ZERO)}) and, with {@code --cli}, Nanoka's CLI as a
 * whole process.
 *
 * <p>Interleaved rounds, not one JMH run per tool: most of the time is the server's own DDL work,
 * and on a shared 2-core machine the load moves by a factor of two within minutes, so each round
 * runs every tool once (on a fresh database each, created and dropped outside the timing, in an
 * order rotated per round) and the ratios are medians of the rounds' own ratios. Nanoka and
 * Flyway run in this JVM, warmed by {@code --warmups} untimed rounds; psql and the CLI as whole
 * processes.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.PostgresMigrateSpeed --url=jdbc:postgresql://…/postgres?user=…
 *     [--migrations=500] [--rounds=7] [--warmups=2] [--psql=psql]
 *     [--cli=cli/target/nanoka-cli.jar] [--work=target/bench/pg-migrate]
 * </pre>
 */
public final class PostgresMigrateSpeed {

  private static final String DATABASE = "nanoka_bench_migrate";
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private static final String PSQL = "psql -1 -f, one transaction (floor)";
  private static final String NANOKA = "Nanoka Migrator (commits grouped, default)";
  private static final String PER_FILE = "Nanoka Migrator, commitEvery(ZERO): a commit per file";
  private static final String CLI = "Nanoka CLI, whole process (JVM start-up included)";

  @FunctionalInterface
  private interface Run {
    void run() throws Exception;
  }

  private PostgresMigrateSpeed() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int count = args.integer("migrations", 500);
    int rounds = args.integer("rounds", 7);
    Path work = args.path("work", "target/bench/pg-migrate");
    PostgresBenchServer server = new PostgresBenchServer(args.required("url"));
    FLYWAY_LOG.setLevel(Level.WARNING);
    Processes.deleteTree(work);
    var scripts = PostgresMigrationGenerator.generate(count);
    Path drizzle = work.resolve("drizzle");
    Path flyway = work.resolve("flyway");
    Path all = work.resolve("all.sql");
    PostgresMigrationGenerator.writeDrizzleFolder(scripts, drizzle);
    MigrationGenerator.writeFlywayFolder(scripts, flyway);
    Files.writeString(all, PostgresMigrationGenerator.concatenated(scripts));
    System.out.println("Figure 7: " + count + " migrations into a fresh PostgreSQL database — "
        + Machine.describe() + "; " + server.describe());

    String url = server.jdbcUrl(DATABASE);
    String flywayName = "Flyway " + MigrateSpeed.flywayVersion();
    Map<String, Run> tools = new LinkedHashMap<>();
    tools.put(PSQL, () -> Processes.measure(List.of(args.string("psql", "psql"), "-X", "-q",
        "-1", "-v", "ON_ERROR_STOP=1", "-f", all.toString(), "-d", server.libpqUrl(DATABASE)),
        work, Map.of(), null));
    tools.put(NANOKA, () -> check(count, Migrator.forUrl(url)
        .source(MigrationSource.folder(drizzle)).build().migrate()));
    tools.put(flywayName, () -> {
      int executed = Flyway.configure().dataSource(url, server.user(), server.password())
          .locations("filesystem:" + flyway).load().migrate().migrationsExecuted;
      if (executed != count) {
        throw new IllegalStateException("Flyway applied " + executed + " of " + count);
      }
    });
    tools.put(PER_FILE, () -> check(count, Migrator.forUrl(url)
        .source(MigrationSource.folder(drizzle)).commitEvery(Duration.ZERO).build().migrate()));
    String cli = args.string("cli", "");
    if (!cli.isEmpty()) {
      tools.put(CLI, () -> Processes.measure(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          Path.of(cli).toAbsolutePath().toString(), "migrate", "--dir", drizzle.toString(),
          "--url", url), work, Map.of(), null));
    }

    List<String> names = new ArrayList<>(tools.keySet());
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    names.forEach(name -> samples.put(name, new ArrayList<>()));
    int warmups = args.integer("warmups", 2);
    for (int round = -warmups; round < rounds; round++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get(Math.floorMod(k + round, names.size()));
        server.create(DATABASE);
        try {
          long start = System.nanoTime();
          tools.get(name).run();
          double millis = (System.nanoTime() - start) / 1e6;
          if (round >= 0) {
            samples.get(name).add(millis);
          }
        } finally {
          server.drop(DATABASE);
        }
      }
    }

    Report table = new Report("Figure 7 — apply " + count + " migrations to a fresh PostgreSQL"
        + " database (" + rounds + " interleaved rounds: median (min–max); ratios: median of the"
        + " rounds' ratios)", "tool", "time", "÷ psql", "Flyway ÷ tool");
    List<Double> floor = samples.get(PSQL);
    List<Double> flywayTimes = samples.get(flywayName);
    for (String name : names) {
      List<Double> times = samples.get(name);
      table.row(name, new Stats(times), Report.ratio(pairedRatio(times, floor)),
          Report.ratio(pairedRatio(flywayTimes, times)));
    }
    double vsFlyway = pairedRatio(flywayTimes, samples.get(NANOKA));
    double vsFloor = pairedRatio(samples.get(NANOKA), floor);
    table.note(String.format(Locale.ROOT,
        "Nanoka vs Flyway: %s faster (target ≥ 3×): %s", Report.ratio(vsFlyway),
        Report.verdict(vsFlyway >= 3)));
    table.note(String.format(Locale.ROOT,
        "Nanoka vs psql: %s the floor's time (target ≤ 1.5×): %s", Report.ratio(vsFloor),
        Report.verdict(vsFloor <= 1.5)));
    table.note(String.format(Locale.ROOT, "Flyway ÷ psql is %s on this server: where it is"
        + " below 3×, being 3× faster than Flyway would mean beating the floor.",
        Report.ratio(pairedRatio(flywayTimes, floor))));
    table.print();
    System.out.println("(" + Machine.load() + " at the end)");
  }

  /** The median over rounds of {@code a[i] / b[i]}: both measured in the same round. */
  static double pairedRatio(List<Double> a, List<Double> b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      ratios.add(a.get(i) / b.get(i));
    }
    return new Stats(ratios).median();
  }

  private static void check(int count, MigrateResult result) {
    if (result.applied().size() != count) {
      throw new IllegalStateException("applied " + result.applied().size() + " of " + count);
    }
  }
}
