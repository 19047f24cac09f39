package dev.nanoka.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;

/**
 * Figure 9: push on PostgreSQL with 10, 100 and 1,000 tables; target: time grows linearly, as
 * figure 5 on SQLite. JMH, in process: a push in sync and a push with one change on a database
 * of that many tables (average time), and the first push into an empty schema (single shot),
 * with the same statements over plain JDBC beside it. Besides the cost per added table over the
 * lower and the upper range (figure 5's test), each size's time is given as a ratio to the
 * previous size's: 10× the tables should cost at most 10× the time.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.PostgresPushScaling --url=jdbc:postgresql://…/postgres?user=…
 *     [--tables=10,100,1000] [--warmups=3] [--iterations=3] [--work=target/bench/pg-push]
 * </pre>
 */
public final class PostgresPushScaling {

  private PostgresPushScaling() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    List<Integer> sizes = args.integers("tables", "10,100,1000");
    Path work = args.path("work", "target/bench/pg-push");
    String adminUrl = args.required("url");
    PostgresBenchServer server = new PostgresBenchServer(adminUrl);
    Processes.deleteTree(work);
    Files.createDirectories(work);
    System.out.println("Figure 9: push on PostgreSQL on " + sizes + " tables — "
        + Machine.describe() + "; " + server.describe());
    String[] values = sizes.stream().map(String::valueOf).toArray(String[]::new);
    Map<String, String[]> params = Map.of("tables", values, "adminUrl", new String[] {adminUrl});
    int warmups = args.integer("warmups", 3);
    int iterations = args.integer("iterations", 3);
    // 3-second iterations: at 1000 tables a push takes 100–300 ms, and 1-second warm-ups left
    // it falling from one iteration to the next (JIT and the server's catalog caches still
    // warming: 292 → 149 ms over three).
    List<Jmh.Score> scores = new ArrayList<>(Jmh.run(
        PostgresPushBenchmark.class.getName() + "\\.",
        new Jmh.Plan(Mode.AverageTime, warmups, iterations, 1, 3), params, List.of("-Xmx1g"),
        work.resolve("jmh-push.log")));
    scores.addAll(Jmh.run(PostgresPushCreateBenchmark.class.getName() + "\\.",
        new Jmh.Plan(Mode.SingleShotTime, 1, iterations, 1, 0), params,
        List.of("-Xmx1g"), work.resolve("jmh-create.log")));

    List<String> header = new ArrayList<>(List.of("push"));
    sizes.forEach(n -> header.add(n + " tables"));
    header.addAll(List.of("ms per table (each size)", "time ratio per step (tables ×10)",
        "ms per added table (lower → upper range)", "growth ratio", "linear (≤ 1.5)"));
    Report table = new Report("Figure 9 — push on PostgreSQL (JMH, median)",
        header.toArray(String[]::new));
    boolean allLinear = true;
    for (String[] scenario : List.of(
        new String[] {"inSync", "in sync (introspect + diff, nothing to run)"},
        new String[] {"oneChange", "one change (introspect + diff + data check + 1 statement)"},
        new String[] {"createAll", "first push into an empty schema"},
        new String[] {"plainJdbc", "  the same statements over plain JDBC, one transaction"})) {
      List<Object> row = new ArrayList<>(List.of(scenario[1]));
      List<Double> medians = new ArrayList<>();
      for (int n : sizes) {
        double median = Jmh.find(scores, scenario[0], "tables", String.valueOf(n)).median();
        medians.add(median);
        row.add(Report.millis(median));
      }
      List<String> perTable = new ArrayList<>();
      List<String> steps = new ArrayList<>();
      for (int i = 0; i < sizes.size(); i++) {
        perTable.add(String.format(Locale.ROOT, "%.3f", medians.get(i) / sizes.get(i)));
        if (i > 0) {
          steps.add(String.format(Locale.ROOT, "%.1f×", medians.get(i) / medians.get(i - 1)));
        }
      }
      int last = sizes.size() - 1;
      double lower = (medians.get(last - 1) - medians.get(0))
          / (sizes.get(last - 1) - sizes.get(0));
      double upper = (medians.get(last) - medians.get(last - 1))
          / (sizes.get(last) - sizes.get(last - 1));
      double growth = upper / lower;
      boolean judged = !scenario[0].equals("plainJdbc");
      if (judged) {
        allLinear &= growth <= 1.5;
      }
      row.add(String.join(" / ", perTable));
      row.add(String.join(", ", steps));
      row.add(String.format(Locale.ROOT, "%.3f → %.3f", lower, upper));
      row.add(String.format(Locale.ROOT, "%.2f", growth));
      row.add(judged ? Report.verdict(growth <= 1.5) : "(not judged)");
      table.row(row.toArray());
    }
    table.note("push time on PostgreSQL grows linearly with the number of tables: "
        + Report.verdict(allLinear) + " (a fixed cost plus one per table: the step ratio tends"
        + " to 10× from below as the fixed part fades; a quadratic cost would show a growth"
        + " ratio near 10 and step ratios near 100×)");
    table.print();
    System.out.println("(" + Machine.load() + " at the end)");
  }
}
