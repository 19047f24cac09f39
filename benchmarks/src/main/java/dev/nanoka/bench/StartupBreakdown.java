package dev.nanoka.bench;

import dev.nanoka.runtime.migrate.Migration;
import dev.nanoka.runtime.migrate.MigrationIndex;
import dev.nanoka.runtime.migrate.MigrationSource;
import dev.nanoka.runtime.migrate.Migrator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Figure 3, why: the parts of today's start-up check timed one by one in a fresh JVM (cold), then
 * again after a warm-up. Run by {@link StartupCheck} in a child process:
 * {@code StartupBreakdown <app.jar> <nanoka.db>}.
 */
public final class StartupBreakdown {

  private StartupBreakdown() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path copy = Files.createTempFile("nanoka-bench-startup", ".db");
    Files.copy(Path.of(args[1]), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String url = "jdbc:sqlite:" + copy;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      connection.createStatement().execute("SELECT 1"); // the driver, as in the benchmark
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        StartupBreakdown.class.getClassLoader())) {
      MigrationIndex index = (MigrationIndex) loader.loadClass(StartupCheck.INDEX_CLASS)
          .getField("INSTANCE").get(null);
      for (String phase : List.of("cold", "warm")) {
        int repeat = phase.equals("cold") ? 1 : 50;
        if (phase.equals("warm")) {
          for (int i = 0; i < 100; i++) {
            Migrator.forUrl(url).source(MigrationSource.index(index)).build().migrate();
          }
        }
        long t0 = System.nanoTime();
        List<Migration> migrations = null;
        for (int i = 0; i < repeat; i++) {
          migrations = MigrationSource.index(index).load();
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < repeat; i++) {
          migrations.forEach(Migration::checksum);
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < repeat; i++) {
          try (Connection connection = DriverManager.getConnection(url);
              Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("COMMIT");
          }
        }
        long t3 = System.nanoTime();
        for (int i = 0; i < repeat; i++) {
          Migrator.forUrl(url).source(MigrationSource.index(index)).build().migrate();
        }
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s|%.2f|%.2f|%.2f|%.2f%n", phase,
            (t1 - t0) / 1e6 / repeat, (t2 - t1) / 1e6 / repeat, (t3 - t2) / 1e6 / repeat,
            (t4 - t3) / 1e6 / repeat);
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
