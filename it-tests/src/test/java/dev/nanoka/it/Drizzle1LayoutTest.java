package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.MigrationStatus;
import dev.nanoka.runtime.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * drizzle-kit 1.0's migration layout ({@code -Ananoka.layout=drizzle-1}), against the 1.0
 * release candidate pinned in {@code it-tests/drizzle-1}. The evolution of
 * {@link MigrationEvolutionTest} is compiled by real Maven twice per version: project A in the
 * 0.31 layout, project B in the 1.0 layout. After each version:
 *
 * <ol>
 *   <li>{@code drizzle-kit up} (1.0) of A's folder gives B's folder byte for byte, but for B's
 *       {@code d1/}, the flat copy for wrangler, whose files are A's top-level SQL files;
 *   <li>drizzle-kit 1.0's {@code generate} over B's schema.ts and folder finds nothing and
 *       writes nothing, and its {@code check} passes;
 *   <li>both builds package the same migrations (names, bytes) for the runtime's index;
 *   <li>one history: a database migrated with A's folder has nothing to apply from B's, and the
 *       reverse; wrangler applies B's {@code d1/} to a local D1 and the runtime then finds that
 *       database up to date with B's folder.
 * </ol>
 *
 * At the end, project A switches layouts as a user would: {@code drizzle-kit up}, then the
 * option; its build changes no migration, and the CLI applies nothing to A's database.
 */
class Drizzle1LayoutTest {

  private static final Path CLI_JAR = ItPaths.repoRoot().resolve("cli/target/nanoka-cli.jar");
  private static final String D1_DATABASE = "nanoka_drizzle1_it";

  private static Path work;
  private static EvolutionProject a;
  private static EvolutionProject b;
  private static String failed;

