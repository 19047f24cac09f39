package dev.nanoka.bench;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.runtime.internal.JournalTimes;
import dev.nanoka.runtime.internal.LossCounter;
import dev.nanoka.runtime.internal.PostgresDialect;
import dev.nanoka.runtime.internal.PostgresIntrospector;
import dev.nanoka.runtime.internal.Pusher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Where figure 9's in-sync push spends its time on each size: the introspection (five catalog
 * queries), the diff, the data check ({@code PostgresAffectedRows}) and the whole push, each the
 * median of {@code --runs} calls after as many warm-up calls, on one database per size. Used to
 * judge figure 9's growth; prints one line per size. With {@code --analyze=true} the catalog is
 * analyzed after the first introspections (as autovacuum would soon), which figure 9 does.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.PostgresPushProfile --url=jdbc:postgresql://…/postgres?user=…
 *     [--tables=10,100,1000] [--runs=15] [--analyze=true]
 * </pre>
 */
public final class PostgresPushProfile {

  private static final String DATABASE = "nanoka_bench_push_profile";

  private PostgresPushProfile() {}

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    PostgresBenchServer server = new PostgresBenchServer(args.required("url"));
    int runs = args.integer("runs", 15);
    PostgresDialect dialect = new PostgresDialect(JournalTimes.NONE);
    System.out.println("push on PostgreSQL, in sync, median ms — " + Machine.describe());
    for (int n : args.integers("tables", "10,100,1000")) {
      server.create(DATABASE);
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(DATABASE))) {
        DatabaseSchema models = PushSchemas.postgres(n, false);
        Pusher.push(c, dialect, models, false, Duration.ofSeconds(30));
        long start = System.nanoTime();
        PostgresIntrospector.read(c);
        double first = (System.nanoTime() - start) / 1e6;
        double stale = median(runs, () -> PostgresIntrospector.read(c));
        if (args.flag("analyze")) {
          // What autovacuum does some time after the tables were created.
          PostgresPushBenchmark.analyzeCatalog(c);
        }
        System.out.println(String.format(Locale.ROOT, "%5d tables: first introspection after"
            + " creating them %.1f ms, then median %.1f", n, first, stale));
        DatabaseSchema database = PostgresIntrospector.read(c);
        SchemaDiff diff = SchemaDiffer.diff(database, models, RenameHints.NONE);
        double introspect = median(runs, () -> PostgresIntrospector.read(c));
        double differ = median(runs, () -> SchemaDiffer.diff(database, models, RenameHints.NONE));
        double check = median(runs, () -> {
          LossCounter counter = dialect.lossCounter(c, diff.renamed());
          counter.beyondDiff(database, models);
        });
        double push = median(runs,
            () -> Pusher.push(c, dialect, models, false, Duration.ofSeconds(30)));
        System.out.println(String.format(Locale.ROOT, "%5d tables: introspect %.1f, diff %.1f,"
            + " data check %.1f, whole push %.1f (per table %.3f)", n, introspect, differ, check,
            push, push / n));
      } finally {
        server.drop(DATABASE);
      }
    }
    System.out.println("(" + Machine.load() + " at the end)");
  }

  private static double median(int runs, Step step) throws Exception {
    for (int i = 0; i < runs; i++) {
      step.run();
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      step.run();
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(times);
    return times[runs / 2];
  }
}
