package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds a copy of {@code examples/blog} with real Maven, as a user would, and checks what javac
 * wrote.
 *
 * <p>The committed {@code examples/blog/drizzle/schema.ts} is the golden file. After an intended
 * change to the output, refresh it with
 *
 * <pre>mvn -B install -Dnanoka.updateGolden=true</pre>
 *
 * <p>and review the diff before committing it.
 */
class BlogExampleTest {
  private static final Path EXAMPLE = ItPaths.example("blog");
  private static final Path SCHEMA = Path.of("drizzle", "schema.ts");
  private static final Path GOLDEN = EXAMPLE.resolve(SCHEMA);
  private static final Path DOWN = Path.of("drizzle", "migrations", "down");
  private static final String DOWN_GENERATED = "0000_create_users_posts_tags_post_tags.sql";
  private static final String DOWN_REVIEWED = "0001_add_users_displayname.sql";

  private static Path project;
  private static CommandResult firstBuild;

  @BeforeAll
  static void compileCopyOfExample() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    project = MavenRunner.copyProject(EXAMPLE, ItPaths.target().resolve("it").resolve("blog"));
    // Start without the golden file, or a processor that writes nothing would pass.
    Files.deleteIfExists(project.resolve(SCHEMA));
    Files.deleteIfExists(project.resolve(DOWN).resolve(DOWN_GENERATED));
    firstBuild = MavenRunner.mvn(project, "compile");
  }

  /**
   * The committed down migrations are the build's: a missing one is written again byte for
   * byte, and the reviewed one (0001 was edited by hand, so its down migration was written for
   * a review, which deleted the review line) is kept as it is.
   */
  @Test
  void writesTheCommittedDownMigrationsAndKeepsTheReviewedOne() throws IOException {
    assertTrue(firstBuild.succeeded(), firstBuild.describe());
    for (String file : List.of(DOWN_GENERATED, DOWN_REVIEWED)) {
      assertEquals(Files.readString(EXAMPLE.resolve(DOWN).resolve(file)),
          Files.readString(project.resolve(DOWN).resolve(file)), file);
    }
    assertFalse(Files.readString(project.resolve(DOWN).resolve(DOWN_REVIEWED))
        .contains("-- REVIEW:"));
  }

  @Test
  void writesTheCommittedSchema() throws IOException {
    byte[] generated = generatedSchema();
    if (Boolean.getBoolean("nanoka.updateGolden")) {
      if (!Files.exists(GOLDEN) || !Arrays.equals(generated, Files.readAllBytes(GOLDEN))) {
        Files.createDirectories(GOLDEN.getParent());
        Files.write(GOLDEN, generated);
        System.out.println("Updated golden file " + GOLDEN + ": review the diff.");
      }
      return;
    }
    assertTrue(
        Files.exists(GOLDEN),
        "No golden file " + GOLDEN + ". Create it with `mvn -B install -Dnanoka.updateGolden=true`.");
    byte[] golden = Files.readAllBytes(GOLDEN);
    if (!Arrays.equals(golden, generated)) {
      String message =
          "Generated " + project.resolve(SCHEMA) + " differs from the golden " + GOLDEN
              + ". If the change is intended, run `mvn -B install -Dnanoka.updateGolden=true`.";
      // Text first, for a readable diff; bytes catch what text hides (line endings, a BOM).
      assertEquals(
          new String(golden, StandardCharsets.UTF_8),
          new String(generated, StandardCharsets.UTF_8),
          message);
      assertArrayEquals(golden, generated, message);
    }
  }

  /** Unchanged output is not rewritten, so IDEs and file watchers stay quiet. */
  @Test
  void recompilingLeavesTheSchemaUntouched() throws Exception {
    Path schema = project.resolve(SCHEMA);
    byte[] before = generatedSchema();
    // Backdate both files: a rewrite, or a fresh class file, then shows even on coarse clocks.
    FileTime backdated = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    Files.setLastModifiedTime(schema, backdated);
    Path postClass = project.resolve("target/classes/com/example/blog/Post.class");
    Files.setLastModifiedTime(postClass, backdated);

    // `clean` so that javac (and with it the processor) really runs again: the compiler plugin
    // skips up-to-date sources. The schema lives outside target/, so clean keeps it.
    CommandResult second = MavenRunner.mvn(project, "clean", "compile");

    assertTrue(second.succeeded(), "The second build failed:" + second.describe());
    assertTrue(
        Files.getLastModifiedTime(postClass).compareTo(backdated) > 0,
        "javac did not run again, so this test checked nothing:" + second.describe());
    assertArrayEquals(before, Files.readAllBytes(schema), "The second build changed schema.ts");
    assertEquals(
        backdated,
        Files.getLastModifiedTime(schema),
        "The second build rewrote schema.ts with the same content:" + second.describe());
  }

  /** The schema compiles with the pinned drizzle-orm and gives the row types a user expects. */
  @Test
  void schemaTypeChecksWithDrizzle() throws Exception {
    byte[] schema = generatedSchema();
    // Under target/ so that module resolution walks up to it-tests/node_modules.
    Path checkDir = ItPaths.target().resolve("ts-check");
    TestFiles.replaceWithCopy(
        ItPaths.itTests().resolve("src/test/ts/blog"), checkDir, path -> false);
    Files.write(checkDir.resolve("schema.ts"), schema);

    CommandResult tsc = NodeTools.tsc(checkDir);

    assertEquals(0, tsc.exitCode(), "tsc rejected the generated schema.ts:" + tsc.describe());
  }

  private static byte[] generatedSchema() throws IOException {
    assertTrue(firstBuild.succeeded(), "Building the example failed:" + firstBuild.describe());
    Path schema = project.resolve(SCHEMA);
    if (!Files.exists(schema)) {
      fail("The build succeeded but wrote no " + schema + ":" + firstBuild.describe());
    }
    return Files.readAllBytes(schema);
  }
}
