package dev.nanoka.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * sqlite3 as whole processes, median of several runs. The runtime also runs committing after
 * every file ({@code commitEvery(Duration.ZERO)}), which shows what grouping commits is worth.
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
    Jmh.Score perFile = Jmh.find(scores, "nanokaCommitPerFile", null, null);

    Report table = new Report("Figure 2 — apply " + count + " migrations to a fresh SQLite file"
        + " (JMH single shot, median; sqlite3: whole process, median)",
        "tool", "time", "÷ sqlite3", "Flyway ÷ tool");
    table.row("sqlite3 CLI, one transaction (floor)", floor + ", cpu "
        + Report.millis(floorCpuStats.median()), Report.ratio(1), Report.ratio(
            flywayScore.median() / floor.median()));
    table.row("Nanoka Migrator (commits grouped, default)", nanoka.describe(),
        Report.ratio(nanoka.median() / floor.median()),
        Report.ratio(flywayScore.median() / nanoka.median()));
    table.row("Flyway " + flywayVersion(), flywayScore.describe(),
        Report.ratio(flywayScore.median() / floor.median()), Report.ratio(1));
    table.row("Nanoka Migrator, commitEvery(ZERO): a commit per file", perFile.describe(),
        Report.ratio(perFile.median() / floor.median()),
        Report.ratio(flywayScore.median() / perFile.median()));
    double vsFlyway = flywayScore.median() / nanoka.median();
    double vsFloor = nanoka.median() / floor.median();
    table.note(String.format(Locale.ROOT,
        "Nanoka vs Flyway: %s faster (target ≥ 3×): %s", Report.ratio(vsFlyway),
        Report.verdict(vsFlyway >= 3)));
    table.note(String.format(Locale.ROOT,
        "Nanoka vs sqlite3: %s the floor's time (target ≤ 1.5×): %s", Report.ratio(vsFloor),
        Report.verdict(vsFloor <= 1.5)));
    table.note(String.format(Locale.ROOT, "Flyway ÷ sqlite3 is %s on this machine: where it is"
        + " below 3×, being 3× faster than Flyway would mean beating the floor.",
        Report.ratio(flywayScore.median() / floor.median())));
    table.note("A commit per file costs one journal write and fsync cycle per file (SQLite's"
        + " rollback journal syncs the journal and the database at each commit).");
    table.print();
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
}
