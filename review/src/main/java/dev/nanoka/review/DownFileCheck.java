package dev.nanoka.review;

import dev.nanoka.core.text.ReviewMarker;
import dev.nanoka.core.text.Utf8Text;
import dev.nanoka.folder.DownMigrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The down migrations ({@code down/<tag>.sql}) beside the journal's migrations. None of this
 * fails a check: a folder without them still migrates, and only {@code rollback} needs them.
 * What a reviewer must know is said: a down migration still waiting for its review (the runtime
 * refuses it), one missing, one of no migration.
 */
final class DownFileCheck {

  private DownFileCheck() {}

  static void check(Path dir, List<CheckedMigration> migrations, List<Finding> findings) {
    Path down = dir.resolve(DownMigrationFile.FOLDER);
    if (!Files.isDirectory(down)) {
      return; // a folder from before down migrations, or from drizzle-kit: nothing to say
    }
    Set<Path> expected = new HashSet<>();
    for (CheckedMigration migration : migrations) {
      String tag = migration.entry().tag();
      Path file = DownMigrationFile.path(dir, tag);
      expected.add(file);
      if (!Files.isRegularFile(file)) {
        findings.add(Finding.at(CheckRule.DOWN_MIGRATION.id(), Severity.INFO, file, "is missing:"
            + " rollback cannot undo " + tag + ".sql. A build writes it from the snapshots"));
        continue;
      }
      String text;
      try {
        text = Utf8Text.decode(Files.readAllBytes(file), file.toString());
      } catch (IOException e) { // NotUtf8Exception included
        findings.add(Finding.at(CheckRule.DOWN_MIGRATION.id(), Severity.WARNING, file,
            "cannot be read as UTF-8 text (" + e.getMessage() + "): rollback would refuse it"));
        continue;
      }
      Optional<ReviewMarker.Line> review = ReviewMarker.find(text);
      if (review.isPresent()) {
        findings.add(Finding.at(CheckRule.DOWN_MIGRATION.id(), Severity.WARNING, file,
            review.get().number(),
            "awaits review: " + tag + ".sql was edited by hand, so the generated down migration"
                + " may not undo it. Check it (edit it if needed), then delete this line;"
                + " rollback refuses the file until then"));
      }
      // A down migration edited by hand is normal (the review above ends in one, and a
      // migration that fills values gets its inverse written by hand): the build keeps it.
    }
    try (Stream<Path> files = Files.list(down)) {
      files.filter(f -> f.getFileName().toString().endsWith(".sql"))
          .filter(f -> !expected.contains(f))
          .sorted()
          .forEach(f -> findings.add(Finding.at(CheckRule.DOWN_MIGRATION.id(),
              Severity.WARNING, f, "undoes no migration the journal lists: rollback never"
                  + " runs it. Delete it (a branch merge or a deleted migration left it)")));
    } catch (IOException e) {
      findings.add(Finding.at(CheckRule.DOWN_MIGRATION.id(), Severity.WARNING, down,
          "cannot be listed: " + e.getMessage()));
    }
  }
}
