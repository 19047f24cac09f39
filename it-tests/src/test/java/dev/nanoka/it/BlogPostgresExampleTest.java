package dev.nanoka.it;

import static dev.nanoka.runtime.postgres.PostgresHistoryRows.drizzleRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import dev.nanoka.runtime.postgres.PostgresHistoryRows;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code examples/blog-postgres} end to end: a copy built with real Maven writes exactly the
 * committed pg-core schema.ts and postgresql migrations folder (version 2 with its hand-written
 * backfill kept); drizzle-kit 0.31 {@code generate} finds nothing and {@code check} passes; tsc
 * type-checks {@code src/test/ts/blog-postgres} against that schema.ts with drizzle-orm 0.45's
 * pg-core. Then on a throwaway PostgreSQL server, database A: {@code drizzle-kit migrate}, rows
 * written by drizzle-orm (node-postgres), then the CLI and the example's {@code App} (the
 * library, from the class path) find everything applied and apply nothing; database B: {@code
 * App} migrates, rows written over JDBC, then {@code drizzle-kit migrate} applies nothing and
 * drizzle-orm reads the rows. Both databases end with the same schema and the same history.
 */
@ExtendWith(PostgresExtension.class)
class BlogPostgresExampleTest {
  private static final Path EXAMPLE = ItPaths.example("blog-postgres");
  private static final Path DRIZZLE = Path.of("drizzle");
  private static final Path MIGRATIONS = DRIZZLE.resolve("migrations");
  private static final List<String> FILES =
      List.of("0000_create_users_posts_tags_post_tags.sql", "0001_add_users_displayname.sql");

  private static Path project;
  private static Path logs;
  private static CommandResult build;

