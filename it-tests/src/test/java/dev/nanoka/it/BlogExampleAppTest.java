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
 * The example as an application: its committed migrations are what the processor generates,
 * and {@code App} applies them at start-up from the class path through the generated
 * {@code NanokaMigrations} index — no folder, no scanning.
 */
class BlogExampleAppTest {
  private static final Path EXAMPLE = ItPaths.example("blog");
  private static final Path MIGRATIONS = Path.of("drizzle", "migrations");

  private static Path project;

  @BeforeAll
  static void compileCopyWithoutGeneratedFiles() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    project = MavenRunner.copyProject(EXAMPLE, ItPaths.target().resolve("it").resolve("blog-app"));
    deleteTree(project.resolve("drizzle"));
    CommandResult build = MavenRunner.mvn(project, "compile");
    assertEquals(0, build.exitCode(), "mvn compile failed:" + build.describe());
  }

  @Test
  void regeneratesTheCommittedMigrationsByteForByte() throws IOException {
    List<Path> committed = files(EXAMPLE.resolve(MIGRATIONS));
    List<Path> generated = files(project.resolve(MIGRATIONS));
    assertEquals(committed, generated, "the generated migration files differ from the committed"
        + " ones; if intended, copy them from " + project.resolve(MIGRATIONS));
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
    assertTrue(first.output().contains("Applied [0000_create_users_posts_tags_post_tags.sql]"),
        "App did not apply the packaged migration:" + first.describe());

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
      assertEquals("0000_create_users_posts_tags_post_tags.sql", rows.getString(2));
    }
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

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(path);
      }
    }
  }
}
