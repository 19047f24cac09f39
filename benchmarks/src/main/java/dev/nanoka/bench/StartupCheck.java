package dev.nanoka.bench;

import dev.nanoka.core.text.Checksums;
import dev.nanoka.runtime.MigrationIndex;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.tools.ToolProvider;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Mode;

/**
 * Figure 3: the start-up check with nothing pending — 500 applied migrations, the index on the
 * class path — Nanoka's {@code Migrator.migrate()} vs Flyway's {@code migrate()}, in process.
 * Target: at most 1/10 of Flyway's time. Measured twice with JMH: warm (average time after
 * warm-up, what a test suite or a redeploy in a running JVM sees) and cold (the first call in a
 * fresh JVM, several forks: what an application's start-up pays, class loading included).
 *
 * <pre>
 * java -cp … dev.nanoka.bench.StartupCheck [--migrations=500] [--cold-forks=5]
 *     [--work=target/bench/startup]
 * </pre>
 */
public final class StartupCheck {

  static final String INDEX_PACKAGE = "bench.app";
  static final String INDEX_CLASS = INDEX_PACKAGE + ".NanokaMigrations";
  static final String RESOURCE_FOLDER = "nanoka/migrations/bench/app";
  static final String FLYWAY_FOLDER = "db/migration";

  private StartupCheck() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int count = args.integer("migrations", 500);
    Path work = args.path("work", "target/bench/startup");
    Processes.deleteTree(work);
    Files.createDirectories(work);
    System.out.println("Figure 3: start-up check, " + count + " migrations applied, none pending — "
        + Machine.describe());
    Path jar = buildAppJar(count, work);
    Path nanokaDb = work.resolve("nanoka.db");
    Path flywayDb = work.resolve("flyway.db");
    migrateBoth(jar, nanokaDb, flywayDb);

    Map<String, String[]> params = Map.of(
        "appJar", new String[] {jar.toString()},
        "nanokaDb", new String[] {nanokaDb.toString()},
        "flywayDb", new String[] {flywayDb.toString()},
        "count", new String[] {String.valueOf(count)});
    String include = StartupBenchmark.class.getName() + "\\.";
    List<Jmh.Score> warm = Jmh.run(include, new Jmh.Plan(Mode.AverageTime,
        args.integer("warmups", 3), args.integer("iterations", 5), 1, 1), params, List.of(),
        work.resolve("jmh-warm.log"));
    List<Jmh.Score> cold = Jmh.run(include, new Jmh.Plan(Mode.SingleShotTime, 0, 1,
        args.integer("cold-forks", 5), 0), params, List.of(), work.resolve("jmh-cold.log"));

