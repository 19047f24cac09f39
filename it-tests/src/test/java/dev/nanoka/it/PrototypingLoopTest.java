package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;

/**
 * The prototyping loop of Prisma's {@code db push} guide (the second seed), end to end: a Maven
 * project whose models change step by step ({@code src/test/projects/prototyping}: {@code base/}
 * plus the folders of {@code steps/} up to the current one), compiled by real Maven, and the CLI
 * run as users run it, {@code java -jar cli/target/nanoka-cli.jar}, with the schema class
 * the processor generated ({@code --schema com.example.proto.NanokaSchema --classpath
 * target/classes}).
 *
 * <p>Part 1 prototypes a new schema: push a draft, add content, a required field is refused,
 * reset, iterate, then turn the prototype into the first migration. Part 2 prototypes a feature
 * over that history: the push shows up as drift on the next {@code migrate}, and a reset replays
 * the history with the feature's migration.
 */
class PrototypingLoopTest {

  private static final Path FIXTURE = ItPaths.itTests().resolve("src/test/projects/prototyping");
  private static final String PACKAGE = "src/main/java/com/example/proto";
  private static final String SCHEMA = "com.example.proto.NanokaSchema";
  private static final Duration CLI_TIMEOUT = Duration.ofMinutes(2);

  private Path project;
  private Path logs;
  private int runs;

