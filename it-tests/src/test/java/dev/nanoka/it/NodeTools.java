package dev.nanoka.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
   * file with every pinned package present. npm writes {@code node_modules/.package-lock.json}
   * after every install, so a lock file newer than that means the pinned versions changed since;
   * a package missing or at another version means {@code node_modules} came from elsewhere (an
   * older checkout, a partial install).
   */
  static void ensureInstalled() throws IOException, InterruptedException {
    ensureInstalled(ItPaths.itTests());
  }

  /** {@link #ensureInstalled()} for the npm project in {@code project} (e.g. it-tests/drizzle-1). */
  static synchronized void ensureInstalled(Path project) throws IOException, InterruptedException {
    Path lockFile = project.resolve("package-lock.json");
    Path installed = project.resolve("node_modules/.package-lock.json");
    if (Files.exists(installed)
        && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lockFile)) >= 0
        && missingPackages(project).isEmpty()) {
      return;
    }
    String npm = ItPaths.isWindows() ? "npm.cmd" : "npm";
    CommandResult result =
        start(
            List.of(npm, "ci", "--no-audit", "--no-fund"),
            project,
            INSTALL_TIMEOUT,
            ItPaths.target().resolve("npm-ci-" + project.getFileName() + ".log"),
            env -> {});
    if (!result.succeeded()) {
      throw new AssertionError("npm ci failed in " + project + result.describe());
    }
    List<String> missing = missingPackages(project);
    if (!missing.isEmpty()) {
      throw new AssertionError("npm ci succeeded but did not install " + missing
          + " as pinned in " + project.resolve("package.json") + result.describe());
    }
  }

  /** Pinned devDependencies of package.json that node_modules lacks or has at another version. */
  private static List<String> missingPackages(Path project) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode pinned =
        json.readTree(project.resolve("package.json").toFile()).path("devDependencies");
    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = pinned.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> dependency = it.next();
      Path manifest = project.resolve("node_modules").resolve(dependency.getKey())
          .resolve("package.json");
      String version = Files.isRegularFile(manifest)
          ? json.readTree(manifest.toFile()).path("version").asText()
          : "";
      if (!version.equals(dependency.getValue().asText())) {
        missing.add(dependency.getKey() + "@" + dependency.getValue().asText());
      }
    }
    return missing;
  }

  /** Type-checks the TypeScript project in {@code directory} ({@code tsc -p}). */
  static CommandResult tsc(Path directory) throws IOException, InterruptedException {
    return node(
        "typescript/bin/tsc",
        List.of("-p", directory.toString(), "--pretty", "false"),
        directory,
        directory.resolveSibling(directory.getFileName() + "-tsc.log"),
        env -> {});
  }

  /**
   * Runs {@code drizzle-kit <args>} in {@code directory}, which holds a {@code drizzle.config.ts}.
   * Standard input is closed, so a question (drizzle-kit asks about possible renames) ends the
   * run instead of waiting.
   */
  static CommandResult drizzleKit(Path directory, Path log, String... args)
      throws IOException, InterruptedException {
    return node("drizzle-kit/bin.cjs", List.of(args), directory, log,
        env -> env.put("NO_COLOR", "1"));
  }

  /**
   * Runs {@code wrangler <args>} in {@code directory}, which holds a {@code wrangler.jsonc}.
   * Offline and without a Cloudflare login: only {@code --local} commands work, which is all the
   * tests use. Wrangler's own files (logs, settings) go to {@code scratch}, not the home folder.
   */
  static CommandResult wrangler(Path directory, Path scratch, Path log, String... args)
      throws IOException, InterruptedException {
    return node("wrangler/bin/wrangler.js", List.of(args), directory, log,
        env -> {
          env.put("CI", "true");
          env.put("WRANGLER_SEND_METRICS", "false");
          // The banner asks the npm registry for a newer wrangler: no network for a pinned tool.
          env.put("WRANGLER_HIDE_BANNER", "true");
          env.put("WRANGLER_LOG_PATH", scratch.resolve("logs").toString());
          env.put("XDG_CONFIG_HOME", scratch.resolve("config").toString());
          env.put("NO_COLOR", "1");
          env.put("FORCE_COLOR", "0");
          // A token in the environment would make wrangler try the network.
          env.remove("CLOUDFLARE_API_TOKEN");
          env.remove("CLOUDFLARE_ACCOUNT_ID");
        });
  }

  /**
   * Runs a JavaScript file with node in {@code directory}, after making sure the pinned packages
   * it may {@code require} are installed.
   */
  static CommandResult runScript(Path script, Path directory, Path log)
      throws IOException, InterruptedException {
    ensureInstalled();
    return start(List.of("node", script.toString()), directory, RUN_TIMEOUT, log, env -> {});
  }

  /**
   * Runs a package's script ({@code node_modules/<script>}) with node: the same command on every
   * OS, where {@code node_modules/.bin} holds shell scripts or {@code .cmd} files.
   */
  private static CommandResult node(
      String script, List<String> args, Path directory, Path log,
      Consumer<Map<String, String>> environment)
      throws IOException, InterruptedException {
    ensureInstalled();
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(ItPaths.itTests().resolve("node_modules").resolve(script).toString());
    command.addAll(args);
    return start(command, directory, RUN_TIMEOUT, log, environment);
  }

  private static CommandResult start(
      List<String> command, Path directory, Duration timeout, Path log,
      Consumer<Map<String, String>> environment)
      throws IOException, InterruptedException {
    try {
      return Command.run(command, directory, timeout, log, environment);
    } catch (IOException e) {
      throw new AssertionError(
          "Could not run `" + command.get(0) + "` (" + e.getMessage() + "). The TypeScript checks"
              + " need Node.js 20+ with npm on PATH; the versions they use are pinned in"
              + " it-tests/package-lock.json.",
          e);
    }
  }
}
