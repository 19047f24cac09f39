package dev.nanoka.review;

import dev.nanoka.core.text.Checksums;
import dev.nanoka.core.text.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the review compares with: the migrations a reviewer has already seen. A migration of the
 * folder that the base lacks, or has with other content, is reviewed.
 */
public final class ReviewBase {

  private final String label;
  /** File name → checksum of its text (line endings ignored); empty: review everything. */
  private final Optional<Map<String, String>> migrations;

  private ReviewBase(String label, Optional<Map<String, String>> migrations) {
    this.label = label;
    this.migrations = migrations.map(m -> Map.copyOf(new TreeMap<>(m)));
  }

  /** No base: every migration of the folder is reviewed. */
  public static ReviewBase none() {
    return new ReviewBase("(no base: every migration)", Optional.empty());
  }

  /**
   * {@code from} as the user wrote it: a folder when one exists at that path (another checkout's
   * migrations folder), else a git commit of the repository holding {@code dir} (a branch, a tag,
   * {@code origin/main}, a hash), whose copy of {@code dir} is read with git.
   */
  public static ReviewBase of(Path dir, String from) throws ReviewException {
    try {
      Path folder = Path.of(from);
      if (Files.isDirectory(folder)) {
        return folder(folder);
      }
    } catch (InvalidPathException e) {
      // not a path on this system: a ref such as main:db (or nothing at all)
    }
    return new ReviewBase(from, Optional.of(GitBase.migrations(dir, from)));
  }

  /** Another checkout's migrations folder. */
  public static ReviewBase folder(Path folder) throws ReviewException {
    Map<String, String> out = sqlFiles(folder);
    Path d1 = folder.resolve("d1");
    if (out.isEmpty() && Files.isDirectory(d1)) {
      // drizzle-kit 1.0's layout: d1/ holds the SQL under the names the history records
      out = sqlFiles(d1);
    }
    return new ReviewBase(folder.toString(), Optional.of(out));
  }

  private static Map<String, String> sqlFiles(Path folder) throws ReviewException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".sql") && Files.isRegularFile(file)) {
          out.put(name, checksum(Files.readAllBytes(file), file.toString()));
        }
      }
    } catch (IOException e) {
      throw new ReviewException("The base folder " + folder + " cannot be read: " + e);
    }
    return out;
  }

  static String checksum(byte[] bytes, String file) throws ReviewException {
    try {
      return Checksums.of(Utf8Text.decode(bytes, file));
    } catch (Utf8Text.NotUtf8Exception e) {
      throw new ReviewException(file + " is " + e.problem());
    }
  }

  /** What the report calls the base, e.g. {@code origin/main}. */
  public String label() {
    return label;
  }

  /** The base's migration files and their checksums; empty when everything is reviewed. */
  Optional<Map<String, String>> migrations() {
    return migrations;
  }
}