  @Test
  void theSeedsWholeLoop() throws Exception {
    checkRuntimeIsCurrent();
    project = ItPaths.target().resolve("it").resolve("prototyping");
    logs = project.resolveSibling("prototyping-logs");
    TestFiles.deleteRecursively(project);
    TestFiles.deleteRecursively(logs);
    Files.createDirectories(project.resolve(".mvn"));
    Files.copy(FIXTURE.resolve("pom.xml"), project.resolve("pom.xml"));
    Files.copy(FIXTURE.resolve("seed.sql"), project.resolve("seed.sql"));
    String dev = "jdbc:sqlite:" + project.resolve("dev.db");
    String fresh = "jdbc:sqlite:" + project.resolve("fresh.db");
    Path migrations = project.resolve("drizzle/migrations");

    // ---- Part 1: prototyping a new schema ----

    // 1. The first draft of the schema, migrations off.
    compile("base");
    assertFalse(Files.exists(migrations), "push-only prototyping must write no migrations");
    assertTrue(Files.exists(project.resolve("target/classes/com/example/proto/NanokaSchema.class")));
    // the models themselves are data beside it, which NanokaSchema reads from the class path
    assertTrue(Files.exists(
        project.resolve("target/classes/nanoka/schema/com/example/proto/schema.txt")));

    // 2. `db push` the initial schema to the database.
    CommandResult push = nanoka("push-draft", "push", "--url", dev, "--schema", SCHEMA,
        "--classpath", "target/classes");
    assertEquals(0, push.exitCode(), push.describe());
    assertTrue(push.output().contains("CREATE TABLE `posts`"), push.describe());
    assertEquals(List.of("categories", "post_categories", "posts", "profiles", "users"),
        tables(dev));

    // 3. Some sample content.
    execute(dev, "INSERT INTO users (name, jobTitle) VALUES ('Eloise', 'Programmer')",
        "INSERT INTO posts (title, content, authorId) VALUES ('How to create a MySQL database',"
            + " 'Some content', 1)");

    // 4. A new required field, 5. pushed: refused, since posts has content and no default.
    compile("base", "2-required-field");
    String before = dump(dev);
    CommandResult refused = nanoka("push-required-field", "push", "--url", dev,
        "--schema", SCHEMA, "--classpath", "target/classes");
    assertEquals(1, refused.exitCode(), refused.describe());
    assertTrue(refused.output().contains("Nothing was pushed."), refused.describe());
    assertTrue(refused.output().contains("adds the required column posts.description without a"
        + " default, but posts holds 1 row(s)"), refused.describe());
    assertEquals(before, dump(dev), "a refused push must leave the data as it was");

    // 6. Reset the database (there are no migrations to re-apply yet), then push again.
    CommandResult reset = nanoka("reset-prototype", "reset", "--force", "--url", dev,
        "--dir", migrations.toString());
    assertEquals(0, reset.exitCode(), reset.describe());
    assertEquals(List.of(), tables(dev));
    push = nanoka("push-after-reset", "push", "--url", dev, "--schema", SCHEMA,
        "--classpath", "target/classes");
    assertEquals(0, push.exitCode(), push.describe());
    assertTrue(columns(dev, "posts").contains("description"));

    // 7. Keep evolving: fix the profile's typo (profiles is empty, so the drop is no loss).
    compile("base", "2-required-field", "3-iterate");
    push = nanoka("push-iterate", "push", "--url", dev, "--schema", SCHEMA,
        "--classpath", "target/classes");
    assertEquals(0, push.exitCode(), push.describe());
    assertTrue(columns(dev, "profiles").contains("biography"), columns(dev, "profiles")::toString);
    push = nanoka("push-again", "push", "--url", dev, "--schema", SCHEMA,
        "--classpath", "target/classes");
    assertEquals(0, push.exitCode(), push.describe());
    assertTrue(push.output().contains("already in sync"), push.describe());
    assertExitCode(0, nanoka("diff-prototype", "diff", "--from", "database", "--to", "models",
        "--exit-code", "--url", dev, "--schema", SCHEMA, "--classpath", "target/classes"));
    execute(dev, "INSERT INTO users (name, jobTitle) VALUES ('Eloise', 'Programmer')",
        "INSERT INTO posts (title, description, content, authorId) VALUES ('Draft', 'd', 'c', 1)");

    // 8. Initialise the migration history from the prototype: migrations on, version 1.
    compile("base", "2-required-field", "3-iterate", "4-first-migration");
    assertEquals(1, sqlFiles(migrations).size(), sqlFiles(migrations)::toString);
    assertExitCode(0, nanoka("diff-migrations-models", "diff", "--from", "migrations", "--to",
        "models", "--exit-code", "--dir", migrations.toString(), "--schema", SCHEMA,
        "--classpath", "target/classes"));
    // The migration creates exactly the prototype's schema (the database has no history yet).
    assertExitCode(0, nanoka("diff-migrations-dev", "diff", "--from", "migrations", "--to",
        "database", "--exit-code", "--dir", migrations.toString(), "--url", dev));

    // 9. The history goes to other environments: a fresh database gets it with migrate.
    CommandResult migrate = nanoka("migrate-fresh-v1", "migrate", "--url", fresh,
        "--dir", migrations.toString());
    assertEquals(0, migrate.exitCode(), migrate.describe());
    assertTrue(migrate.output().contains("Applied 1 migration(s)"), migrate.describe());
    assertFalse(migrate.output().contains("Drift"), migrate.describe());
    assertExitCode(0, nanoka("diff-fresh-v1", "diff", "--from", "models", "--to", "database",
        "--exit-code", "--url", fresh, "--schema", SCHEMA, "--classpath", "target/classes"));

    // The pushed prototype database is not in sync with the history: migrate says so (and its
    // first migration cannot create tables that exist), and reset rebuilds it from the history.
    migrate = nanoka("migrate-dev-v1", "migrate", "--url", dev, "--dir", migrations.toString());
    assertTrue(migrate.output().contains("warning: Drift detected: the database does not match"
        + " its migration history:\n  - table "), migrate.describe());
    assertTrue(migrate.output().contains("\n  - table users exists only in the database\n"),
        migrate.describe());
    assertEquals(1, migrate.exitCode(), migrate.describe());
    reset = nanoka("reset-dev-v1", "reset", "--force", "--url", dev, "--dir",
        migrations.toString(), "--seed-class", "com.example.proto.DevSeed",
        "--classpath", "target/classes");
    assertEquals(0, reset.exitCode(), reset.describe());
    assertTrue(reset.output().contains("Applied 1 migration(s)."), reset.describe());
    assertEquals(List.of("Eloise|Programmer"), rows(dev, "SELECT name, jobTitle FROM users"));
    migrate = nanoka("migrate-dev-v1-again", "migrate", "--url", dev, "--dir",
        migrations.toString());
    assertEquals(0, migrate.exitCode(), migrate.describe());
    assertFalse(migrate.output().contains("Drift"), migrate.describe());

    // ---- Part 2: prototyping over an existing migration history ----

    // 2. Prototype the tags feature with push; version 2's migration is not written meanwhile.
    compile("base", "2-required-field", "3-iterate", "4-first-migration", "5-tags-prototype");
    assertEquals(1, sqlFiles(migrations).size(), sqlFiles(migrations)::toString);
    push = nanoka("push-tags", "push", "--url", dev, "--schema", SCHEMA,
        "--classpath", "target/classes");
    assertEquals(0, push.exitCode(), push.describe());
    assertTrue(columns(dev, "posts").contains("tags"));
    assertEquals(List.of("0000"), rows(dev, "SELECT substr(name, 1, 4) FROM d1_migrations"),
        "push must leave the migration history alone");

    // The next migrate (and status) reports the push as drift.
    migrate = nanoka("migrate-dev-drift", "migrate", "--url", dev, "--dir", migrations.toString());
    assertEquals(0, migrate.exitCode(), migrate.describe());
    assertTrue(migrate.output().contains("warning: Drift detected: the database does not match"
        + " its migration history:\n  - column posts.tags exists only in the database"),
        migrate.describe());
    CommandResult status = nanoka("status-dev-drift", "status", "--url", dev, "--dir",
        migrations.toString());
    assertEquals(0, status.exitCode(), status.describe());
    assertTrue(status.output().contains("Drift detected: the database does not match its"
        + " migration history:\n  - column posts.tags exists only in the database"),
        status.describe());

    // 3. The feature becomes version 2's migration.
    compile("base", "2-required-field", "3-iterate", "4-first-migration", "5-tags-prototype",
        "6-tags-migration");
    List<String> files = sqlFiles(migrations);
    assertEquals(2, files.size(), files::toString);
    assertTrue(Files.readString(migrations.resolve(files.get(1))).contains("`tags`"));
    // The database already has what the migration adds: drift, and the migration fails.
    migrate = nanoka("migrate-dev-v2", "migrate", "--url", dev, "--dir", migrations.toString());
    assertTrue(migrate.output().contains("Drift detected"), migrate.describe());
    assertEquals(1, migrate.exitCode(), migrate.describe());

    // 4. Reset: the history is replayed, the new migration included, and the seed runs.
    reset = nanoka("reset-dev-v2", "reset", "--force", "--url", dev, "--dir",
        migrations.toString(), "--seed-sql", "seed.sql");
    assertEquals(0, reset.exitCode(), reset.describe());
    assertTrue(reset.output().contains("Applied 2 migration(s)."), reset.describe());
    assertEquals(List.of("How to create a MySQL database|[\"sql\"]"),
        rows(dev, "SELECT title, tags FROM posts"));
    migrate = nanoka("migrate-dev-v2-again", "migrate", "--url", dev, "--dir",
        migrations.toString());
    assertEquals(0, migrate.exitCode(), migrate.describe());
    assertFalse(migrate.output().contains("Drift"), migrate.describe());

    // The other environments continue with the new migration.
    migrate = nanoka("migrate-fresh-v2", "migrate", "--url", fresh, "--dir",
        migrations.toString());
    assertEquals(0, migrate.exitCode(), migrate.describe());
    assertTrue(migrate.output().contains("Applied 1 migration(s)"), migrate.describe());
    assertFalse(migrate.output().contains("Drift"), migrate.describe());
    assertExitCode(0, nanoka("diff-fresh-v2", "diff", "--from", "models", "--to", "database",
        "--exit-code", "--url", fresh, "--schema", SCHEMA, "--classpath", "target/classes"));
  }

