package dev.nanoka.bench;

import dev.nanoka.bench.MigrationGenerator.Script;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Nanoka's time goes in figure 7: the same files applied over plain JDBC in one
 * transaction, adding one of the runtime's costs at a time — a savepoint per file, drizzle's
 * history row, Nanoka's checksum row — next to the runtime itself and psql. Medians of
 * {@code --runs} fresh databases each, warm JVM. Used to explain figure 7; prints one table.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.PostgresMigrateProfile --url=jdbc:postgresql://…/postgres?user=…
 *     [--migrations=500] [--runs=7] [--psql=psql] [--work=target/bench/pg-profile]
 * </pre>
 */
public final class PostgresMigrateProfile {

  private static final String DATABASE = "nanoka_bench_profile";

  private PostgresMigrateProfile() {}

  /** One way to apply the files, given a connection to a fresh database. */
  @FunctionalInterface
  private interface Apply {
    void run(Connection connection) throws Exception;
  }

  @FunctionalInterface
  private interface Timed {
    Object run() throws Exception;
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int count = args.integer("migrations", 500);
    int runs = args.integer("runs", 7);
    Path work = args.path("work", "target/bench/pg-profile");
    PostgresBenchServer server = new PostgresBenchServer(args.required("url"));
    Processes.deleteTree(work);
    List<Script> scripts = PostgresMigrationGenerator.generate(count);
    Path drizzle = work.resolve("drizzle");
    PostgresMigrationGenerator.writeDrizzleFolder(scripts, drizzle);
    Path all = work.resolve("all.sql");
    java.nio.file.Files.writeString(all, PostgresMigrationGenerator.concatenated(scripts));
    List<List<String>> statements = new ArrayList<>();
    int total = 0;
    for (Script script : scripts) {
      List<String> parts = new ArrayList<>();
      for (String part : script.sql().split("--> statement-breakpoint", -1)) {
        if (!part.isBlank()) {
          parts.add(part.strip());
        }
      }
      statements.add(parts);
      total += parts.size();
    }
    System.out.println("Figure 7 profile: " + count + " files, " + total + " statements — "
        + Machine.describe() + "; " + server.describe());

    Report table = new Report("Figure 7, where the time goes (warm JVM, median of " + runs
        + " fresh databases)", "how", "time", "÷ plain JDBC", "per file over the line above");
    Stats psql = timed(server, runs, () -> Processes.measure(List.of(
        args.string("psql", "psql"), "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f",
        all.toString(), "-d", server.libpqUrl(DATABASE)), work, Map.of(), null));
    Stats plain = jdbc(server, runs, c -> run(c, statements, false, false, false));
    Stats savepoints = jdbc(server, runs, c -> run(c, statements, true, false, false));
    Stats drizzleRow = jdbc(server, runs, c -> run(c, statements, true, true, false));
    Stats both = jdbc(server, runs, c -> run(c, statements, true, true, true));
    Stats nanoka = timed(server, runs, () -> Migrator.forUrl(server.jdbcUrl(DATABASE))
        .source(MigrationSource.folder(drizzle)).build().migrate());
    double base = plain.median();
    Stats previous = null;
    for (var row : List.<Map.Entry<String, Stats>>of(
        Map.entry("psql -1 -f (whole process)", psql),
        Map.entry("JDBC, one Statement, one transaction", plain),
        Map.entry("+ a savepoint per file (SAVEPOINT, RELEASE)", savepoints),
        Map.entry("+ drizzle's history row (INSERT, SHA-256)", drizzleRow),
        Map.entry("+ Nanoka's checksum row (INSERT … ON CONFLICT)", both),
        Map.entry("Nanoka Migrator (all of the above, lock, reads, checks)", nanoka))) {
      String perFile = previous == null || row.getValue() == plain ? ""
          : String.format(Locale.ROOT, "%+.2f ms",
              (row.getValue().median() - previous.median()) / count);
      table.row(row.getKey(), row.getValue(), Report.ratio(row.getValue().median() / base),
          perFile);
      previous = row.getValue();
    }
    table.print();
    System.out.println("(" + Machine.load() + " at the end)");
  }

  private static void run(Connection c, List<List<String>> files, boolean savepoint,
      boolean drizzleRow, boolean checksumRow) throws Exception {
    c.setAutoCommit(false);
    try (Statement statement = c.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS drizzle");
      statement.execute("CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL"
          + " PRIMARY KEY, hash text NOT NULL, created_at bigint)");
      statement.execute("CREATE TABLE IF NOT EXISTS drizzle.nanoka_migration_checksums (name"
          + " text PRIMARY KEY NOT NULL, created_at bigint NOT NULL, checksum text NOT NULL,"
          + " applied_at timestamptz DEFAULT now() NOT NULL)");
      for (int i = 0; i < files.size(); i++) {
        if (savepoint) {
          statement.execute("SAVEPOINT nanoka_script");
        }
        for (String sql : files.get(i)) {
          statement.execute(sql);
        }
        if (drizzleRow) {
          try (PreparedStatement insert = c.prepareStatement(
              "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (?, ?)")) {
            insert.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", files.get(i)).getBytes(StandardCharsets.UTF_8))));
            insert.setLong(2, PostgresMigrationGenerator.FIRST_WHEN + i * 1000L);
            insert.executeUpdate();
          }
        }
        if (checksumRow) {
          try (PreparedStatement insert = c.prepareStatement("INSERT INTO"
              + " drizzle.nanoka_migration_checksums (name, created_at, checksum)"
              + " VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET checksum ="
              + " excluded.checksum, created_at = excluded.created_at")) {
            insert.setString(1, "file" + i);
            insert.setLong(2, PostgresMigrationGenerator.FIRST_WHEN + i * 1000L);
            insert.setString(3, "x");
            insert.executeUpdate();
          }
        }
        if (savepoint) {
          statement.execute("RELEASE SAVEPOINT nanoka_script");
        }
      }
    }
    c.commit();
  }

  private static Stats jdbc(PostgresBenchServer server, int runs, Apply apply) throws Exception {
    return timed(server, runs, () -> {
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(DATABASE))) {
        apply.run(c);
      }
      return null;
    });
  }

  /** One untimed warm-up, then {@code runs} timed ones, each on a fresh database. */
  private static Stats timed(PostgresBenchServer server, int runs, Timed timed)
      throws Exception {
    List<Double> samples = new ArrayList<>();
    for (int run = -1; run < runs; run++) {
      server.create(DATABASE);
      try {
        long start = System.nanoTime();
        timed.run();
        if (run >= 0) {
          samples.add((System.nanoTime() - start) / 1e6);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      } finally {
        server.drop(DATABASE);
      }
    }
    return new Stats(samples);
  }
}
