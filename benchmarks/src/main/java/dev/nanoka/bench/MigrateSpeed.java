package dev.nanoka.bench;

import dev.nanoka.runtime.migrate.Migration;
import dev.nanoka.runtime.migrate.MigrationSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;

/**
 * Figure 2: apply 500 generated migrations to a fresh SQLite file — Nanoka's runtime vs Flyway
 * (the same SQL as {@code V<n>__<name>.sql}) vs the sqlite3 command-line tool running the same
 * SQL in one transaction (the floor). Targets: at least 3× faster than Flyway, within 1.5× of
 * sqlite3. Nanoka and Flyway run in process under JMH (single shot, a fresh file each time);
 * sqlite3 as whole processes, median of several runs. Also prints where the runtime's time goes
 * (a step-by-step rebuild of its loop) and the same for the one-transaction prototype.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.MigrateSpeed [--migrations=500] [--runs=5] [--warmups=2]
 *     [--iterations=5] [--sqlite3=sqlite3] [--work=target/bench/migrate]
 * </pre>
 */
public final class MigrateSpeed {

  private MigrateSpeed() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int count = args.integer("migrations", 500);
    Path work = args.path("work", "target/bench/migrate");
    Processes.deleteTree(work);
    var scripts = MigrationGenerator.generate(count);
    Path drizzle = work.resolve("drizzle");
    Path flyway = work.resolve("flyway");
    Path all = work.resolve("all.sql");
    MigrationGenerator.writeDrizzleFolder(scripts, drizzle);
    MigrationGenerator.writeFlywayFolder(scripts, flyway);
    Files.writeString(all, MigrationGenerator.oneTransaction(scripts));
    System.out.println("Figure 2: " + count + " migrations into a fresh SQLite file — "
        + Machine.describe());

    // The floor: sqlite3 running the same SQL in one transaction, whole process.
    String sqlite3 = args.string("sqlite3", "sqlite3");
    List<Double> floorWall = new ArrayList<>();
    List<Double> floorCpu = new ArrayList<>();
    for (int run = 0; run < args.integer("runs", 5); run++) {
      Path db = work.resolve("sqlite3-" + run + ".db");
      Processes.Sample sample = Processes.measure(
          List.of(sqlite3, "-bail", db.toString(), ".read " + all), work, Map.of(), null);
      floorWall.add(sample.wallMillis());
      floorCpu.add(sample.cpuMillis());
      Files.delete(db);
    }
    Stats floor = new Stats(floorWall);
    Stats floorCpuStats = new Stats(floorCpu);

    List<Jmh.Score> scores = Jmh.run(MigrateBenchmark.class.getName() + "\\.",
        new Jmh.Plan(Mode.SingleShotTime, args.integer("warmups", 2),
            args.integer("iterations", 5), 1, 0),
        Map.of("drizzleDir", new String[] {drizzle.toString()},
            "flywayDir", new String[] {flyway.toString()},
            "count", new String[] {String.valueOf(count)}),
        List.of("-Xmx1g"), work.resolve("jmh.log"));
    Jmh.Score nanoka = Jmh.find(scores, "nanoka", null, null);
    Jmh.Score flywayScore = Jmh.find(scores, "flyway", null, null);
    Jmh.Score prototype = Jmh.find(scores, "nanokaOneTransactionPrototype", null, null);

    Report table = new Report("Figure 2 — apply " + count + " migrations to a fresh SQLite file"
        + " (JMH single shot, median; sqlite3: whole process, median)",
        "tool", "time", "÷ sqlite3", "Flyway ÷ tool");
    table.row("sqlite3 CLI, one transaction (floor)", floor + ", cpu "
        + Report.millis(floorCpuStats.median()), Report.ratio(1), Report.ratio(
            flywayScore.median() / floor.median()));
    table.row("Nanoka Migrator (runtime today)", nanoka.describe(),
        Report.ratio(nanoka.median() / floor.median()),
        Report.ratio(flywayScore.median() / nanoka.median()));
    table.row("Flyway " + flywayVersion(), flywayScore.describe(),
        Report.ratio(flywayScore.median() / floor.median()), Report.ratio(1));
    table.row("prototype: one transaction, SAVEPOINT per file", prototype.describe(),
        Report.ratio(prototype.median() / floor.median()),
        Report.ratio(flywayScore.median() / prototype.median()));
    double vsFlyway = flywayScore.median() / nanoka.median();
    double vsFloor = nanoka.median() / floor.median();
    table.note(String.format(Locale.ROOT,
        "Nanoka vs Flyway: %s faster (target ≥ 3×): %s", Report.ratio(vsFlyway),
        Report.verdict(vsFlyway >= 3)));
    table.note(String.format(Locale.ROOT,
        "Nanoka vs sqlite3: %s the floor's time (target ≤ 1.5×): %s", Report.ratio(vsFloor),
        Report.verdict(vsFloor <= 1.5)));
    table.note(String.format(Locale.ROOT,
        "with the proposed fix (prototype): %s faster than Flyway, %s sqlite3's time",
        Report.ratio(flywayScore.median() / prototype.median()),
        Report.ratio(prototype.median() / floor.median())));
    table.print();

    breakdown(drizzle, work);
    System.out.println("(" + Machine.load() + " at the end)");
  }

  /** Flyway's version, from the text file its jar carries. */
  static String flywayVersion() {
    try (var in = org.flywaydb.core.Flyway.class.getResourceAsStream(
        "/org/flywaydb/core/internal/version.txt")) {
      return in == null ? "?" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /** Where the time goes, per step, for today's per-file loop and the prototype. */
  static void breakdown(Path drizzle, Path work) throws Exception {
    List<Migration> migrations = MigrationSource.folder(drizzle).load();
    Report table = new Report("Figure 2, why — time per step, " + migrations.size()
        + " files (one run each, in process)", "step", "per file (today)",
        "one transaction (prototype)");
    Map<String, Double> perFile = null;
    Map<String, Double> oneTransaction = null;
    for (MigratorPrototype.Mode mode : MigratorPrototype.Mode.values()) {
      Path db = work.resolve("breakdown-" + mode + ".db");
      MigratorPrototype prototype = new MigratorPrototype();
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
        prototype.apply(connection, migrations, mode, MigratorPrototype.Check.WHOLE_DATABASE);
      }
      Files.delete(db);
      if (mode == MigratorPrototype.Mode.PER_FILE) {
        perFile = prototype.breakdownMillis();
      } else {
        oneTransaction = prototype.breakdownMillis();
      }
    }
    java.util.Set<String> steps = new java.util.LinkedHashSet<>(perFile.keySet());
    steps.addAll(oneTransaction.keySet());
    double totalA = 0;
    double totalB = 0;
    for (String step : steps) {
      double a = perFile.getOrDefault(step, 0.0);
      double b = oneTransaction.getOrDefault(step, 0.0);
      totalA += a;
      totalB += b;
      table.row(step, Report.millis(a), Report.millis(b));
    }
    table.row("total", Report.millis(totalA), Report.millis(totalB));
    table.note("One COMMIT per file means one journal write + fsync cycle per file; SQLite's"
        + " rollback journal syncs the journal and the database at each commit.");
    table.print();
  }
}
