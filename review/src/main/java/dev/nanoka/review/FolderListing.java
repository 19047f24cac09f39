package dev.nanoka.review;

import dev.nanoka.folder.MigrationFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a migrations folder: the top-level {@code .sql} files (what wrangler applies, in
 * this order) and the files of {@code meta/}. Other top-level files (a README) and folders are
 * not migrations and are not listed.
 */
record FolderListing(List<Path> sqlFiles, List<Path> metaFiles) {

  static FolderListing of(Path dir) throws MigrationFolderException {
    if (!Files.exists(dir)) {
      throw new MigrationFolderException(dir, "does not exist. Pass the migrations folder with"
          + " --dir (drizzle-kit's `out`, e.g. drizzle/migrations)");
    }
    if (!Files.isDirectory(dir)) {
      throw new MigrationFolderException(dir, "is not a folder. Pass the migrations folder with"
          + " --dir (drizzle-kit's `out`, e.g. drizzle/migrations)");
    }
    List<Path> sql = list(dir).stream()
        .filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
        .toList();
    Path meta = dir.resolve("meta");
    List<Path> metaFiles = Files.isDirectory(meta)
        ? list(meta).stream().filter(Files::isRegularFile).toList()
        : List.of();
    return new FolderListing(sql, metaFiles);
  }

  private static List<Path> list(Path dir) throws MigrationFolderException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new MigrationFolderException(dir, "cannot be listed: " + e);
    }
  }
}
