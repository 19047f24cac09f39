package dev.nanoka.review;

import dev.nanoka.core.schema.DatabaseSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs of {@link Check} over the blog example's folder, and their findings as printed. */
final class CheckRuns {

  private CheckRuns() {}

  static DatabaseSchema blogModels() throws IOException {
    return MigrationFolders.snapshotSchema(
        MigrationFolders.BLOG.resolve("migrations/meta/0001_snapshot.json"));
  }

  static List<Finding> checkWithModels(Path dir) throws Exception {
    return Check.folder(dir).models(blogModels(), "NanokaSchema").run();
  }

  /** The findings as printed, with paths relative to the folder (and / as separator). */
  static List<String> relative(Path dir, List<Finding> findings) {
    return findings.stream()
        .map(f -> new Finding(f.rule(), f.severity(), dir.relativize(f.file()), f.line(),
            f.message()).toString().replace('\\', '/'))
        .toList();
  }

  static List<String> sorted(List<String> findings) {
    return findings.stream().sorted().toList();
  }
}
