package dev.nanoka.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

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
 * <p>A fourth side is the tool the processor replaces: {@code drizzle-kit generate} on the
 * schema.ts Nanoka wrote, into an empty folder ({@link DrizzleKit}). Target: Nanoka's own part
 * (its time over the no-op processor's) at most drizzle-kit's whole run. The rebuilds of an
 * existing build, at the largest size, are {@link Rebuilds}.
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
 *     [--runs=5] [--work=target/bench/processor] [--node-modules=it-tests/node_modules]
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

  /** The samples of one size; drizzle-kit's are empty when it is not installed. */
  record Result(int models, Map<Side, Stats> wall, Map<Side, Stats> cpu, Stats firstCompile,
      Optional<Stats> drizzleWall, Optional<Stats> drizzleCpu) {
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
    Optional<DrizzleKit> drizzleKit =
        DrizzleKit.in(args.path("node-modules", "it-tests/node_modules"));
    Processes.deleteTree(work);

    System.out.println("Figure 1: javac with the Nanoka processor vs -proc:none — "
        + Machine.describe() + drizzleKit.map(d -> "; " + d.version()).orElse(""));
    Javac javac = new Javac(processor, annotations, runtime);
    List<Result> results = new ArrayList<>();
    for (int models : sizes) {
      results.add(measure(models, runs, work.resolve("n" + models), javac, drizzleKit));
    }
    report(results, runs);
    int largest = sizes.get(sizes.size() - 1);
    Rebuilds.report(Rebuilds.measure(largest, runs, work.resolve("n" + largest), javac,
        drizzleKit), runs);
    System.out.println("(" + Machine.load() + " at the end)");
  }

  /**
   * The javac command of each side: the sources with the annotations and the runtime (and any
   * class folders given) on the class path, {@code -implicit:none}.
   */
  record Javac(Path processor, Path annotations, Path runtime) {
    List<String> command(Side side, Path out, Path schemaTs, List<Path> classPath,
        List<String> sources) {
      String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
      List<String> path = new ArrayList<>();
      classPath.forEach(p -> path.add(p.toString()));
      path.add(annotations.toString());
      path.add(runtime.toString());
      List<String> command = new ArrayList<>(List.of(javac, "-d", out.toString(), "-cp",
          String.join(File.pathSeparator, path), "-implicit:none"));
      switch (side) {
        case NONE -> command.add("-proc:none");
        case NOOP -> command.addAll(List.of("-processorpath", noopPath(),
            "-processor", NoopProcessor.class.getName()));
        case NANOKA -> command.addAll(List.of("-processorpath", processor.toString(),
            "-Ananoka.output=" + schemaTs));
      }
      command.addAll(sources);
      return command;
    }

    private static String noopPath() {
      try {
        return Path.of(NoopProcessor.class.getProtectionDomain().getCodeSource().getLocation()
            .toURI()).toString();
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static Result measure(int models, int runs, Path dir, Javac javac,
      Optional<DrizzleKit> drizzleKit) throws Exception {
    List<Path> sources = ModelGenerator.write(models, dir.resolve("src"));
    Path argFile = dir.resolve("sources.txt");
    Files.write(argFile, sources.stream().map(Path::toString).toList());
    List<String> all = List.of("@" + argFile);
    Path schemaTs = dir.resolve("drizzle/schema.ts");

    // The first compile of the project: writes schema.ts, migration 0000, snapshot, journal.
    Stats first = new Stats(List.of(Processes.run(javac.command(Side.NANOKA,
        classes(dir, "first"), schemaTs, List.of(), all), dir, Map.of(), null)));
    if (!Files.isRegularFile(schemaTs)) {
      throw new IllegalStateException("the processor wrote no " + schemaTs);
    }
    // One untimed run so every side starts with the same warm file cache.
    Processes.run(javac.command(Side.NONE, classes(dir, "warm"), schemaTs, List.of(), all), dir,
        Map.of(), null);

    Map<Side, List<Double>> wall = new LinkedHashMap<>();
    Map<Side, List<Double>> cpu = new LinkedHashMap<>();
    for (Side side : Side.values()) {
      wall.put(side, new ArrayList<>());
      cpu.put(side, new ArrayList<>());
    }
    List<Processes.Sample> drizzle = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      // rotate which side goes first, so no side always runs right after another
      List<Side> order = new ArrayList<>(List.of(Side.values()));
      Collections.rotate(order, run);
      StringBuilder line = new StringBuilder();
      for (Side side : order) {
        Path out = classes(dir, side.name() + run);
        Processes.Sample sample = Processes.measure(
            javac.command(side, out, schemaTs, List.of(), all), dir, Map.of(), null);
        wall.get(side).add(sample.wallMillis());
        cpu.get(side).add(sample.cpuMillis());
        line.append(", ").append(side.label).append(' ').append(sample(sample));
        Processes.deleteTree(out);
      }
      if (drizzleKit.isPresent()) {
        Path out = dir.resolve("drizzle-kit-out");
        Processes.deleteTree(out);
        Processes.Sample sample = drizzleKit.get().generate(schemaTs, out, dir);
        drizzle.add(sample);
        line.append(", drizzle-kit generate ").append(sample(sample));
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
    return new Result(models, wallStats, cpuStats, first,
        stats(drizzle, Processes.Sample::wallMillis), stats(drizzle, Processes.Sample::cpuMillis));
  }

  /** The samples' statistics, or empty when there are none. */
  static Optional<Stats> stats(List<Processes.Sample> samples,
      ToDoubleFunction<Processes.Sample> measure) {
    return samples.isEmpty() ? Optional.empty()
        : Optional.of(new Stats(samples.stream().map(measure::applyAsDouble).toList()));
  }

  /** {@code 812 ms (cpu 1240 ms)}. */
  static String sample(Processes.Sample sample) {
    return Report.millis(sample.wallMillis()) + " (cpu " + Report.millis(sample.cpuMillis())
        + ")";
  }

  /** An empty class folder {@code classes/<name>} under the size's folder. */
  static Path classes(Path dir, String name) throws IOException {
    Path out = dir.resolve("classes").resolve(name);
    Processes.deleteTree(out);
    Files.createDirectories(out);
    return out;
  }

  static void report(List<Result> results, int runs) {
    Report table = new Report("Figure 1 — processor overhead (javac, whole process, median of "
        + runs + "; wall time, CPU time in parentheses)",
        "models", "-proc:none", "no-op processor", "Nanoka processor", "overhead",
        "of which javac's own (no-op)", "Nanoka ms per model", "first compile (1 run)",
        "drizzle-kit generate", "Nanoka's own part / drizzle-kit");
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
          Report.millis(r.firstCompile().median()),
          r.drizzleWall().map(w -> Report.millis(w.median()) + " ("
              + Report.millis(r.drizzleCpu().orElseThrow().median()) + ")").orElse("—"),
          r.drizzleWall().map(w -> Report.ratio(r.overheadMillis(r.wall(), Side.NANOKA,
              Side.NOOP) / w.median()) + " (" + Report.ratio(r.overheadMillis(r.cpu(),
              Side.NANOKA, Side.NOOP) / r.drizzleCpu().orElseThrow().median()) + ")")
              .orElse("—"));
    }
    Result largest = results.get(results.size() - 1);
    double wall = largest.overhead(largest.wall(), Side.NANOKA, Side.NONE);
    double cpu = largest.overhead(largest.cpu(), Side.NANOKA, Side.NONE);
    table.note(String.format(Locale.ROOT,
        "processor overhead at %d models: %s wall, %s CPU (target ≤ +10%%): %s",
        largest.models(), Report.percent(wall), Report.percent(cpu),
        Report.verdictOfDifference(wall, wall <= 0.10)));
    table.note(String.format(Locale.ROOT,
        "  javac's own cost of running any processor (a no-op one) at %d models: %s wall, %s CPU;"
            + " Nanoka's own part on top of it: %s wall, %s CPU",
        largest.models(), Report.percent(largest.overhead(largest.wall(), Side.NOOP, Side.NONE)),
        Report.percent(largest.overhead(largest.cpu(), Side.NOOP, Side.NONE)),
        Report.percent(largest.overheadMillis(largest.wall(), Side.NANOKA, Side.NOOP)
            / largest.wall().get(Side.NONE).median()),
        Report.percent(largest.overheadMillis(largest.cpu(), Side.NANOKA, Side.NOOP)
            / largest.cpu().get(Side.NONE).median())));
    if (largest.drizzleWall().isPresent()) {
      double own = largest.overheadMillis(largest.wall(), Side.NANOKA, Side.NOOP);
      double drizzle = largest.drizzleWall().get().median();
      table.note(String.format(Locale.ROOT,
          "Nanoka's own part at %d models: %s wall, %s CPU; drizzle-kit generate on the same"
              + " schema: %s wall, %s CPU — ratio %s wall, %s CPU (target ≤ 1.0×): %s",
          largest.models(), Report.millis(own),
          Report.millis(largest.overheadMillis(largest.cpu(), Side.NANOKA, Side.NOOP)),
          Report.millis(drizzle), Report.millis(largest.drizzleCpu().get().median()),
          Report.ratio(own / drizzle), Report.ratio(largest.overheadMillis(largest.cpu(),
              Side.NANOKA, Side.NOOP) / largest.drizzleCpu().get().median()),
          Report.verdictOfDifference(own, own <= drizzle)));
    } else {
      table.note("drizzle-kit not installed (npm ci in it-tests/): its column is left out");
    }
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
