package dev.nanoka.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.OnRowUpdate;
import dev.nanoka.core.schema.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onRowUpdate}'s trigger in a folder's history: {@code check} replays every migration and
 * finds each snapshot's trigger in the replayed database (none missing, none extra, through a
 * rebuild and a rename), and {@code review} tells a reviewer when one comes or goes, not when a
 * rebuild or a rename merely re-creates it.
 */
class OnRowUpdateReviewTest {

  @TempDir Path temp;

  private static final LogicalType.Timestamp.TimeUnit MS =
      LogicalType.Timestamp.TimeUnit.MILLISECONDS;

  private static DatabaseSchema posts(String title, boolean titleNotNull, String stamp,
      boolean option) {
    return new DatabaseSchema(List.of(new Table("order items", "orderItems", List.of(
        new Column("id", "id", new LogicalType.Int(), true, true, true, false, Optional.empty()),
        new Column(title, title, new LogicalType.Text(), titleNotNull, false, false, false,
            Optional.empty()),
        new Column(stamp, stamp, new LogicalType.Timestamp(MS), true, false, false, false,
            Optional.of(new ColumnDefault.Expression(OnRowUpdate.NOW_MILLIS)),
            option ? Optional.of(OnRowUpdate.now(MS)) : Optional.empty())),
        List.of(), List.of(), List.of())));
  }

  @Test
  void checkReplaysTheTriggersAndReviewTellsOnlyRealChanges() throws Exception {
    Path dir = temp.resolve("drizzle").resolve("migrations");
    FolderWriter folder = new FolderWriter(dir);
    folder.version(posts("title", true, "updated at", false));
    folder.version(posts("title", true, "updated at", true));
    folder.version(posts("title", false, "updated at", true)); // a rebuild
    DatabaseSchema last = posts("title", false, "edited`at", true);
    folder.version(last, new RenameHints(Map.of(),
        Map.of("order items", Map.of("edited`at", "updated at")), Set.of(), Map.of()));

    List<Finding> findings = Check.folder(dir).models(last, "AppSchema").run();
    assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Severity.INFO)
        .map(Finding::toString).toList());

    List<MigrationReview> reviews = Review.of(dir, ReviewBase.none()).migrations();
    assertEquals(List.of("Sets `order items`.`updated at` to"
            + " (cast(unixepoch('subsecond') * 1000 as integer)) on every update that leaves it"
            + " alone (trigger `order items_updated at_on_update`)"),
        texts(reviews.get(1)));
    assertEquals(List.of(), texts(reviews.get(2)).stream()
        .filter(t -> t.contains("trigger")).toList());
    assertEquals(List.of("Renames column `order items`.`updated at` to `edited``at` (declared)"),
        texts(reviews.get(3)));

    folder.version(posts("title", false, "edited`at", false));
    reviews = Review.of(dir, ReviewBase.none()).migrations();
    assertEquals(List.of("No longer sets `order items`.`edited``at` on update (drops trigger"
        + " `order items_edited``at_on_update`)"), texts(reviews.get(4)));
    assertEquals(List.of(), Check.folder(dir).models(posts("title", false, "edited`at", false),
        "AppSchema").run().stream().filter(f -> f.severity() != Severity.INFO)
        .map(Finding::toString).toList());
  }

  private static List<String> texts(MigrationReview review) {
    return review.changes().stream().map(ReviewedChange::text).toList();
  }
}