  // ---- the project ----

  /** Makes base/ plus the given steps (later files replace earlier ones) the sources, and builds. */
  private void compile(String... layers) throws IOException, InterruptedException {
    Path target = project.resolve(PACKAGE);
    TestFiles.deleteRecursively(project.resolve("src"));
    Files.createDirectories(target);
    for (String layer : layers) {
      Path sources = layer.equals("base") ? FIXTURE.resolve("base")
          : FIXTURE.resolve("steps").resolve(layer);
      try (Stream<Path> paths = Files.list(sources)) {
        for (Path file : paths.toList()) {
          // Fresh bytes, not copied attributes: a source must never look older than its class.
          Files.write(target.resolve(file.getFileName().toString()), Files.readAllBytes(file));
        }
      }
    }
    String label = layers[layers.length - 1];
    CommandResult build = MavenRunner.mvn(project,
        logs.resolve(String.format("%02d-compile-%s.log", ++runs, label)), "clean", "compile");
    assertEquals(0, build.exitCode(), build.describe());
  }

  /** {@code java -jar cli/target/nanoka-cli.jar args…} in the project directory. */
  private CommandResult nanoka(String label, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", cliJar().toString()));
    command.addAll(List.of(args));
    return Command.run(command, project, CLI_TIMEOUT,
        logs.resolve(String.format("%02d-nanoka-%s.log", ++runs, label)));
  }

