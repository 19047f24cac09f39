package dev.nanoka.runtime.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pg-evolution fixture's migrations folder as the processor generated it (it-tests goldens:
 * four versions, down migrations, snapshots), copied with a journal as drizzle-kit writes it:
 * the goldens leave the journal out, its {@code when}s being the clock's.
 */
public final class PgEvolutionFolder {

  private static final Path GOLDEN = Path.of("..", "it-tests", "src", "test", "resources",
      "golden", "pg-evolution", "migrations");

  private PgEvolutionFolder() {}

  /** The folder in {@code dir}; returns the migrations' tags in order. */
  public static List<String> copy(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      for (Path file : files.toList()) {
        Path target = dir.resolve(GOLDEN.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    List<String> tags;
    try (Stream<Path> files = Files.list(dir)) {
      tags = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
          .sorted().map(n -> n.substring(0, n.length() - 4)).toList();
    }
    StringBuilder journal = new StringBuilder(
        "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [");
    for (int i = 0; i < tags.size(); i++) {
      journal.append(i == 0 ? "\n" : ",\n").append("    {\n      \"idx\": ").append(i)
          .append(",\n      \"version\": \"7\",\n      \"when\": ").append(1796294390000L + i)
          .append(",\n      \"tag\": \"").append(tags.get(i))
          .append("\",\n      \"breakpoints\": true\n    }");
    }
    Files.writeString(dir.resolve("meta/_journal.json"), journal.append("\n  ]\n}\n"));
    return tags;
  }
}
