package dev.nanoka.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The npm tools pinned by {@code it-tests/package-lock.json}, installed into
 * {@code it-tests/node_modules}. Tests that need them fail without Node.js rather than skip: a
 * skipped check looks like a passed one in CI.
 */
final class NodeTools {
  private NodeTools() {}

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Runs {@code npm ci} unless {@code node_modules} is already installed from the current lock
   * file. npm writes {@code node_modules/.package-lock.json} after every install, so a lock file
   * newer than that means the pinned versions changed since.
   */
  static synchronized void ensureInstalled() throws IOException, InterruptedException {
    Path lockFile = ItPaths.itTests().resolve("package-lock.json");
    Path installed = ItPaths.itTests().resolve("node_modules/.package-lock.json");
    if (Files.exists(installed)
        && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lockFile)) >= 0) {
      return;
    }
    String npm = ItPaths.isWindows() ? "npm.cmd" : "npm";
    CommandResult result =
        start(
            List.of(npm, "ci", "--no-audit", "--no-fund"),
            ItPaths.itTests(),
            INSTALL_TIMEOUT,
            ItPaths.target().resolve("npm-ci.log"));
    if (!result.succeeded()) {
      throw new AssertionError("npm ci failed in " + ItPaths.itTests() + result.describe());
    }
  }

  /** Type-checks the TypeScript project in {@code directory} ({@code tsc -p}). */
  static CommandResult tsc(Path directory) throws IOException, InterruptedException {
    ensureInstalled();
    // node + the script rather than node_modules/.bin/tsc: the same command on every OS.
    Path tsc = ItPaths.itTests().resolve("node_modules/typescript/bin/tsc");
    return start(
        List.of("node", tsc.toString(), "-p", directory.toString(), "--pretty", "false"),
        directory,
        RUN_TIMEOUT,
        directory.resolveSibling(directory.getFileName() + "-tsc.log"));
  }

  private static CommandResult start(List<String> command, Path directory, Duration timeout, Path log)
      throws IOException, InterruptedException {
    try {
      return Command.run(command, directory, timeout, log);
    } catch (IOException e) {
      throw new AssertionError(
          "Could not run `" + command.get(0) + "` (" + e.getMessage() + "). The TypeScript checks"
              + " need Node.js 20+ with npm on PATH; the versions they use are pinned in"
              + " it-tests/package-lock.json.",
          e);
    }
  }
}
