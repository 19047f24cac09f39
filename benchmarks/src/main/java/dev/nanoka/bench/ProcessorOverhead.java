package dev.nanoka.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 1: what the annotation processor adds to a javac run. For 100, 500 and 1,000 generated
 * {@code @Model} records (10 components each, foreign keys, indexes, one {@code @Schema}), the
 * {@code javac} command compiles the same sources with the processor and with
 * {@code -proc:none}, each run a fresh process into an empty class folder, the sides rotating
 * which goes first. Target: at most +10% at 1,000 models, and linear growth. A third side runs a
 * processor that does nothing ({@link NoopProcessor}): javac's own cost of annotation processing,
 * which no processor can get under. Wall and CPU time are both reported: on a shared machine CPU
 * time is the steadier of the two.
 *
 * <p>The processor runs as in a project that has compiled before: its drizzle/ folder (schema.ts,
 * the migration, snapshot and journal) exists and is up to date, as it is in a checkout, so the
 * processor reads every model, renders schema.ts, plans the migration against the snapshot, and
 * generates {@code NanokaSchema} and {@code NanokaMigrations} (nanoka-runtime is on the class
 * path), which javac then compiles too.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.ProcessorOverhead --processor=nanoka-processor.jar
 *     --annotations=nanoka-annotations.jar --runtime=nanoka-runtime.jar [--sizes=100,500,1000]
 *     [--runs=5] [--work=target/bench/processor]
 * </pre>
 */
public final class ProcessorOverhead {

  private ProcessorOverhead() {}

  /** The three ways javac is run. */
  enum Side {
    NONE("-proc:none"),
    NOOP("no-op processor"),
    NANOKA("Nanoka processor");

    final String label;

    Side(String label) {
      this.label = label;
    }
  }

  /** The samples of one size. */
  record Result(int models, Map<Side, Stats> wall, Map<Side, Stats> cpu, Stats firstCompile) {
    double overhead(Map<Side, Stats> of, Side side, Side base) {
      return of.get(side).median() / of.get(base).median() - 1;
    }

    double overheadMillis(Map<Side, Stats> of, Side side, Side base) {
      return of.get(side).median() - of.get(base).median();
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path processor = args.path("processor", "");
    Path annotations = args.path("annotations", "");
    Path runtime = args.path("runtime", "");
    for (Path jar : List.of(processor, annotations, runtime)) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("not a jar: " + jar
            + " (pass --processor=, --annotations=, --runtime=; scripts/bench.sh does)");
      }
    }
    List<Integer> sizes = args.integers("sizes", "100,500,1000");
    int runs = args.integer("runs", 5);
    Path work = args.path("work", "target/bench/processor");
    Processes.deleteTree(work);