  private static void assertExitCode(int expected, CommandResult result) {
    assertEquals(expected, result.exitCode(), result.describe());
  }

  private static Path cliJar() {
    return ItPaths.repoRoot().resolve("cli/target/nanoka-cli.jar");
  }

  /**
   * The project uses nanoka-runtime from the local repository (its Seeder, and the processor
   * generates NanokaSchema only with it on the class path): it must be this build's, as must the
   * CLI jar and the fixture's version.
   */
  private static void checkRuntimeIsCurrent() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    String version = ItPaths.reactorVersion();
    String jar = "nanoka-runtime-" + version + ".jar";
    Path built = ItPaths.repoRoot().resolve("runtime/target").resolve(jar);
    Path installed = Path.of(ItPaths.property("nanoka.it.localRepository",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()))
        .resolve("dev/nanoka/nanoka-runtime").resolve(version).resolve(jar);
    assertTrue(Files.isRegularFile(cliJar()), cliJar() + " is missing: run `mvn -B install`");
    assertTrue(Files.isRegularFile(installed), installed + " is missing: run `mvn -B install`");
    assertTrue(Arrays.equals(Files.readAllBytes(built), Files.readAllBytes(installed)),
        "The nanoka-runtime installed at " + installed + " differs from " + built
            + " (stale install). Run `mvn -B install` from the repository root.");
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(FIXTURE.resolve("pom.xml").toFile());
    assertEquals(version, XPathFactory.newInstance().newXPath()
        .evaluate("/project/properties/nanoka.version", document),
        "<nanoka.version> of the prototyping fixture must be this build's version");
  }

  private static List<String> sqlFiles(Path migrations) throws IOException {
    if (!Files.isDirectory(migrations)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(migrations)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql"))
          .sorted().toList();
    }
  }

  // ---- the databases ----

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> rows(String url, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(result.getString(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private static List<String> tables(String url) throws SQLException {
    return rows(url, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite_%' AND name NOT IN ('d1_migrations',"
        + " 'nanoka_migration_checksums') ORDER BY name");
  }

  private static List<String> columns(String url, String table) throws SQLException {
    return rows(url, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
  }

  /** Every table's definition and rows. */
  private static String dump(String url) throws SQLException {
    StringBuilder out = new StringBuilder();
    out.append(rows(url, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
    for (String table : rows(url, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
      out.append('\n').append(table).append(": ")
          .append(rows(url, "SELECT * FROM \"" + table + "\" ORDER BY rowid"));
    }
    return out.toString();
  }
}