  @BeforeAll
  static void compileCopyOfExample() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    project = MavenRunner.copyProject(EXAMPLE,
        ItPaths.target().resolve("it").resolve("blog-postgres"));
    logs = Files.createDirectories(ItPaths.target().resolve("it").resolve("blog-postgres-logs"));
    // Without the schema, a processor that writes nothing would pass.
    Files.delete(project.resolve(DRIZZLE).resolve("schema.ts"));
    build = MavenRunner.mvn(project, "compile");
  }

  /**
   * schema.ts is written again byte for byte; the migrations, the reviewed down migration and
   * the hand-edited 0001 are kept as committed.
   */
  @Test
  void theBuildWritesTheCommittedFiles() throws IOException {
    assertTrue(build.succeeded(), "mvn compile failed:" + build.describe());
    List<Path> committed = files(EXAMPLE.resolve(DRIZZLE));
    assertEquals(committed, files(project.resolve(DRIZZLE)),
        "the build wrote other files than the committed ones");
    for (Path file : committed) {
      assertArrayEquals(Files.readAllBytes(EXAMPLE.resolve(DRIZZLE).resolve(file)),
          Files.readAllBytes(project.resolve(DRIZZLE).resolve(file)),
          file + " differs from the committed one; if the change is intended, copy it from "
              + project.resolve(DRIZZLE));
    }
    assertTrue(Files.readString(project.resolve(MIGRATIONS).resolve(FILES.get(1)))
        .contains("Written by hand"));
  }

  @Test
  void drizzleKitAgreesAndTheSchemaTypeChecksWithPgCore() throws Exception {
    assertTrue(build.succeeded(), "mvn compile failed:" + build.describe());
    Path kit = drizzleKitProject("generate", null);
    List<Path> before = files(kit.resolve(DRIZZLE));
    CommandResult generate = NodeTools.drizzleKit(kit, logs.resolve("generate.log"), "generate");
    assertTrue(generate.succeeded() && generate.output().contains("No schema changes"),
        "drizzle-kit generate does not agree that the migrations match schema.ts:"
            + generate.describe());
    assertEquals(before, files(kit.resolve(DRIZZLE)), "drizzle-kit generate wrote files");
    CommandResult check = NodeTools.drizzleKit(kit, logs.resolve("check.log"), "check");
    assertTrue(check.succeeded() && check.output().contains("Everything's fine"),
        "drizzle-kit check failed:" + check.describe());

    CommandResult tsc = NodeTools.tsc(drizzleProgram());
    assertEquals(0, tsc.exitCode(), "tsc rejected the program over schema.ts:" + tsc.describe());
  }

  @Test
  void drizzleKitAndTheRuntimeEachSeeTheOthersHistory(PostgresDatabase a, PostgresDatabase b)
      throws Exception {
    assertTrue(build.succeeded(), "mvn compile failed:" + build.describe());
    Path program = drizzleProgram();
    CommandResult tsc = NodeTools.tsc(program);
    assertEquals(0, tsc.exitCode(), tsc.describe());

    // A: drizzle-kit first, then the CLI and App find everything applied.
    drizzleKitMigrate(a, "a");
    assertEquals(2, drizzleRows(a).size());
    CommandResult written = drizzle(program, "write", a);
    assertTrue(written.succeeded() && written.output().contains("drizzle write: ok"),
        written.describe());
    CommandResult cli = cli(a);
    assertEquals(0, cli.exitCode(), cli.describe());
    assertTrue(cli.output().contains("Nothing to apply: 2 migrations already applied."),
        cli.describe());
    for (String file : FILES) {
      assertTrue(cli.output().contains("Adopted " + file + " (applied by drizzle-kit)"),
          cli.describe());
    }
    CommandResult app = app(a, "a");
    assertTrue(app.succeeded() && app.output().contains("Applied []; already applied " + FILES),
        "App applied what drizzle-kit had applied:" + app.describe());
    assertEquals(List.of("Ada|From drizzle|DRAFT|Drizzle on PostgreSQL|typescript|"),
        strings(a, "SELECT u.name || '|' || p.title || '|' || p.status || '|'"
            + " || (p.metadata -> 'seo' ->> 'title') || '|' || t.name || '|' || u.\"displayName\""
            + " FROM users u JOIN posts p ON p.\"authorId\" = u.id"
            + " JOIN post_tags pt ON pt.\"postId\" = p.id JOIN tags t ON t.id = pt.\"tagId\""),
        "the rows drizzle-orm wrote");

    // B: App first, rows over JDBC, then drizzle-kit applies nothing and drizzle-orm reads them.
    CommandResult first = app(b, "b");
    assertTrue(first.succeeded() && first.output().contains("Applied " + FILES),
        "App did not apply the packaged migrations:" + first.describe());
    writeOverJdbc(b);
    List<String> history = drizzleRows(b);
    drizzleKitMigrate(b, "b");
    assertEquals(history, drizzleRows(b), "drizzle-kit applied again what the runtime applied");
    CommandResult read = drizzle(program, "read", b);
    assertTrue(read.succeeded() && read.output().contains("drizzle read: ok"), read.describe());

    assertEquals(PostgresCatalog.of(a), PostgresCatalog.of(b),
        "the two ways to migrate left different schemas");
    assertEquals(drizzleRows(a), drizzleRows(b), "drizzle's history differs");
  }

  private static List<String> strings(PostgresDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      return PostgresHistoryRows.strings(c, sql);
    }
  }

  /** What a Java application writes: the user 'grace', a post with JSON, a tag and the link. */
  private static void writeOverJdbc(PostgresDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      try (PreparedStatement user = c.prepareStatement("INSERT INTO users (id, email, name,"
          + " \"passwordHash\", \"createdAt\", \"displayName\") VALUES (?, ?, ?, ?, ?, ?)")) {
        user.setString(1, "grace");
        user.setString(2, "grace@example.com");
        user.setString(3, "Grace");
        user.setString(4, "y");
        user.setTimestamp(5, Timestamp.from(Instant.parse("2024-06-01T08:30:00Z")));
        user.setString(6, "Grace H.");
        user.executeUpdate();
      }
      try (PreparedStatement post = c.prepareStatement("INSERT INTO posts (\"authorId\", title,"
          + " status, metadata) VALUES (?, ?, ?::status, ?::jsonb)")) {
        post.setString(1, "grace");
        post.setString(2, "From Java");
        post.setString(3, "PUBLISHED");
        post.setString(4, "{\"keywords\": [\"jdbc\"], \"readingMinutes\": 5, \"links\": {},"
            + " \"seo\": {\"title\": \"Java on PostgreSQL\", \"description\":"
            + " \"written over JDBC\"}}");
        post.executeUpdate();
      }
      try (PreparedStatement tag = c.prepareStatement("INSERT INTO tags (name) VALUES ('java');"
          + " INSERT INTO post_tags (\"postId\", \"tagId\") SELECT p.id, t.id FROM posts p, tags t"
          + " WHERE p.title = 'From Java' AND t.name = 'java'")) {
        tag.execute();
      }
    }
  }

  /** A folder beside the copy holding its drizzle/ and a drizzle.config.ts. */
  private static Path drizzleKitProject(String name, PostgresDatabase db) throws IOException {
    Path kit = ItPaths.target().resolve("it").resolve("blog-postgres-kit-" + name);
    TestFiles.replaceWithCopy(project.resolve(DRIZZLE), kit.resolve(DRIZZLE), path -> false);
    String credentials = db == null ? ""
        : "  dbCredentials: { url: '" + db.nodeUrl() + "' },\n";
    Files.writeString(kit.resolve("drizzle.config.ts"), "import { defineConfig } from"
        + " 'drizzle-kit'\nexport default defineConfig({\n  dialect: 'postgresql',\n"
        + "  schema: './drizzle/schema.ts',\n  out: './drizzle/migrations',\n" + credentials
        + "})\n");
    return kit;
  }

  private static void drizzleKitMigrate(PostgresDatabase db, String name) throws Exception {
    Path kit = drizzleKitProject("migrate-" + name, db);
    CommandResult migrate = NodeTools.drizzleKit(kit, logs.resolve("migrate-" + name + ".log"),
        "migrate");
    assertTrue(migrate.succeeded(), "drizzle-kit migrate failed:" + migrate.describe());
  }

  /** src/test/ts/blog-postgres next to the built schema.ts, under target/ for node_modules. */
  private static Path drizzleProgram() throws IOException {
    Path dir = ItPaths.target().resolve("it").resolve("blog-postgres-ts");
    TestFiles.replaceWithCopy(ItPaths.itTests().resolve("src/test/ts/blog-postgres"), dir,
        path -> false);
    Files.copy(project.resolve(DRIZZLE).resolve("schema.ts"), dir.resolve("schema.ts"));
    return dir;
  }

  private static CommandResult drizzle(Path program, String mode, PostgresDatabase db)
      throws Exception {
    NodeTools.ensureInstalled();
    return Command.run(List.of("node", program.resolve("out/blog-postgres.js").toString(), mode,
        db.nodeUrl()), program, Duration.ofMinutes(2), logs.resolve("drizzle-" + mode + ".log"));
  }

  private static CommandResult cli(PostgresDatabase db) throws Exception {
    return Command.run(List.of(java(), "-jar",
        ItPaths.repoRoot().resolve("cli/target/nanoka-cli.jar").toString(), "migrate", "--dir",
        project.resolve(MIGRATIONS).toString(), "--url", db.url()), project,
        Duration.ofMinutes(2), logs.resolve("cli.log"));
  }

  /** The compiled example plus this JVM's class path (nanoka-runtime, the PostgreSQL driver). */
  private static CommandResult app(PostgresDatabase db, String name) throws Exception {
    String classPath = project.resolve("target").resolve("classes") + File.pathSeparator
        + System.getProperty("java.class.path");
    return Command.run(List.of(java(), "-cp", classPath, "com.example.blog.App", db.url()),
        project, Duration.ofMinutes(2), logs.resolve("app-" + name + ".log"));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<Path> files(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).map(dir::relativize).sorted().forEach(files::add);
    }
    return files;
  }
}
