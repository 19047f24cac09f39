package dev.nanoka.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branch-merge evidence in drizzle-kit 1.0's layout: git merges two branches' new migration
 * folders without a conflict, so the evidence is two snapshots with the same parent.
 */
class Drizzle1CollisionsTest {

  private static final Path UP = Path.of("src/test/resources/drizzle1-up/blog");
  private static final String FIRST = "20231114221320_create_users_posts_tags_post_tags";
  private static final String SECOND = "20231114221321_add_users_displayname";

  @TempDir Path temp;

  private Path copy() throws Exception {
    Path dir = temp.resolve("migrations");
    try (Stream<Path> paths = Files.walk(UP)) {
      for (Path path : paths.toList()) {
        Path target = dir.resolve(UP.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return dir;
  }

  @Test
  void oneHistoryHasNone() throws Exception {
    assertTrue(Drizzle1Collisions.find(copy()).isEmpty());
  }

  @Test
  void twoFoldersWithOneParentAreTwoBranches() throws Exception {
    Path dir = copy();
    // the other branch's migration 0001: another name and id, the same parent
    Path other = Files.createDirectories(dir.resolve("20231114221322_add_users_city"));
    Files.writeString(other.resolve("migration.sql"), "ALTER TABLE `users` ADD `city` text;");
    Files.writeString(other.resolve("snapshot.json"), Files.readString(
        dir.resolve(SECOND).resolve("snapshot.json")).replace("97f5189d", "11111111"));
    BranchCollisions collisions = Drizzle1Collisions.find(dir);
    assertEquals(1, collisions.problems().size(), collisions.problems().toString());
    FolderProblem problem = collisions.problems().get(0);
    assertEquals(other.resolve("snapshot.json"), problem.file());
    assertTrue(problem.text().contains("as " + SECOND + "/snapshot.json does")
        && problem.text().contains("a migration after " + FIRST), problem.text());
    assertTrue(collisions.resolution(java.util.OptionalInt.empty())
        .contains("git log --first-parent"));
  }

  @Test
  void conflictMarkersWithCrlfAreEvidence() throws Exception {
    Path dir = copy();
    Path sql = dir.resolve(SECOND).resolve("migration.sql");
    Files.writeString(sql, "<<<<<<< HEAD\r\nALTER TABLE a;\r\n=======\r\nALTER TABLE b;\r\n"
        + ">>>>>>> other\r\n");
    Files.createDirectories(dir.resolve("d1"));
    Files.writeString(dir.resolve("d1/0001_add_users_displayname.sql"),
        "<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> other\n");
    BranchCollisions collisions = Drizzle1Collisions.find(dir);
    assertEquals(List.of(sql, dir.resolve("d1/0001_add_users_displayname.sql")),
        collisions.problems().stream().map(FolderProblem::file).toList());
  }

  @Test
  void aMissingFolderHasNone() {
    assertTrue(Drizzle1Collisions.find(temp.resolve("nowhere")).isEmpty());
  }
}
