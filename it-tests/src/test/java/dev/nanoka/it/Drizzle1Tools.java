package dev.nanoka.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * drizzle-kit and drizzle-orm 1.0 (release candidates), pinned by
 * {@code it-tests/drizzle-1/package-lock.json} and installed apart from the 0.31 tools of
 * {@link NodeTools}, which installs them the same way when they are missing ({@code .ci/run}
 * runs {@code npm ci} in both first).
 */
final class Drizzle1Tools {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

  private Drizzle1Tools() {}

  static Path home() {
    return ItPaths.itTests().resolve("drizzle-1");
  }

  /** Installs the pinned 1.0 tools with {@code npm ci} unless they are there already. */
  static void ensureInstalled() throws IOException, InterruptedException {
    NodeTools.ensureInstalled(home());
  }

  /**
   * Runs drizzle-kit 1.0 in {@code directory} (which holds a {@code drizzle.config.ts}). Its
   * schema.ts imports {@code drizzle-orm} from the nearest {@code node_modules}, which would be
   * the 0.45 of {@code it-tests/node_modules}: the directory gets a {@code node_modules} link
   * to the 1.0 install.
   */
  static CommandResult drizzleKit(Path directory, Path log, String... args)
      throws IOException, InterruptedException {
    ensureInstalled();
    Path link = directory.resolve("node_modules");
    if (!Files.exists(link)) {
      Files.createSymbolicLink(link, home().resolve("node_modules"));
    }
    List<String> command = new ArrayList<>(List.of("node",
        home().resolve("node_modules/drizzle-kit/bin.cjs").toString()));
    command.addAll(List.of(args));
    try {
      return Command.run(command, directory, RUN_TIMEOUT, log, env -> env.put("NO_COLOR", "1"));
    } catch (IOException e) {
      throw new AssertionError("Could not run node (" + e.getMessage() + "): the drizzle-kit"
          + " 1.0 checks need Node.js 20+ on PATH", e);
    }
  }

  /** A drizzle-kit project in {@code dir}: {@code drizzle/schema.ts}, {@code drizzle/migrations}. */
  static void writeConfig(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("drizzle.config.ts"), "export default { dialect: 'sqlite',"
        + " schema: './drizzle/schema.ts', out: './drizzle/migrations' };\n");
  }
}
