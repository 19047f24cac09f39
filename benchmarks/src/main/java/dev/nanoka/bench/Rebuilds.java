package dev.nanoka.bench;

import dev.nanoka.bench.ProcessorOverhead.Javac;
import dev.nanoka.bench.ProcessorOverhead.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Figure 1, second table: the compiles that come after the first, at the largest size, each side
 * (-proc:none, the no-op processor, Nanoka) in the same situation.
 *
 * <ul>
 *   <li><b>Unchanged models</b>: all sources compiled again into the class folder the previous
 *       compile of that side left (Maven after an edit to a file that is not a model, an IDE's
 *       full build). Nothing changed, so the processor should plan and write nothing. Target: at
 *       most +10% over the no-op processor. drizzle-kit's counterpart: {@code generate} finding
 *       "No schema changes" in Nanoka's up-to-date folder.
 *   <li><b>One model edited</b> (a column added) and compiled alone, with the earlier classes on
 *       the class path (an IDE's incremental build): the processor reads the other models from
 *       class files and rewrites the current migration. No target; it should be small.
 * </ul>
 */
final class Rebuilds {

  /** One situation's samples; drizzle-kit's are empty where it has no counterpart. */
  record Row(String situation, Map<Side, Stats> wall, Map<Side, Stats> cpu,
      Optional<Stats> drizzleWall, Optional<Stats> drizzleCpu) {
    double overMillis(Map<Side, Stats> of) {
      return of.get(Side.NANOKA).median() - of.get(Side.NOOP).median();
    }
  }

  private Rebuilds() {}

  /** Measures both situations in {@code dir}, which {@link ProcessorOverhead#measure} built. */
  static List<Row> measure(int models, int runs, Path dir, Javac javac,
      Optional<DrizzleKit> drizzleKit) throws Exception {
    Path schemaTs = dir.resolve("drizzle/schema.ts");
    List<String> all = List.of("@" + dir.resolve("sources.txt"));
    Map<Side, Path> kept = new LinkedHashMap<>();
    for (Side side : Side.values()) {
      kept.put(side, ProcessorOverhead.classes(dir, "kept-" + side.name()));
      // two compiles before: the second finds the classes the first generated compiled, as
      // every compile after it does
      for (int compile = 0; compile < 2; compile++) {
        Processes.run(javac.command(side, kept.get(side), schemaTs, List.of(), all), dir,
            Map.of(), null);
      }
    }
    Path checked = dir.resolve("drizzle-kit-check");
    copyTree(dir.resolve("drizzle/migrations"), checked);

    Samples unchanged = new Samples();
    for (int run = 0; run < runs; run++) {
      StringBuilder line = new StringBuilder();
      for (Side side : rotated(run)) {
        Processes.Sample sample = Processes.measure(
            javac.command(side, kept.get(side), schemaTs, List.of(), all), dir, Map.of(), null);
        unchanged.add(side, sample);
        line.append(", ").append(side.label).append(' ').append(ProcessorOverhead.sample(sample));
      }
      if (drizzleKit.isPresent()) {
        Processes.Sample sample = drizzleKit.get().generate(schemaTs, checked, dir);
        unchanged.drizzle.add(sample);
        line.append(", drizzle-kit (no changes) ").append(ProcessorOverhead.sample(sample));
      }
      System.out.printf("  %d models unchanged, run %d/%d%s%n", models, run + 1, runs, line);
    }

    int model = models / 2; // one in the middle, which others reference
    Path edited = dir.resolve("src-edited").resolve(ModelGenerator.PACKAGE.replace('.', '/'))
        .resolve(ModelGenerator.className(model) + ".java");
    Files.createDirectories(edited.getParent());
    Files.writeString(edited, ModelGenerator.model(model)
        .replace(") {}\n", ",\n    @Field(nullable = true) String note) {}\n"),
        StandardCharsets.UTF_8);
    Samples oneModel = new Samples();
    for (int run = 0; run < runs; run++) {
      StringBuilder line = new StringBuilder();
      for (Side side : rotated(run)) {
        // every run starts from the full build: its classes, and for Nanoka its drizzle/ folder
        Path classes = dir.resolve("classes").resolve("edit-" + side.name());
        Processes.deleteTree(classes);
        copyTree(kept.get(side), classes);
        Path drizzle = dir.resolve("drizzle-edit");
        Processes.deleteTree(drizzle);
        copyTree(dir.resolve("drizzle"), drizzle);
        Processes.Sample sample = Processes.measure(javac.command(side, classes,
            drizzle.resolve("schema.ts"), List.of(classes), List.of(edited.toString())), dir,
            Map.of(), null);
        oneModel.add(side, sample);
        line.append(", ").append(side.label).append(' ').append(ProcessorOverhead.sample(sample));
        if (side == Side.NANOKA && !Files.readString(drizzle.resolve("schema.ts"))
            .contains("note: text('note'),")) {
          throw new IllegalStateException("the one-model compile did not update schema.ts");
        }
      }
      System.out.printf("  %d models, one edited, run %d/%d%s%n", models, run + 1, runs, line);
    }
    return List.of(unchanged.row("unchanged models, all recompiled into the previous classes"),
        oneModel.row("one model edited, compiled alone (IDE)"));
  }

  static void report(List<Row> rows, int runs) {
    Report table = new Report("Figure 1b — compiles after the first (javac, whole process,"
        + " median of " + runs + "; wall time, CPU time in parentheses)",
        "situation", "-proc:none", "no-op processor", "Nanoka processor", "Nanoka over no-op",
        "drizzle-kit generate");
    for (Row row : rows) {
      table.row(row.situation(), cell(row, Side.NONE), cell(row, Side.NOOP),
          cell(row, Side.NANOKA),
          Report.millis(row.overMillis(row.wall())) + ", "
              + Report.percent(row.overMillis(row.wall()) / row.wall().get(Side.NOOP).median())
              + " (" + Report.millis(row.overMillis(row.cpu())) + ", "
              + Report.percent(row.overMillis(row.cpu()) / row.cpu().get(Side.NOOP).median())
              + ")",
          row.drizzleWall().map(w -> Report.millis(w.median()) + " ("
              + Report.millis(row.drizzleCpu().orElseThrow().median()) + ")").orElse("—"));
    }
    Row unchanged = rows.get(0);
    double over = unchanged.overMillis(unchanged.wall()) / unchanged.wall().get(Side.NOOP).median();
    table.note(String.format(Locale.ROOT, "unchanged models: Nanoka %s wall, %s CPU over the"
            + " no-op processor (target ≤ +10%%): %s",
        Report.percent(over), Report.percent(unchanged.overMillis(unchanged.cpu())
            / unchanged.cpu().get(Side.NOOP).median()), Report.verdictOfDifference(over, over <= 0.10)));
    Row oneModel = rows.get(1);
    table.note(String.format(Locale.ROOT, "one model recompiled: the processor adds %s wall, %s"
            + " CPU to compiling the one file (it reads the other models from class files and"
            + " rewrites the migration)",
        Report.millis(oneModel.overMillis(oneModel.wall())),
        Report.millis(oneModel.overMillis(oneModel.cpu()))));
    table.print();
  }

  private static String cell(Row row, Side side) {
    return Report.millis(row.wall().get(side).median()) + " ("
        + Report.millis(row.cpu().get(side).median()) + ")";
  }

  /** The sides in the order of this run: each goes first in turn. */
  private static List<Side> rotated(int run) {
    List<Side> order = new ArrayList<>(List.of(Side.values()));
    Collections.rotate(order, run);
    return order;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** The samples of one situation, per side, and drizzle-kit's. */
  private static final class Samples {
    final Map<Side, List<Processes.Sample>> bySide = new LinkedHashMap<>();
    final List<Processes.Sample> drizzle = new ArrayList<>();

    void add(Side side, Processes.Sample sample) {
      bySide.computeIfAbsent(side, s -> new ArrayList<>()).add(sample);
    }

    Row row(String situation) {
      Map<Side, Stats> wall = new LinkedHashMap<>();
      Map<Side, Stats> cpu = new LinkedHashMap<>();
      bySide.forEach((side, samples) -> {
        wall.put(side, ProcessorOverhead.stats(samples, Processes.Sample::wallMillis).orElseThrow());
        cpu.put(side, ProcessorOverhead.stats(samples, Processes.Sample::cpuMillis).orElseThrow());
      });
      return new Row(situation, wall, cpu,
          ProcessorOverhead.stats(drizzle, Processes.Sample::wallMillis),
          ProcessorOverhead.stats(drizzle, Processes.Sample::cpuMillis));
    }
  }
}