  @BeforeAll
  static void prepare() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    RuntimeWranglerHistoryTest.cliJarIsCurrent();
    NodeTools.ensureInstalled();
    Drizzle1Tools.ensureInstalled();
    work = ItPaths.target().resolve("it").resolve("drizzle1");
    TestFiles.deleteRecursively(work);
    a = EvolutionProject.create(work.resolve("layout-0.31"));
    b = EvolutionProject.create(work.resolve("layout-1"));
    b.addCompilerArgs("-Ananoka.layout=drizzle-1");
    a.addRuntime();
    b.addRuntime();
    Files.createDirectories(work.resolve("databases"));
    writeWranglerProject();
  }

  @TestFactory
  Stream<DynamicTest> everyVersionInBothLayouts() {
    return Stream.concat(
        MigrationEvolutionTest.STEPS.stream()
            .map(step -> dynamicTest(step.sources(), () -> guarded(step.sources(),
                () -> version(step)))),
        Stream.of(dynamicTest("switch layouts", () -> guarded("switch", this::switchLayouts))));
  }

  private interface Check {
    void run() throws Exception;
  }

  private static void guarded(String name, Check check) throws Exception {
    if (failed != null) {
      fail("Not run: " + failed + " failed, and everything after it builds on it.");
    }
    try {
      check.run();
    } catch (Throwable e) {
      failed = name;
      throw e;
    }
  }

  private void version(EvolutionStep step) throws Exception {
    String at = "[" + step.sources() + "] ";
    for (EvolutionProject project : List.of(a, b)) {
      project.useSources(step.sources());
      CommandResult build = project.compile(step.sources());
      assertTrue(build.succeeded(), at + "mvn compile failed:" + build.describe());
    }
    assertFalse(Files.exists(b.migrations().resolve("meta")),
        at + "the 1.0 layout has no meta/ folder");

    // 1. drizzle-kit up of the 0.31 folder is the 1.0 folder
    Path up = work.resolve("up-" + step.sources());
    TestFiles.replaceWithCopy(a.migrations(), up.resolve("drizzle/migrations"), p -> false);
    Drizzle1Tools.writeConfig(up);
    CommandResult upRun = Drizzle1Tools.drizzleKit(up, work.resolve("logs/up-" + step.sources()
        + ".log"), "up");
    assertTrue(upRun.succeeded(), at + "drizzle-kit up failed" + upRun.describe());
    Map<String, String> native1 = EvolutionProject.files(b.migrations());
    Map<String, String> withoutD1 = new TreeMap<>(native1);
    withoutD1.keySet().removeIf(p -> p.startsWith("d1/"));
    assertEquals(EvolutionProject.files(up.resolve("drizzle/migrations")), withoutD1,
        at + "drizzle-kit up of " + a.migrations() + " must equal " + b.migrations());
    Map<String, String> flat = new TreeMap<>();
    EvolutionProject.files(a.migrations()).forEach((path, text) -> {
      if (!path.contains("/") && path.endsWith(".sql")) {
        flat.put("d1/" + path, text);
      }
    });
    Map<String, String> d1 = new TreeMap<>(native1);
    d1.keySet().removeIf(p -> !p.startsWith("d1/"));
    assertEquals(flat, d1, at + "d1/ must hold the 0.31 layout's SQL files, byte for byte");

    // 2. drizzle-kit 1.0 finds nothing to generate, and check passes
    Path generate = work.resolve("generate-" + step.sources());
    TestFiles.replaceWithCopy(b.drizzle(), generate.resolve("drizzle"), p -> false);
    Drizzle1Tools.writeConfig(generate);
    CommandResult gen = Drizzle1Tools.drizzleKit(generate,
        work.resolve("logs/generate-" + step.sources() + ".log"), "generate");
    assertTrue(gen.succeeded() && gen.output().contains("No schema changes"),
        at + "drizzle-kit 1.0 generate must find nothing to do" + gen.describe());
    assertEquals(EvolutionProject.files(b.drizzle()),
        EvolutionProject.files(generate.resolve("drizzle")), at + "generate wrote files");
    CommandResult check = Drizzle1Tools.drizzleKit(generate,
        work.resolve("logs/check-" + step.sources() + ".log"), "check");
    assertTrue(check.succeeded() && check.output().contains("Everything's fine"),
        at + "drizzle-kit 1.0 check must pass" + check.describe());

    // 3. the same migrations packaged for the runtime
    Path packagedA = a.dir().resolve("target/classes/nanoka/migrations");
    assertTrue(Files.isDirectory(packagedA), at + "no migrations packaged in " + packagedA);
    assertEquals(EvolutionProject.files(packagedA),
        EvolutionProject.files(b.dir().resolve("target/classes/nanoka/migrations")),
        at + "both layouts must package the same files under the same names");

    if (step.workInProgress()) {
      return; // iterated on, not applied
    }
    // 4. one history: A then B, B then A
    String newest = a.journalTags().get(step.version() - 1) + ".sql";
    assertEquals(List.of(newest), migrate(database("a-first"), a.migrations()).applied(),
        at + "the 0.31 folder applies its new migration");
    assertEquals(List.of(), migrate(database("a-first"), b.migrations()).applied(),
        at + "the 1.0 folder must find the database the 0.31 folder migrated up to date");
    assertEquals(List.of(newest), migrate(database("b-first"), b.migrations()).applied(),
        at + "the 1.0 folder applies its new migration, under the 0.31 name");
    assertEquals(List.of(), migrate(database("b-first"), a.migrations()).applied(),
        at + "the 0.31 folder must find the database the 1.0 folder migrated up to date");
    for (String db : List.of("a-first", "b-first")) {
      for (Path folder : List.of(a.migrations(), b.migrations())) {
        List<MigrationStatus> status = Migrator.forUrl(database(db))
            .source(MigrationSource.folder(folder)).build().status();
        assertEquals(step.version(), status.size(), at + status);
        assertTrue(status.stream().allMatch(s -> s.state() == MigrationStatus.State.APPLIED),
            at + db + " with " + folder + ": " + status);
      }
    }

    // ... and wrangler, reading d1/, agrees with the runtime reading the 1.0 folder
    Path wrangler = work.resolve("wrangler");
    TestFiles.replaceWithCopy(b.migrations(), wrangler.resolve("drizzle/migrations"), p -> false);
    CommandResult apply = wranglerRun("apply-" + step.sources(), "d1", "migrations", "apply",
        D1_DATABASE, "--local");
    assertTrue(apply.succeeded() && apply.output().contains(newest),
        at + "wrangler must apply " + newest + " from drizzle/migrations/d1" + apply.describe());
    String d1Url = "jdbc:sqlite:" + d1File(wrangler);
    assertEquals(List.of(), migrate(d1Url, b.migrations()).applied(),
        at + "the runtime must find the D1 database wrangler migrated from d1/ up to date");
    CommandResult again = wranglerRun("again-" + step.sources(), "d1", "migrations", "apply",
        D1_DATABASE, "--local");
    assertTrue(again.succeeded() && again.output().contains("No migrations to apply"),
        at + "wrangler must find nothing left to apply" + again.describe());
  }

  /**
   * Project A, at the last version in the 0.31 layout with its databases migrated, converted by
   * drizzle-kit up, then built with the 1.0 option: no migration changes, and neither the
   * runtime nor the CLI applies anything. Then wrangler's view of the old layout: pointed at
   * the 1.0 folder itself, it finds no migration at all (it reads only top-level .sql files).
   */
  private void switchLayouts() throws Exception {
    Drizzle1Tools.writeConfig(a.dir());
    CommandResult upRun = Drizzle1Tools.drizzleKit(a.dir(), work.resolve("logs/up-a.log"), "up");
    assertTrue(upRun.succeeded(), "drizzle-kit up failed" + upRun.describe());
    Map<String, String> converted = EvolutionProject.files(a.migrations());
    a.addCompilerArgs("-Ananoka.layout=drizzle-1");
    CommandResult build = a.compile("switched");
    assertTrue(build.succeeded(), "mvn compile failed after the switch" + build.describe());
    Map<String, String> after = EvolutionProject.files(a.migrations());
    Map<String, String> withoutD1 = new TreeMap<>(after);
    withoutD1.keySet().removeIf(p -> p.startsWith("d1/"));
    assertEquals(converted, withoutD1,
        "the build after drizzle-kit up must leave the converted migrations as they are");
    assertEquals(EvolutionProject.files(b.migrations()), after,
        "the switched project's folder must equal the one written in the 1.0 layout throughout");

    for (String db : List.of("a-first", "b-first")) {
      CommandResult migrate = nanoka("migrate-" + db, "migrate", "--url", database(db),
          "--dir", a.migrations().toString());
      assertTrue(migrate.succeeded()
              && migrate.output().contains("Nothing to apply: 8 migrations"),
          "the CLI must apply nothing after the switch" + migrate.describe());
      CommandResult status = nanoka("status-" + db, "status", "--url", database(db),
          "--dir", a.migrations().toString());
      assertTrue(status.succeeded() && status.output().contains("Up to date."),
          "status must say up to date after the switch" + status.describe());
    }
    // nanoka check and review read the 1.0 folder
    CommandResult check = nanoka("check", "check", "--dir", a.migrations().toString());
    assertTrue(check.succeeded() && check.output().contains("Consistent"),
        "nanoka check must pass on the 1.0 folder" + check.describe());
    CommandResult review = nanoka("review", "review", "--dir", a.migrations().toString());
    assertTrue(review.succeeded() && review.output().contains("Schema review: 8 migrations")
            && review.output().contains("_alter_projects/migration.sql (added)"),
        "nanoka review must review the 1.0 folder's migrations" + review.describe());
    // against a base in the 1.0 layout (B's folder as it was at v3, d1/ included)
    CommandResult since = nanoka("review-since", "review", "--dir", a.migrations().toString(),
        "--from", work.resolve("generate-v3/drizzle/migrations").toString());
    assertTrue(since.succeeded() && since.output().contains("5 migrations not in"),
        "nanoka review must take a 1.0 folder's d1/ as the base" + since.describe());

    // wrangler on the 1.0 folder itself: nothing to apply, which is why d1/ exists
    Path bare = work.resolve("wrangler-bare");
    TestFiles.replaceWithCopy(b.migrations(), bare.resolve("drizzle/migrations"), p -> false);
    writeWranglerConfig(bare, "drizzle/migrations");
    CommandResult apply = NodeTools.wrangler(bare, bare.resolve("home"),
        bare.resolve("logs/apply.log"), "d1", "migrations", "apply", D1_DATABASE, "--local",
        "--persist-to", "state");
    assertTrue(apply.succeeded() && apply.output().contains("No migrations to apply"),
        "wrangler pointed at the 1.0 folder itself is expected to find no migration"
            + apply.describe());
  }

  private static MigrateResult migrate(String url, Path folder) throws Exception {
    return Migrator.forUrl(url).source(MigrationSource.folder(folder)).migrate();
  }

  private static String database(String name) {
    return "jdbc:sqlite:" + work.resolve("databases").resolve(name + ".db");
  }

  private static void writeWranglerProject() throws IOException {
    writeWranglerConfig(work.resolve("wrangler"), "drizzle/migrations/d1");
  }

  private static void writeWranglerConfig(Path project, String migrationsDir) throws IOException {
    Files.createDirectories(project);
    Files.writeString(project.resolve("wrangler.jsonc"), """
        {
          "name": "nanoka-drizzle1-it",
          "compatibility_date": "2025-01-01",
          "d1_databases": [
            {
              "binding": "DB",
              "database_name": "%s",
              "database_id": "3e0a9d7c-5b21-4f86-a3c4-7d2e91b0f5a6",
              "migrations_dir": "%s"
            }
          ]
        }
        """.formatted(D1_DATABASE, migrationsDir));
  }

  private static CommandResult wranglerRun(String label, String... args)
      throws IOException, InterruptedException {
    Path project = work.resolve("wrangler");
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--persist-to", "state"));
    return NodeTools.wrangler(project, project.resolve("home"),
        project.resolve("logs").resolve(label + ".log"), command.toArray(String[]::new));
  }

  /** The SQLite file of the local D1 database (miniflare names it after a hash). */
  private static Path d1File(Path project) throws IOException {
    Path folder = project.resolve("state/v3/d1/miniflare-D1DatabaseObject");
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> databases = files
          .filter(f -> f.getFileName().toString().endsWith(".sqlite"))
          .filter(f -> !f.getFileName().toString().equals("metadata.sqlite"))
          .toList();
      assertEquals(1, databases.size(), "one D1 database file in " + folder + ": " + databases);
      return databases.get(0);
    }
  }

  private static CommandResult nanoka(String label, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        CLI_JAR.toString()));
    command.addAll(List.of(args));
    return Command.run(command, work, Duration.ofMinutes(2),
        work.resolve("logs").resolve("cli-" + label + ".log"));
  }
}