    System.out.println("Figure 1: javac with the Nanoka processor vs -proc:none — "
        + Machine.describe());
    List<Result> results = new ArrayList<>();
    for (int models : sizes) {
      results.add(measure(models, runs, work.resolve("n" + models), processor, annotations, runtime));
    }
    report(results, runs);
    System.out.println("(" + Machine.load() + " at the end)");
  }

  static Result measure(int models, int runs, Path dir, Path processor, Path annotations,
      Path runtime) throws Exception {
    List<Path> sources = ModelGenerator.write(models, dir.resolve("src"));
    Path argFile = dir.resolve("sources.txt");
    Files.write(argFile, sources.stream().map(Path::toString).toList());
    Path schemaTs = dir.resolve("drizzle/schema.ts");
    String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
    String classPath = annotations + java.io.File.pathSeparator + runtime;
    String noopPath = Path.of(NoopProcessor.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).toString();

    // The first compile of the project: writes schema.ts, migration 0000, snapshot, journal.
    Stats first = new Stats(List.of(Processes.run(command(Side.NANOKA, javac, classPath,
        processor, noopPath, schemaTs, classes(dir, "first"), argFile), dir, Map.of(), null)));
    if (!Files.isRegularFile(schemaTs)) {
      throw new IllegalStateException("the processor wrote no " + schemaTs);
    }
    // One untimed run so every side starts with the same warm file cache.
    Processes.run(command(Side.NONE, javac, classPath, processor, noopPath, schemaTs,
        classes(dir, "warm"), argFile), dir, Map.of(), null);

    Map<Side, List<Double>> wall = new LinkedHashMap<>();
    Map<Side, List<Double>> cpu = new LinkedHashMap<>();
    for (Side side : Side.values()) {
      wall.put(side, new ArrayList<>());
      cpu.put(side, new ArrayList<>());
    }
    for (int run = 0; run < runs; run++) {
      // rotate which side goes first, so no side always runs right after another
      List<Side> order = new ArrayList<>(List.of(Side.values()));
      java.util.Collections.rotate(order, run);
      StringBuilder line = new StringBuilder();
      for (Side side : order) {
        Path out = classes(dir, side.name() + run);
        Processes.Sample sample = Processes.measure(command(side, javac, classPath, processor,
            noopPath, schemaTs, out, argFile), dir, Map.of(), null);
        wall.get(side).add(sample.wallMillis());
        cpu.get(side).add(sample.cpuMillis());
        line.append(", ").append(side.label).append(' ').append(Report.millis(sample.wallMillis()))
            .append(" (cpu ").append(Report.millis(sample.cpuMillis())).append(')');
        Processes.deleteTree(out);
      }
      System.out.printf("  %d models, run %d/%d%s%n", models, run + 1, runs, line);
    }
    Processes.deleteTree(dir.resolve("classes"));
    Map<Side, Stats> wallStats = new LinkedHashMap<>();
    Map<Side, Stats> cpuStats = new LinkedHashMap<>();
    for (Side side : Side.values()) {
      wallStats.put(side, new Stats(wall.get(side)));
      cpuStats.put(side, new Stats(cpu.get(side)));
    }
    return new Result(models, wallStats, cpuStats, first);
  }

  private static Path classes(Path dir, String name) throws IOException {
    Path out = dir.resolve("classes").resolve(name);
    Processes.deleteTree(out);
    Files.createDirectories(out);
    return out;
  }

  private static List<String> command(Side side, String javac, String classPath, Path processor,
      String noopPath, Path schemaTs, Path out, Path argFile) {
    List<String> command = new ArrayList<>(List.of(javac, "-d", out.toString(), "-cp", classPath,
        "-implicit:none"));
    switch (side) {
      case NONE -> command.add("-proc:none");
      case NOOP -> command.addAll(List.of("-processorpath", noopPath,
          "-processor", NoopProcessor.class.getName()));
      case NANOKA -> command.addAll(List.of("-processorpath", processor.toString(),
          "-Ananoka.output=" + schemaTs));
    }
    command.add("@" + argFile);
    return command;
  }

  static void report(List<Result> results, int runs) {
    Report table = new Report("Figure 1 — processor overhead (javac, whole process, median of "
        + runs + "; wall time, CPU time in parentheses)",
        "models", "-proc:none", "no-op processor", "Nanoka processor", "overhead",
        "of which javac's own (no-op)", "Nanoka ms per model", "first compile (1 run)");
    for (Result r : results) {
      table.row(r.models(),
          cell(r, Side.NONE), cell(r, Side.NOOP), cell(r, Side.NANOKA),
          Report.percent(r.overhead(r.wall(), Side.NANOKA, Side.NONE)) + " ("
              + Report.percent(r.overhead(r.cpu(), Side.NANOKA, Side.NONE)) + ")",
          Report.percent(r.overhead(r.wall(), Side.NOOP, Side.NONE)) + " ("
              + Report.percent(r.overhead(r.cpu(), Side.NOOP, Side.NONE)) + ")",
          String.format(Locale.ROOT, "%.1f (%.1f)",
              r.overheadMillis(r.wall(), Side.NANOKA, Side.NOOP) / r.models(),
              r.overheadMillis(r.cpu(), Side.NANOKA, Side.NOOP) / r.models()),
          Report.millis(r.firstCompile().median()));
    }
    Result largest = results.get(results.size() - 1);
    double wall = largest.overhead(largest.wall(), Side.NANOKA, Side.NONE);
    double cpu = largest.overhead(largest.cpu(), Side.NANOKA, Side.NONE);
    table.note(String.format(Locale.ROOT,
        "processor overhead at %d models: %s wall, %s CPU (target ≤ +10%%): %s",
        largest.models(), Report.percent(wall), Report.percent(cpu),
        Report.verdict(wall <= 0.10)));
    table.note(String.format(Locale.ROOT,
        "  javac's own cost of running any processor (a no-op one) at %d models: %s wall, %s CPU;"
            + " Nanoka's own part on top of it: %s wall, %s CPU",
        largest.models(), Report.percent(largest.overhead(largest.wall(), Side.NOOP, Side.NONE)),
        Report.percent(largest.overhead(largest.cpu(), Side.NOOP, Side.NONE)),
        Report.percent(largest.overheadMillis(largest.wall(), Side.NANOKA, Side.NOOP)
            / largest.wall().get(Side.NONE).median()),
        Report.percent(largest.overheadMillis(largest.cpu(), Side.NANOKA, Side.NOOP)
            / largest.cpu().get(Side.NONE).median())));
    if (results.size() >= 3) {
      Result a = results.get(0);
      Result b = results.get(results.size() - 2);
      Result c = largest;
      // Growth per model over the lower and the upper range, in CPU time (steadier): about equal
      // when the cost is linear (a + b·n); a quadratic cost would make the upper range ~2.5×.
      double lower = (c(b) - c(a)) / (b.models() - a.models());
      double upper = (c(c) - c(b)) / (c.models() - b.models());
      double growth = upper / lower;
      table.note(String.format(Locale.ROOT,
          "growth of the overhead (CPU): %.1f ms per added model from %d to %d, %.1f ms from %d"
              + " to %d — ratio %.2f (linear ≈ 1, quadratic ≈ 2.5; target linear, taken as"
              + " ≤ 1.5): %s",
          lower, a.models(), b.models(), upper, b.models(), c.models(), growth,
          Report.verdict(growth <= 1.5)));
    }
    table.print();
  }

  /** The CPU overhead of the Nanoka processor over -proc:none, in ms. */
  private static double c(Result r) {
    return r.overheadMillis(r.cpu(), Side.NANOKA, Side.NONE);
  }

  private static String cell(Result r, Side side) {
    return Report.millis(r.wall().get(side).median()) + " ("
        + Report.millis(r.cpu().get(side).median()) + ")";
  }
}
