package dev.nanoka.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an example project with a real {@code mvn -B}: the Maven installation and local
 * repository of the outer build, so the example resolves the Nanoka artifacts this reactor just
 * installed, and the JDK the tests run on.
 */
final class MavenRunner {
  private MavenRunner() {}

  /** Generous for a cold local repository; a hung build still ends. */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static final String RUN_INSTALL =
      "Run `mvn -B install` from the repository root (not `mvn test` or `-pl it-tests`), so the"
          + " example builds use the Nanoka artifacts of this checkout.";

  /**
   * Fails unless the local repository holds exactly the jars this reactor built. Otherwise the
   * example would silently compile with an older processor and the test would check the wrong
   * thing.
   */
  static void checkInstalledArtifactsAreCurrent() throws IOException {
    for (String module : List.of("annotations", "core", "runtime", "testing", "processor")) {
      String artifact = "nanoka-" + module;
      String version = ItPaths.reactorVersion();
      String jar = artifact + "-" + version + ".jar";
      Path built = ItPaths.repoRoot().resolve(module).resolve("target").resolve(jar);
      Path installed =
          localRepository().resolve("dev/nanoka").resolve(artifact).resolve(version).resolve(jar);
      if (!Files.isRegularFile(built)) {
        throw new AssertionError(built + " does not exist. " + RUN_INSTALL);
      }
      if (!Files.isRegularFile(installed)) {
        throw new AssertionError(artifact + " is not installed at " + installed + ". " + RUN_INSTALL);
      }
      if (!Arrays.equals(Files.readAllBytes(built), Files.readAllBytes(installed))) {
        throw new AssertionError(
            "The " + artifact + " installed at " + installed + " differs from " + built
                + " (stale install). " + RUN_INSTALL);
      }
    }
  }

  /**
   * Copies a project to {@code destination} (replacing what was there), leaving out its
   * {@code target/}. Building a copy keeps the committed example clean.
   */
  static Path copyProject(Path source, Path destination) throws IOException {
    TestFiles.replaceWithCopy(source, destination, path -> path.startsWith("target"));
    // An empty .mvn/ marks the copy as the top of its build. Without it Maven would search the
    // parent directories for one and could pick up this repository's .mvn/ configuration.
    Files.createDirectories(destination.resolve(".mvn"));
    return destination;
  }

  /** Runs {@code mvn -B <args>} in {@code project}; the log lands next to the project. */
  static CommandResult mvn(Path project, String... args) throws IOException, InterruptedException {
    Path log =
        project.resolveSibling(project.getFileName() + "-" + String.join("-", args) + ".log");
    return mvn(project, log, args);
  }

  /**
   * Runs {@code mvn -B <args>} in {@code project} with its output in {@code log}: for a project
   * built several times, so that each build keeps its own log.
   */
  static CommandResult mvn(Path project, Path log, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable());
    command.addAll(List.of("-B", "-ntp", "-Dmaven.repo.local=" + localRepository()));
    command.addAll(List.of(args));
    try {
      return Command.run(
          command,
          project,
          TIMEOUT,
          log,
          env -> {
            // The same JDK as the tests (Maven's bin/mvn honours JAVA_HOME).
            env.put("JAVA_HOME", System.getProperty("java.home"));
            // Set by the outer bin/mvn; they describe the outer project, not this one.
            env.remove("MAVEN_BASEDIR");
            env.remove("MAVEN_PROJECTBASEDIR");
          });
    } catch (IOException e) {
      throw new AssertionError(
          "Could not start Maven (" + command.get(0) + "): " + e.getMessage()
              + ". The it-tests expect the Maven that runs them (maven.home) or `mvn` on PATH.",
          e);
    }
  }

  /** {@code ${maven.home}/bin/mvn} of the outer build; {@code mvn} on PATH outside Maven. */
  private static String executable() {
    String name = ItPaths.isWindows() ? "mvn.cmd" : "mvn";
    String home = ItPaths.property("nanoka.it.mavenHome", null);
    return home == null ? name : Path.of(home, "bin", name).toString();
  }

  private static Path localRepository() {
    String fallback = Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
    return Path.of(ItPaths.property("nanoka.it.localRepository", fallback));
  }
}
