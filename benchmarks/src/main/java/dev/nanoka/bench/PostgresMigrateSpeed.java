package dev.nanoka.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;

/**
 * Figure 7: apply 500 generated migrations to a fresh PostgreSQL database — Nanoka's runtime vs
 * Flyway (the same SQL as {@code V<n>__<name>.sql}, with flyway-database-postgresql) vs
 * {@code psql -1 -f} of the files concatenated (one transaction, one connection: the floor).
 * Targets: within 1.5× of psql, at least 3× faster than Flyway. Nanoka and Flyway run in process
 * under JMH (single shot, a fresh database each op); psql and, when {@code --cli} is given,
 * Nanoka's CLI as whole processes, median of several runs. The runtime also runs committing
 * after every file ({@code commitEvery(Duration.ZERO)}).
 *
 * <pre>
 * java -cp … dev.nanoka.bench.PostgresMigrateSpeed --url=jdbc:postgresql://…/postgres?user=…
 *     [--migrations=500] [--runs=5] [--warmups=2] [--iterations=5] [--psql=psql]
 *     [--cli=cli/target/nanoka-cli.jar] [--work=target/bench/pg-migrate]
 * </pre>
 */
public final class PostgresMigrateSpeed {

  private static final String DATABASE = "nanoka_bench_floor";

  private PostgresMigrateSpeed() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int count = args.integer("migrations", 500);
    int runs = args.integer("runs", 5);
    Path work = args.path("work", "target/bench/pg-migrate");
    PostgresBenchServer server = new PostgresBenchServer(args.required("url"));
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

    // The floor: psql running the same SQL in one transaction, whole process.
    String psql = args.string("psql", "psql");
    Stats floor = wholeProcess(server, runs, work, List.of(psql, "-X", "-q", "-1", "-v",
        "ON_ERROR_STOP=1", "-f", all.toString(), "-d", server.libpqUrl(DATABASE)));
    String cli = args.string("cli", "");
    Stats cliStats = cli.isEmpty() ? null : wholeProcess(server, runs, work, List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Path.of(cli).toAbsolutePath().toString(),
        "migrate", "--dir", drizzle.toString(), "--url", server.jdbcUrl(DATABASE)));

    List<Jmh.Score> scores = Jmh.run(PostgresMigrateBenchmark.class.getName() + "\\.",
        new Jmh.Plan(Mode.SingleShotTime, args.integer("warmups", 2),
            args.integer("iterations", 5), 1, 0),
        Map.of("adminUrl", new String[] {args.required("url")},
            "drizzleDir", new String[] {drizzle.toString()},
            "flywayDir", new String[] {flyway.toString()},
            "count", new String[] {String.valueOf(count)}),
        List.of("-Xmx1g"), work.resolve("jmh.log"));
    Jmh.Score nanoka = Jmh.find(scores, "nanoka", null, null);
    Jmh.Score flywayScore = Jmh.find(scores, "flyway", null, null);
    Jmh.Score perFile = Jmh.find(scores, "nanokaCommitPerFile", null, null);

    Report table = new Report("Figure 7 — apply " + count + " migrations to a fresh PostgreSQL"
        + " database (JMH single shot, median; psql and the CLI: whole process, median)",
        "tool", "time", "÷ psql", "Flyway ÷ tool");
    table.row("psql -1 -f, one transaction (floor)", floor, Report.ratio(1),
        Report.ratio(flywayScore.median() / floor.median()));
    table.row("Nanoka Migrator (commits grouped, default)", nanoka.describe(),
        Report.ratio(nanoka.median() / floor.median()),
        Report.ratio(flywayScore.median() / nanoka.median()));
    table.row("Flyway " + MigrateSpeed.flywayVersion(), flywayScore.describe(),
        Report.ratio(flywayScore.median() / floor.median()), Report.ratio(1));
    table.row("Nanoka Migrator, commitEvery(ZERO): a commit per file", perFile.describe(),
        Report.ratio(perFile.median() / floor.median()),
        Report.ratio(flywayScore.median() / perFile.median()));
    if (cliStats != null) {
      table.row("Nanoka CLI, whole process (JVM start-up included)", cliStats,
          Report.ratio(cliStats.median() / floor.median()),
          Report.ratio(flywayScore.median() / cliStats.median()));
    }
    double vsFlyway = flywayScore.median() / nanoka.median();
    double vsFloor = nanoka.median() / floor.median();
    table.note(String.format(Locale.ROOT,
        "Nanoka vs Flyway: %s faster (target ≥ 3×): %s", Report.ratio(vsFlyway),
        Report.verdict(vsFlyway >= 3)));
    table.note(String.format(Locale.ROOT,
        "Nanoka vs psql: %s the floor's time (target ≤ 1.5×): %s", Report.ratio(vsFloor),
        Report.verdict(vsFloor <= 1.5)));
    table.note(String.format(Locale.ROOT, "Flyway ÷ psql is %s on this server: where it is"
        + " below 3×, being 3× faster than Flyway would mean beating the floor.",
        Report.ratio(flywayScore.median() / floor.median())));
    table.print();
    System.out.println("(" + Machine.load() + " at the end)");
  }

  /** A fresh database per run (created and dropped outside the timing). */
  private static Stats wholeProcess(PostgresBenchServer server, int runs, Path work,
      List<String> command) throws Exception {
    List<Double> wall = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      server.create(DATABASE);
      try {
        wall.add(Processes.measure(command, work, Map.of(), null).wallMillis());
      } finally {
        server.drop(DATABASE);
      }
    }
    return new Stats(wall);
  }
}
