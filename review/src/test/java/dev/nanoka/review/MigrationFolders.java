package dev.nanoka.review;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFile;
import dev.nanoka.folder.MigrationFolderException;
import dev.nanoka.folder.MigrationNames;
import dev.nanoka.folder.Snapshot;
import dev.nanoka.folder.SnapshotJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real migrations folders for the tests: the blog example's, or written as the build does. */
final class MigrationFolders {

  /** The committed example (the tests copy it, never change it). */
  static final Path BLOG = Path.of("..", "examples", "blog", "drizzle");

  private MigrationFolders() {}

  /** A copy of examples/blog/drizzle (schema.ts and migrations/) in {@code dir}. */
  static Path copyBlog(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(BLOG)) {
      for (Path file : files.toList()) {
        Path target = dir.resolve(BLOG.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return dir.resolve("migrations");
  }

  /** The schema of a folder's snapshot, e.g. the models a consistent folder was built from. */
  static DatabaseSchema snapshotSchema(Path snapshot) throws IOException {
    try {
      return SnapshotJson.read(snapshot, read(snapshot), true).schema().orElseThrow();
    } catch (MigrationFolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the folder the build writes for these versions of the models, through the same
   * renderer, names, snapshot and journal writers as the processor.
   */
  static Path write(Path dir, DatabaseSchema... versions) throws IOException {
    Files.createDirectories(dir.resolve("meta"));
    Journal journal = new Journal(List.of());
    DatabaseSchema previous = new DatabaseSchema(List.of());
    String prevId = Snapshot.NO_PREVIOUS;
    for (int idx = 0; idx < versions.length; idx++) {
      SchemaDiff diff = SchemaDiffer.diff(previous, versions[idx], RenameHints.NONE);
      String sql = StatementBreakpoints.join(SqliteMigrationRenderer.render(diff));
      String tag = MigrationNames.tag(idx, diff.changes());
      Files.writeString(dir.resolve(tag + ".sql"), MigrationFile.render(idx + 1, sql));
      String snapshot = SnapshotJson.write(versions[idx], prevId);
      Files.writeString(dir.resolve("meta").resolve(String.format("%04d_snapshot.json", idx)),
          snapshot);
      journal = journal.with(new Journal.Entry(idx, journal.nextWhen(), tag));
      try {
        prevId = SnapshotJson.read(dir, snapshot, false).id();
      } catch (MigrationFolderException e) {
        throw new IllegalStateException(e);
      }
      previous = versions[idx];
    }
    Files.writeString(dir.resolve("meta").resolve("_journal.json"), journal.toJson());
    return dir;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites a file with {@code from} replaced by {@code to}; fails if {@code from} is absent. */
  static void replace(Path file, String from, String to) throws IOException {
    String text = read(file);
    if (!text.contains(from)) {
      throw new IllegalArgumentException(file + " does not contain " + from);
    }
    Files.writeString(file, text.replace(from, to));
  }
}
