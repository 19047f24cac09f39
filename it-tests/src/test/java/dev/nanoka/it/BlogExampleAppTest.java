package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example as an application: a build leaves its committed migrations (version 1, and
 * version 2 edited by hand to backfill a column) exactly as they are, {@code App} applies them
 * at start-up from the class path through the generated {@code NanokaMigrations} index — no
 * folder, no scanning — and the example's own migration test passes.
 */
class BlogExampleAppTest {
  private static final Path EXAMPLE = ItPaths.example("blog");
  private static final Path MIGRATIONS = Path.of("drizzle", "migrations");

  private static Path project;

  @BeforeAll
  static void compileCopy() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    project = MavenRunner.copyProject(EXAMPLE, ItPaths.target().resolve("it").resolve("blog-app"));
    CommandResult build = MavenRunner.mvn(project, "compile");
    assertEquals(0, build.exitCode(), "mvn compile failed:" + build.describe());
  }

  /**
   * Earlier versions are never regenerated, and the current one is kept with its hand edit
   * while the models produce the SQL it was generated from: a build changes no file. (The
   * processor's own tests and the evolution it-test regenerate migrations from scratch.)
   */
  @Test
  void keepsTheCommittedMigrationsByteForByte() throws IOException {
    List<Path> committed = files(EXAMPLE.resolve(MIGRATIONS));
    List<Path> generated = files(project.resolve(MIGRATIONS));
    assertEquals(committed, generated, "the build changed the migration files; if intended,"
        + " copy them from " + project.resolve(MIGRATIONS));
    for (Path file : committed) {
      assertArrayEquals(Files.readAllBytes(EXAMPLE.resolve(MIGRATIONS).resolve(file)),
          Files.readAllBytes(project.resolve(MIGRATIONS).resolve(file)), file.toString());
    }
  }

  @Test
  void appMigratesFromTheClassPathOnceAndOnlyOnce() throws Exception {
    Path database = project.resolve("target").resolve("app.db");
    Files.deleteIfExists(database);
    String url = "jdbc:sqlite:" + database;

    CommandResult first = runApp(url, "first");
    assertEquals(0, first.exitCode(), "App failed:" + first.describe());
    assertTrue(first.output().contains("Applied [0000_create_users_posts_tags_post_tags.sql,"
        + " 0001_add_users_displayname.sql]"),
        "App did not apply the packaged migrations:" + first.describe());

    CommandResult second = runApp(url, "second");
    assertEquals(0, second.exitCode(), "App failed:" + second.describe());
    assertTrue(second.output().contains("Applied []"), "second start applied again:"
        + second.describe());

    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                + " AND name IN ('users', 'posts', 'tags', 'post_tags')),"
                + " (SELECT group_concat(name) FROM d1_migrations)")) {
      assertTrue(rows.next());
      assertEquals(4, rows.getInt(1), "tables created by the migration");
      assertEquals("0000_create_users_posts_tags_post_tags.sql,0001_add_users_displayname.sql",
          rows.getString(2));
    }
  }

  /** BlogMigrationTest proves version 2's backfill with nanoka-testing. */
  @Test
  void theExamplesMigrationTestPasses() throws Exception {
    CommandResult test = MavenRunner.mvn(project, "test");
    assertEquals(0, test.exitCode(), "mvn test failed:" + test.describe());
    // BlogMigrationTest: the backfill, and the rollback with the packaged down migration
    assertTrue(test.output().contains("Tests run: 2, Failures: 0"), test.describe());
  }

  /**
   * Maven runs javac, and with it the processor that packages the migrations, only when a Java
   * source changed. A migration edited by hand must reach the classes anyway: the example's pom
   * copies the folder as resources (README, Setup).
   */
  @Test
  void aHandEditReachesTheClassesWithoutARecompile() throws Exception {
    Path copy = ItPaths.target().resolve("it").resolve("blog-edit");
    Path edited = MavenRunner.copyProject(EXAMPLE, copy);
    assertEquals(0, MavenRunner.mvn(edited, "compile").exitCode());
    Path file = edited.resolve(MIGRATIONS).resolve("0001_add_users_displayname.sql");
    Files.writeString(file, Files.readString(file) + "\n-- reviewed");
    Path down = edited.resolve(MIGRATIONS).resolve("down/0001_add_users_displayname.sql");
    Files.writeString(down, Files.readString(down) + "\n-- reviewed");

    CommandResult again = MavenRunner.mvn(edited, "compile");

    assertEquals(0, again.exitCode(), again.describe());
    assertEquals(Files.readString(file), Files.readString(edited.resolve(
        "target/classes/nanoka/migrations/com/example/blog/0001_add_users_displayname.sql")),
        "the packaged copy is stale");
    assertEquals(Files.readString(down), Files.readString(edited.resolve(
        "target/classes/nanoka/migrations/com/example/blog/down/0001_add_users_displayname.sql")),
        "the packaged copy of the down migration is stale");
  }

  /** The compiled example plus this JVM's class path, which holds nanoka-runtime and sqlite-jdbc. */
  private static CommandResult runApp(String url, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = project.resolve("target").resolve("classes") + File.pathSeparator
        + System.getProperty("java.class.path");
    return Command.run(List.of(java, "-cp", classPath, "com.example.blog.App", url), project,
        Duration.ofMinutes(2), ItPaths.target().resolve("it").resolve("blog-app-" + name + ".log"));
  }

  private static List<Path> files(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).map(dir::relativize).sorted().forEach(files::add);
    }
    return files;
  }
}