    Report table = new Report("Figure 3 — start-up check, " + count
        + " applied, none pending (JMH; warm: average after warm-up; cold: first call in a"
        + " fresh JVM with the JDBC driver loaded, median over forks)", "", "Nanoka",
        "Flyway " + MigrateSpeed.flywayVersion(), "Nanoka ÷ Flyway (target ≤ 0.10)");
    for (var entry : List.of(Map.entry("warm", warm), Map.entry("cold", cold))) {
      Jmh.Score nanoka = Jmh.find(entry.getValue(), "nanoka", null, null);
      Jmh.Score flyway = Jmh.find(entry.getValue(), "flyway", null, null);
      double ratio = nanoka.median() / flyway.median();
      table.row(entry.getKey(), nanoka.describe(), flyway.describe(),
          String.format(Locale.ROOT, "%.3f (1/%.0f) %s", ratio, 1 / ratio,
              Report.verdict(ratio <= 0.10)));
    }
    table.note("Nanoka: the generated index lists each file's checksum, so an up-to-date start is"
        + " one read-only query of the history: no file is read.");
    table.print();
    System.out.println("(" + Machine.load() + " at the end)");
  }

  /** The application jar: the index class, Nanoka's resources, Flyway's resources. */
  static Path buildAppJar(int count, Path work) throws IOException {
    return buildAppJar(MigrationGenerator.generate(count), work, Map.of());
  }

  /**
   * The application jar for these scripts, with {@code extra} resources beside Nanoka's files
   * (by name relative to its resource folder: PostgreSQL's {@code meta/_journal.json}).
   */
  static Path buildAppJar(List<MigrationGenerator.Script> scripts, Path work,
      Map<String, byte[]> extra) throws IOException {
    List<String> names = new ArrayList<>();
    List<String> checksums = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      names.add(MigrationGenerator.drizzleName(i, scripts.get(i)));
      checksums.add(Checksums.of(scripts.get(i).sql()));
    }
    // The index as the processor generates it (MigrationIndexWriter).
    Path src = work.resolve("src/" + INDEX_PACKAGE.replace('.', '/'));
    Files.createDirectories(src);
    Path java = src.resolve("NanokaMigrations.java");
    Files.writeString(java, indexSource("NanokaMigrations", names, checksums));
    Path classes = work.resolve("classes");
    Files.createDirectories(classes);
    int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
        classes.toString(), "-cp", System.getProperty("java.class.path"), java.toString());
    if (exit != 0) {
      throw new IllegalStateException("cannot compile the index");
    }
    Path jar = work.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      String classFile = INDEX_CLASS.replace('.', '/') + ".class";
      add(out, classFile, Files.readAllBytes(classes.resolve(classFile)));
      for (int i = 0; i < scripts.size(); i++) {
        byte[] sql = scripts.get(i).sql().getBytes(StandardCharsets.UTF_8);
        add(out, RESOURCE_FOLDER + "/" + names.get(i), sql);
        add(out, FLYWAY_FOLDER + "/" + MigrationGenerator.flywayName(i, scripts.get(i)), sql);
      }
      for (Map.Entry<String, byte[]> resource : extra.entrySet()) {
        add(out, RESOURCE_FOLDER + "/" + resource.getKey(), resource.getValue());
      }
    }
    return jar;
  }

  private static String indexSource(String className, List<String> names,
      List<String> checksums) {
    return "package " + INDEX_PACKAGE + ";\n\n"
        + "import java.util.List;\n\n"
        + "public final class " + className + " implements "
        + MigrationIndex.class.getName() + " {\n"
        + "  public static final " + className + " INSTANCE = new " + className + "();\n"
        + "  private static final List<String> FILES = List.of(" + quoted(names) + ");\n"
        + "  private static final List<String> CHECKSUMS = List.of(" + quoted(checksums) + ");\n"
        + "  @Override public List<String> checksums() { return CHECKSUMS; }\n"
        + "  private " + className + "() {}\n"
        + "  @Override public String resourceFolder() { return \"" + RESOURCE_FOLDER + "\"; }\n"
        + "  @Override public List<String> files() { return FILES; }\n}\n";
  }

  private static String quoted(List<String> values) {
    return String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList());
  }

  /** The {@code INSTANCE} of an index class in the application jar. */
  static MigrationIndex index(ClassLoader loader, String className)
      throws ReflectiveOperationException {
    return (MigrationIndex) loader.loadClass(className).getField("INSTANCE").get(null);
  }

  private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  /** Applies every migration with each tool, from the jar, so both start up to date. */
  static void migrateBoth(Path jar, Path nanokaDb, Path flywayDb) throws Exception {
    Logger flywayLog = Logger.getLogger("org.flywaydb");
    flywayLog.setLevel(Level.WARNING);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        StartupCheck.class.getClassLoader())) {
      MigrationIndex index = index(loader, INDEX_CLASS);
      Migrator.forUrl("jdbc:sqlite:" + nanokaDb).source(MigrationSource.index(index)).migrate();
      // group: one transaction for the whole set, only to prepare the file faster
      Flyway.configure(loader).dataSource("jdbc:sqlite:" + flywayDb, null, null)
          .locations("classpath:" + FLYWAY_FOLDER).group(true).load().migrate();
    }
  }
}
