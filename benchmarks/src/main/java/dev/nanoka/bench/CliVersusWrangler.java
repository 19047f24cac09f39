package dev.nanoka.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 4: the CLI applying a migrations folder ({@code java -jar nanoka-cli.jar migrate}) vs
 * {@code wrangler d1 migrations apply --local} on the same folder, whole processes, a fresh
 * database each run, the two alternating; medians. The folder is the first {@code n} generated
 * migrations (20 by default: wrangler's local apply costs about a second per file, 500 files
 * take over ten minutes).
 *
 * <pre>
 * java -cp … dev.nanoka.bench.CliVersusWrangler --cli=runtime/target/nanoka-cli.jar
 *     --wrangler=it-tests/node_modules/.bin/wrangler [--migrations=20] [--runs=5]
 *     [--work=target/bench/cli]
 * </pre>
 */
public final class CliVersusWrangler {

  private CliVersusWrangler() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path cli = args.path("cli", "");
    Path wrangler = args.path("wrangler", "");
    if (!Files.isRegularFile(cli) || !Files.isExecutable(wrangler)) {
      throw new IllegalArgumentException("pass --cli=<nanoka-cli.jar> and --wrangler=<wrangler"
          + " executable> (scripts/bench.sh does): " + cli + ", " + wrangler);
    }
    int count = args.integer("migrations", 20);
    int runs = args.integer("runs", 5);
    Path work = args.path("work", "target/bench/cli");
    Processes.deleteTree(work);
    Path project = work.resolve("project");
    MigrationGenerator.writeDrizzleFolder(MigrationGenerator.generate(count),
        project.resolve("migrations"));
    WranglerProject.write(project);
    String version = Processes.output(List.of(wrangler.toString(), "--version"));
    System.out.println("Figure 4: CLI vs wrangler " + version.lines().reduce((a, b) -> b)
        .orElse("?") + ", " + count + " migrations — " + Machine.describe());

    Map<String, String> wranglerEnv = WranglerProject.ENVIRONMENT;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, List<Processes.Sample>> samples = new LinkedHashMap<>();
    samples.put("cli", new ArrayList<>());
    samples.put("wrangler", new ArrayList<>());
    for (int run = 0; run < runs; run++) {
      List<String> order = run % 2 == 0 ? List.of("cli", "wrangler") : List.of("wrangler", "cli");
      for (String side : order) {
        Processes.Sample sample;
        if (side.equals("cli")) {
          Path db = work.resolve("cli-" + run + ".db");
          sample = Processes.measure(List.of(java, "-jar", cli.toString(), "migrate",
              "--url", "jdbc:sqlite:" + db, "--dir", project.resolve("migrations").toString()),
              project, Map.of(), null);
          Files.delete(db);
        } else {
          Processes.deleteTree(project.resolve(".wrangler"));
          sample = Processes.measure(List.of(wrangler.toString(), "d1", "migrations", "apply",
              "bench", "--local"), project, wranglerEnv, null);
        }
        samples.get(side).add(sample);
      }
      System.out.printf(Locale.ROOT, "  run %d/%d: CLI %s, wrangler %s%n", run + 1, runs,
          Report.millis(last(samples.get("cli")).wallMillis()),
          Report.millis(last(samples.get("wrangler")).wallMillis()));
    }
    Stats cliWall = new Stats(samples.get("cli").stream().map(Processes.Sample::wallMillis).toList());
    Stats cliCpu = new Stats(samples.get("cli").stream().map(Processes.Sample::cpuMillis).toList());
    Stats wrWall = new Stats(samples.get("wrangler").stream().map(Processes.Sample::wallMillis)
        .toList());
    Stats wrCpu = new Stats(samples.get("wrangler").stream().map(Processes.Sample::cpuMillis)
        .toList());
    Report table = new Report("Figure 4 — apply a folder of " + count + " migrations, whole"
        + " process, fresh database, median of " + runs, "tool", "wall", "CPU", "wrangler ÷ tool");
    table.row("nanoka-cli.jar migrate (drift check on, the CLI default)", cliWall,
        Report.millis(cliCpu.median()), Report.ratio(wrWall.median() / cliWall.median()));
    table.row("wrangler d1 migrations apply --local", wrWall, Report.millis(wrCpu.median()),
        Report.ratio(1));
    table.note(String.format(Locale.ROOT, "CLI vs wrangler: %s faster (wall), %s less CPU",
        Report.ratio(wrWall.median() / cliWall.median()),
        Report.ratio(wrCpu.median() / cliCpu.median())));
    table.print();
    System.out.println("(" + Machine.load() + " at the end)");
  }

  private static Processes.Sample last(List<Processes.Sample> list) {
    return list.get(list.size() - 1);
  }
}
