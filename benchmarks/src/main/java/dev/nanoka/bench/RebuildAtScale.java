package dev.nanoka.bench;

import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.SqliteDdl;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.core.testing.LibraryRebuild;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 6: a table rebuild under a large dependent tree. {@code authors} is rebuilt (its
 * {@code name} becomes nullable) while {@code books} (ON DELETE CASCADE) and {@code reviews}
 * (ON DELETE CASCADE, under books) hold n rows each, and authors n/5 ({@code LibraryRebuild},
 * the schema core's and the it-tests' rebuild tests use). For each n, whole processes on copies
 * of one seeded file, alternating, medians:
 *
 * <ul>
 *   <li>Nanoka: {@code nanoka-cli.jar migrate} applying the rebuild, minus the same command on
 *       the migrated file (nothing pending: JVM start, the history, the drift check); and
 *       {@code Migrator.migrate()} in this JVM once warmed up, free of JVM start-up noise;
 *   <li>the floor: sqlite3 rebuilding {@code authors} alone with foreign keys off (create, copy,
 *       drop, rename in one transaction), which is all a rebuild needs where foreign keys are not
 *       enforced;
 *   <li>our migration file in sqlite3, in one transaction, with foreign keys off and on (on:
 *       D1's model, every dependent row set aside and put back);
 *   <li>on D1 ({@code wrangler d1 execute --local --json --file} with the migration file, once):
 *       every statement's duration as wrangler reports it, the longest and what it was, and per
 *       step the time per million rows moved.
 * </ul>
 *
 * <pre>
 * java -cp … dev.nanoka.bench.RebuildAtScale --cli=cli/target/nanoka-cli.jar
 *     [--wrangler=it-tests/node_modules/.bin/wrangler] [--sizes=10000,100000,1000000] [--runs=9]
 *     [--work=target/bench/rebuild]
 * </pre>
 */
public final class RebuildAtScale {

  private static final Pattern DURATION = Pattern.compile("\"duration\":\\s*([0-9.]+)");

  private RebuildAtScale() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path cli = args.path("cli", "");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalArgumentException("pass --cli=<nanoka-cli.jar> (scripts/bench.sh does)");
    }
    String wrangler = args.string("wrangler", "");
    List<Integer> sizes = args.integers("sizes", "10000,100000,1000000");
    int runs = args.integer("runs", 9);
    Path work = args.path("work", "target/bench/rebuild");
    Processes.deleteTree(work);
    Path migrations = Files.createDirectories(work.resolve("migrations"));
    Files.writeString(migrations.resolve("0000_create.sql"), LibraryRebuild.createFile());
    Path createOnly = Files.createDirectories(work.resolve("create-only"));
    Files.copy(migrations.resolve("0000_create.sql"), createOnly.resolve("0000_create.sql"));
    String rebuild = LibraryRebuild.rebuildFile();
    Files.writeString(migrations.resolve("0001_rebuild_authors.sql"), rebuild);
    // The cost of applying any file at all: the lock, the history, the commit, the JVM running
    // code an up-to-date start does not.
    Path trivial = Files.createDirectories(work.resolve("trivial"));
    Files.copy(migrations.resolve("0000_create.sql"), trivial.resolve("0000_create.sql"));
    Files.writeString(trivial.resolve("0001_select.sql"), "SELECT 1;");

    System.out.println("Figure 6: rebuild of a parent under two levels of dependents — "
        + Machine.describe() + "; sqlite3 " + Processes.output(List.of("sqlite3", "--version"))
        .split(" ")[0]);
    Report table = new Report("Figure 6 — rebuild of authors (n/5 rows) under n books and n"
        + " reviews, ON DELETE CASCADE; whole processes, " + runs + " rounds, medians of the"
        + " differences and ratios within a round (wall; CPU)",
        "n", "Nanoka migrate − up to date", "floor: sqlite3, authors only, FKs off",
        "÷ floor (wall; CPU)", "target ≤ 2×", "Nanoka in a warm JVM (÷ floor)",
        "Nanoka, a 1-statement file − up to date",
        "our file in sqlite3, FKs off", "FKs on (D1's way)",
        "D1 --local: longest statement", "D1: all statements");
    List<String> rates = new ArrayList<>();
    List<String> replays = new ArrayList<>();
    for (int n : sizes) {
      Path seed = seed(work, createOnly, n);
      Map<String, List<Processes.Sample>> samples = new LinkedHashMap<>();
      for (String side : List.of("nanoka", "uptodate", "trivial", "trivialUptodate", "floor",
          "warm", "fileOff", "fileOn")) {
        samples.put(side, new ArrayList<>());
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> order = new ArrayList<>(samples.keySet());
      for (int warmup = 0; warmup < 2; warmup++) {
        applyInProcess(seed, work.resolve("warm.db"), migrations);
      }
      for (int run = 0; run < runs; run++) {
        for (String side : order) {
          if (side.equals("fileOn") && run >= 3) {
            continue; // seconds per run at n = 1,000,000, and only for comparison
          }
          Path db = work.resolve(side + ".db");
          Path folder = side.startsWith("trivial") ? trivial : migrations;
          if (!side.endsWith("ptodate")) {
            Files.copy(seed, db, StandardCopyOption.REPLACE_EXISTING);
          } else if (!Files.exists(db)) {
            Files.copy(seed, db);
            Processes.run(cliMigrate(java, cli, db, folder), work, Map.of(), null);
          }
          samples.get(side).add(switch (side) {
            case "nanoka", "uptodate", "trivial", "trivialUptodate" ->
                Processes.measure(cliMigrate(java, cli, db, folder), work, Map.of(), null);
            case "warm" -> applyInProcess(seed, db, migrations);
            case "floor" -> Processes.measure(List.of("sqlite3", db.toString()), work, Map.of(),
                "PRAGMA foreign_keys=OFF;\nBEGIN;\n" + floor() + "\nCOMMIT;\n");
            default -> Processes.measure(List.of("sqlite3", db.toString()), work, Map.of(),
                "PRAGMA foreign_keys=" + (side.equals("fileOn") ? "ON" : "OFF")
                    + ";\nBEGIN;\n" + rebuild + "\nCOMMIT;\n");
          });
        }
        Collections.reverse(order);
      }
      Map<String, Stats> wall = new LinkedHashMap<>();
      Map<String, Stats> cpu = new LinkedHashMap<>();
      samples.forEach((side, list) -> {
        wall.put(side, new Stats(list.stream().map(Processes.Sample::wallMillis).toList()));
        cpu.put(side, new Stats(list.stream().map(Processes.Sample::cpuMillis).toList()));
      });
      // Differences and ratios within each run, then their medians: the runs of one round ran
      // side by side, so a change in the machine's load moves both terms of a difference.
      Stats ours = paired(samples, "nanoka", "uptodate", Processes.Sample::wallMillis);
      Stats oursCpu = paired(samples, "nanoka", "uptodate", Processes.Sample::cpuMillis);
      List<Double> ratios = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        ratios.add((samples.get("nanoka").get(run).wallMillis()
            - samples.get("uptodate").get(run).wallMillis())
            / samples.get("floor").get(run).wallMillis());
      }
      double ratio = new Stats(ratios).median();
      D1Run d1 = wrangler.isEmpty() ? null : d1(work, Path.of(wrangler), createOnly, n, rebuild);
      table.row(String.format(Locale.ROOT, "%,d", n),
          ours + "; " + Report.millis(oursCpu.median()),
          Report.millis(wall.get("floor").median()) + "; "
              + Report.millis(cpu.get("floor").median()),
          Report.ratio(ratio) + "; " + cpuRatio(oursCpu.median(), cpu.get("floor").median()),
          Report.verdict(ratio <= 2),
          Report.millis(wall.get("warm").median()) + " (" + Report.ratio(
              wall.get("warm").median() / wall.get("floor").median()) + ")",
          Report.millis(paired(samples, "trivial", "trivialUptodate",
              Processes.Sample::wallMillis).median()),
          Report.millis(wall.get("fileOff").median()),
          Report.millis(wall.get("fileOn").median()),
          d1 == null ? "—" : Report.millis(d1.longest()) + " (" + d1.longestWhat() + ")",
          d1 == null ? "—" : Report.millis(d1.total()) + ", " + d1.count() + " statements");
      replays.add(String.format(Locale.ROOT, "%,d: %s", n, Report.millis(paired(samples,
          "uptodate", "trivialUptodate", Processes.Sample::wallMillis).median())));
      if (d1 != null) {
        rates.add(String.format(Locale.ROOT, "n = %,d: %s", n, d1.rates(n)));
      }
      System.out.printf(Locale.ROOT, "  n = %,d done (%s)%n", n, Machine.load());
    }
    table.note("Nanoka: `java -jar nanoka-cli.jar migrate` (drift check on, as the CLI runs by"
        + " default, and PRAGMA foreign_key_check after the file) minus the same command with"
        + " nothing pending. Floor: CREATE TABLE __new_authors, INSERT … SELECT, DROP, RENAME."
        + " The up-to-date run replays both files into the drift check's in-memory database, the"
        + " pending run only the first; the rebuild's replay on empty tables costs (up to date"
        + " with the rebuild − up to date with the 1-statement file): " + String.join(", ",
            replays) + ".");
    table.note("D1: wrangler's meta.duration per statement (ms, local workerd SQLite); D1 limits a"
        + " query to 30 s. Time per million rows moved, by step (set aside, delete, put back"
        + " for books+reviews; copy and empty for authors):");
    rates.forEach(r -> table.note("  " + r));
    table.print();
    System.out.println("(" + Machine.load() + " at the end)");
  }

  /**
   * The rebuild applied by the runtime in this JVM, warmed up: what applying it costs without
   * starting a JVM or running code for the first time. CPU time is not measured (NaN).
   */
  private static Processes.Sample applyInProcess(Path seed, Path db, Path migrations)
      throws Exception {
    Files.copy(seed, db, StandardCopyOption.REPLACE_EXISTING);
    long start = System.nanoTime();
    Migrator.forUrl("jdbc:sqlite:" + db).source(MigrationSource.folder(migrations)).migrate();
    return new Processes.Sample((System.nanoTime() - start) / 1e6, Double.NaN);
  }

  /** {@code a − b} of each run. */
  private static Stats paired(Map<String, List<Processes.Sample>> samples, String a, String b,
      java.util.function.ToDoubleFunction<Processes.Sample> value) {
    List<Double> differences = new ArrayList<>();
    for (int run = 0; run < samples.get(a).size(); run++) {
      differences.add(value.applyAsDouble(samples.get(a).get(run))
          - value.applyAsDouble(samples.get(b).get(run)));
    }
    return new Stats(differences);
  }

  /** CPU times come in 10 ms ticks: a ratio of a few ticks says nothing. */
  private static String cpuRatio(double ours, double floor) {
    return floor >= 50 ? Report.ratio(ours / floor) : "—";
  }

  private static List<String> cliMigrate(String java, Path cli, Path db, Path migrations) {
    return List.of(java, "-jar", cli.toString(), "migrate", "--url", "jdbc:sqlite:" + db,
        "--dir", migrations.toString());
  }

  /** The parent-only rebuild, as drizzle-kit writes it (without its PRAGMAs). */
  static String floor() {
    Table authors = LibraryRebuild.after().table("authors").orElseThrow();
    List<String> columns = authors.columns().stream().map(c -> SqliteDdl.quote(c.name()))
        .toList();
    return SqliteDdl.createTable(authors, "__new_authors")
        + SqliteDdl.copyRows("__new_authors", authors.columns().stream().map(c -> c.name())
            .toList(), "authors", columns) + "\n"
        + SqliteDdl.dropTable("authors") + "\n"
        + SqliteDdl.renameTable("__new_authors", "authors");
  }

  /** A database with the first migration applied by Nanoka and the rows inserted. */
  static Path seed(Path work, Path createOnly, int n) throws Exception {
    Path seed = work.resolve("seed-" + n + ".db");
    Files.deleteIfExists(seed);
    Migrator.forUrl("jdbc:sqlite:" + seed).source(MigrationSource.folder(createOnly)).migrate();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + seed);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String insert : LibraryRebuild.rows(n)) {
        s.execute(insert);
      }
      c.commit();
    }
    return seed;
  }

  /** One D1 run: the statements' durations, with the statements. */
  record D1Run(List<String> statements, List<Double> durations) {

    int count() {
      return durations.size();
    }

    double total() {
      return durations.stream().mapToDouble(Double::doubleValue).sum();
    }

    double longest() {
      return durations.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    String longestWhat() {
      int i = durations.indexOf(longest());
      if (statements.size() != durations.size()) {
        return "statement " + (i + 1);
      }
      String sql = statements.get(i).lines().filter(l -> !l.startsWith("--"))
          .findFirst().orElse("");
      return sql.substring(0, Math.min(sql.length(), 40)).strip() + "…";
    }

    /** ms per million rows, per step. */
    String rates(int n) {
      Map<String, Double> millis = new LinkedHashMap<>();
      for (int i = 0; i < statements.size() && statements.size() == durations.size(); i++) {
        millis.merge(step(statements.get(i)), durations.get(i), Double::sum);
      }
      long dependents = 2L * n;
      long authors = LibraryRebuild.authors(n);
      StringBuilder out = new StringBuilder();
      for (var step : millis.entrySet()) {
        long rows = step.getKey().startsWith("authors") ? authors : dependents;
        if (step.getKey().equals("other")) {
          continue;
        }
        out.append(out.isEmpty() ? "" : ", ").append(step.getKey()).append(' ')
            .append(Report.millis(step.getValue() * 1e6 / rows)).append("/M");
      }
      return out.toString();
    }

    private static String step(String statement) {
      String sql = statement.lines().filter(l -> !l.startsWith("--")).findFirst().orElse("");
      if (sql.startsWith("CREATE TABLE `__nanoka_keep_")
          || sql.startsWith("INSERT INTO `__nanoka_keep_")) {
        return "set aside";
      }
      if (sql.startsWith("DELETE FROM `authors`")) {
        return "authors emptied";
      }
      if (sql.startsWith("DELETE FROM")) {
        return "deleted";
      }
      if (sql.startsWith("INSERT INTO `__new_authors`")) {
        return "authors copied";
      }
      if (sql.startsWith("INSERT INTO `books`") || sql.startsWith("INSERT INTO `reviews`")) {
        return "put back";
      }
      return "other";
    }
  }

  /**
   * Seeds a local D1 database like the SQLite files (the first migration by wrangler, the rows by
   * one {@code d1 execute}), then runs the rebuild file with {@code d1 execute --json}, which
   * reports each statement's duration ({@code migrations apply} runs the same statements but
   * reports none).
   */
  static D1Run d1(Path work, Path wrangler, Path createOnly, int n, String rebuild)
      throws Exception {
    Path project = work.resolve("d1-" + n);
    Processes.deleteTree(project);
    Path migrations = Files.createDirectories(project.resolve("migrations"));
    Files.copy(createOnly.resolve("0000_create.sql"), migrations.resolve("0000_create.sql"));
    WranglerProject.write(project);
    Map<String, String> env = WranglerProject.ENVIRONMENT;
    String database = WranglerProject.DATABASE;
    Processes.run(List.of(wrangler.toString(), "d1", "migrations", "apply", database,
        "--local"), project, env, null);
    Files.writeString(project.resolve("rows.sql"), String.join("\n", LibraryRebuild.rows(n)));
    Processes.run(List.of(wrangler.toString(), "d1", "execute", database, "--local", "--file",
        "rows.sql"), project, env, null);
    Files.writeString(project.resolve("rebuild.sql"), rebuild);
    Path out = project.resolve("rebuild.json");
    Processes.run(List.of("sh", "-c", "\"$0\" d1 execute \"$1\" --local --json --file"
        + " rebuild.sql > rebuild.json 2>&1", wrangler.toString(), database), project, env, null);
    List<Double> durations = new ArrayList<>();
    Matcher m = DURATION.matcher(Files.readString(out));
    while (m.find()) {
      durations.add(Double.parseDouble(m.group(1)));
    }
    if (durations.isEmpty()) {
      throw new IllegalStateException("no durations in " + out);
    }
    return new D1Run(StatementBreakpoints.split(rebuild), durations);
  }
}
