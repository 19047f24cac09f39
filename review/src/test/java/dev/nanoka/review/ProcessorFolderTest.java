package dev.nanoka.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Folders the real processor wrote: its golden four-version evolution (a declared column rename,
 * a rebuild under two referencing tables, a declared table rename, drops) and the blog example.
 */
class ProcessorFolderTest {

  private static final Path FOUR_VERSIONS =
      Path.of("..", "processor", "src", "test", "resources", "golden", "MigrationFilesTest",
          "fourVersions");

  @Test
  void theProcessorsRenamesReadAsRenames() throws Exception {
    ReviewReport report = Review.of(FOUR_VERSIONS, ReviewBase.none());

    assertEquals(4, report.migrations().size());
    assertTrue(report.migrations().stream()
        .allMatch(m -> m.origin() == MigrationReview.Origin.GENERATED));
    assertEquals(List.of("Renames column `users`.`fullName` to `displayName` (declared)",
        "Adds column `users`.`nickname` text"), texts(report.migrations().get(1)));
    List<String> third = texts(report.migrations().get(3));
    assertEquals("Renames table `posts` to `articles` (declared)", third.get(0));
    assertFalse(report.hasErrors());
    // Only what the processor itself warns about: the drops of version 4.
    assertEquals(List.of("destructive-change", "destructive-change"), report.allFindings()
        .stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::rule).toList());
  }

  @Test
  void theBlogExample() throws Exception {
    ReviewReport report = Review.of(Path.of("..", "examples", "blog", "drizzle", "migrations"),
        ReviewBase.none());

    assertEquals(2, report.migrations().size());
    // Its version 2 is backfilled by hand, below the generated ADD.
    MigrationReview backfilled = report.migrations().get(1);
    assertEquals(MigrationReview.Origin.EDITED, backfilled.origin());
    HandEdit edit = backfilled.handEdit().orElseThrow();
    assertTrue(edit.exact());
    assertEquals(List.of(new HandEdit.Hunk(3, List.of(), List.of("--> statement-breakpoint",
        "-- Written by hand: existing users start with their name as display name.",
        "UPDATE `users` SET `displayName` = `name` WHERE `displayName` = '';"))), edit.hunks());
    assertEquals(List.of("hand-edited"),
        report.allFindings().stream().map(Finding::rule).toList());
  }

  private static List<String> texts(MigrationReview review) {
    return review.changes().stream().map(ReviewedChange::text).toList();
  }
}
