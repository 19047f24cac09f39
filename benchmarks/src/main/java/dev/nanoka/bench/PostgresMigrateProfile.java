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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Nanoka's time goes in figure 7: the same files applied over plain JDBC in one
 * transaction, adding one of the runtime's costs at a time — a savepoint per file, drizzle's
 * history row, Nanoka's checksum row — next to the runtime itself and psql, in {@code --runs}
 * interleaved rounds on fresh databases, warm JVM. Used to explain figure 7; prints one table.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.PostgresMigrateProfile --url=jdbc:postgresql://…/postgres?user=…
 *     [--migrations=500] [--runs=7] [--psql=psql] [--work=target/bench/pg-profile]
 * </pre>
 */
public final class PostgresMigrateProfile {

  private static final String DATABASE = "nanoka_bench_profile";
  private static final String PSQL = "psql -1 -f (whole process)";
  private static final String PLAIN = "JDBC, one Statement, one transaction";

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

    Map<String, Timed> ways = new LinkedHashMap<>();
    ways.put(PSQL, () -> Processes.measure(List.of(args.string("psql", "psql"), "-X", "-q", "-1",
        "-v", "ON_ERROR_STOP=1", "-f", all.toString(), "-d", server.libpqUrl(DATABASE)), work,
        Map.of(), null));
    ways.put(PLAIN, jdbc(server, c -> run(c, statements, false, false, false)));
    ways.put("+ a savepoint per file (SAVEPOINT, RELEASE)",
        jdbc(server, c -> run(c, statements, true, false, false)));
    ways.put("+ drizzle's history row (INSERT, SHA-256)",
        jdbc(server, c -> run(c, statements, true, true, false)));
    ways.put("+ Nanoka's checksum row (INSERT … ON CONFLICT)",
        jdbc(server, c -> run(c, statements, true, true, true)));
    ways.put("Nanoka Migrator (all of the above, lock, reads, checks)",
        () -> Migrator.forUrl(server.jdbcUrl(DATABASE)).source(MigrationSource.folder(drizzle))
            .build().migrate());
    List<String> names = new ArrayList<>(ways.keySet());
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    names.forEach(name -> samples.put(name, new ArrayList<>()));
    // Interleaved rounds, as figure 7: the load of a shared machine moves within minutes.
    for (int round = -1; round < runs; round++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get(Math.floorMod(k + round, names.size()));
        server.create(DATABASE);
        try {
          long start = System.nanoTime();
          ways.get(name).run();
          if (round >= 0) {
            samples.get(name).add((System.nanoTime() - start) / 1e6);
          }
        } finally {
          server.drop(DATABASE);
        }
      }
    }
    Report table = new Report("Figure 7, where the time goes (warm JVM, " + runs
        + " interleaved rounds on fresh databases; ratios: median of the rounds' ratios)", "how",
        "time", "÷ plain JDBC", "per file over the line above (median of rounds)");
    List<Double> base = samples.get(PLAIN);
    for (int i = 0; i < names.size(); i++) {
      List<Double> times = samples.get(names.get(i));
      String perFile = "";
      if (i >= 2) {
        List<Double> previous = samples.get(names.get(i - 1));
        List<Double> deltas = new ArrayList<>();
        for (int r = 0; r < times.size(); r++) {
          deltas.add((times.get(r) - previous.get(r)) / count);
        }
        perFile = String.format(Locale.ROOT, "%+.3f ms", new Stats(deltas).median());
      }
      table.row(names.get(i), new Stats(times),
          Report.ratio(PostgresMigrateSpeed.pairedRatio(times, base)), perFile);
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

  private static Timed jdbc(PostgresBenchServer server, Apply apply) {
    return () -> {
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(DATABASE))) {
        apply.run(c);
      }
      return null;
    };
  }
}
