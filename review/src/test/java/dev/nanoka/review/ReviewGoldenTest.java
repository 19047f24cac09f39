package dev.nanoka.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The review of {@link SampleEvolution} as a pull request sees it: version 1 on {@code main} in a
 * real git repository, version 2 with its hand-edited backfill in the working tree, reviewed
 * with {@code --from main}. The folder sits under {@code target/} at a relative path, so the
 * file names in the reports are the same on every machine.
 */
class ReviewGoldenTest {

  static final Path ROOT = Path.of("target", "review-sample");
  static final Path DIR = ROOT.resolve("drizzle").resolve("migrations");

  @Test
  void sampleEvolutionInEveryFormat() throws Exception {
    ReviewReport report = sample();

    Golden.assertMatches("sample-evolution.md", ReviewFormat.MARKDOWN.render(report));
    Golden.assertMatches("sample-evolution.txt", ReviewFormat.TEXT.render(report));
    Golden.assertMatches("sample-evolution.json", ReviewFormat.JSON.render(report));
    assertFalse(report.hasErrors());
    assertEquals(1, report.migrations().size());
  }

  /** The sample's repository, made afresh, and its review against {@code main}. */
  static ReviewReport sample() throws Exception {
    deleteRecursively(ROOT);
    Files.createDirectories(ROOT);
    Git.init(ROOT);
    FolderWriter folder = new FolderWriter(DIR);
    folder.version(SampleEvolution.v1());
    Git.commitAll(ROOT, "version 1");
    Path v2 = folder.version(SampleEvolution.v2(), SampleEvolution.v2Hints());
    FolderWriter.insertAfter(v2, SampleEvolution.BACKFILL_AFTER, SampleEvolution.BACKFILL);
    return Review.of(DIR, ReviewBase.of(DIR, "main"));
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** git for the tests: a repository with one branch, {@code main}. */
  static final class Git {
    static void init(Path dir) throws Exception {
      run(dir, "init", "-q", "-b", "main");
    }

    static void commitAll(Path dir, String message) throws Exception {
      run(dir, "add", "-A");
      run(dir, "-c", "user.name=Nanoka Test", "-c", "user.email=test@nanoka.dev",
          "commit", "-q", "-m", message);
    }

    static String run(Path dir, String... args) throws Exception {
      List<String> command = new java.util.ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    }
  }
}
