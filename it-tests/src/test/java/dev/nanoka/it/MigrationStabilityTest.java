package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Builds that must not touch {@code drizzle/}: recompiling unchanged models, and raising the
 * schema version without changing a model. Files are backdated first, so a rewrite with the same
 * bytes shows as a new modification time even on file systems with coarse clocks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationStabilityTest {

  private static EvolutionProject project;

  /** Two versions of the evolution fixture: a history with a superseded migration. */
  @BeforeAll
  static void buildTwoVersions() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    project = EvolutionProject.create(ItPaths.target().resolve("it").resolve("stability"));
    for (String version : List.of("v1", "v2")) {
      project.useSources(version);
      CommandResult build = project.compile(version);
      assertTrue(build.succeeded(), "Building " + version + " failed:" + build.describe());
    }
    assertEquals(2, project.journalTags().size(),
        "two versions must give two migrations in " + project.migrations());
  }

  @Test
  @Order(1)
  void recompilingUnchangedModelsLeavesEveryFileAlone() throws Exception {
    project.useSources("v2");
    Map<String, String> files = EvolutionProject.files(project.drizzle());
    Map<String, FileTime> times = backdate(project.drizzle());

    CommandResult build = project.compile("v2-again");

    assertTrue(build.succeeded(), "The rebuild failed:" + build.describe());
    assertJavacRan(build);
    assertEquals(files, EvolutionProject.files(project.drizzle()),
        "Recompiling unchanged models changed drizzle/:" + build.describe());
    assertEquals(times, EvolutionProject.times(project.drizzle()),
        "Recompiling unchanged models rewrote files of drizzle/ with the same content:"
            + build.describe());
  }

  @Test
  @Order(2)
  void raisingTheVersionWithoutModelChangesWritesNoMigration() throws Exception {
    project.useSources("v2", 3);
    Map<String, String> files = EvolutionProject.files(project.drizzle());
    Map<String, FileTime> times = backdate(project.drizzle());

    CommandResult build = project.compile("v2-as-version-3");

    assertTrue(build.succeeded(), "Building version 3 without changes failed:" + build.describe());
    assertJavacRan(build);
    assertTrue(build.output().contains("[NanokaNoChanges]"),
        "The build must say why version 3 has no migration:" + build.describe());
    assertEquals(files, EvolutionProject.files(project.drizzle()),
        "@Schema(version = 3) with the models of version 2 changed drizzle/ (an empty migration?):"
            + build.describe());
    assertEquals(times, EvolutionProject.times(project.drizzle()),
        "@Schema(version = 3) with the models of version 2 rewrote files of drizzle/:"
            + build.describe());

    // The next real change is still version 3's migration: nothing was used up.
    project.useSources("v3");
    CommandResult next = project.compile("v3");
    assertTrue(next.succeeded(), "Building version 3 with changes failed:" + next.describe());
    assertEquals(3, project.journalTags().size(),
        "version 3's changes must give the third migration: " + project.journalTags()
            + next.describe());
  }

  /** Sets every file below {@code dir} an hour back; returns the times set. */
  private static Map<String, FileTime> backdate(Path dir) throws Exception {
    FileTime past = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(path, past);
      }
    }
    return EvolutionProject.times(dir);
  }

  /** `clean compile` must have run javac, or the test would have checked nothing. */
  private static void assertJavacRan(CommandResult build) {
    Path classFile = project.dir().resolve("target/classes/com/example/tracker/User.class");
    assertTrue(Files.exists(classFile), "javac did not run, so this checked nothing:"
        + build.describe());
  }
}
