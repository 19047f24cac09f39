package dev.nanoka.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code drizzle-kit generate}, the tool the processor replaces, as figure 1 runs it: the whole
 * node process (start-up included, as a user runs it), with the schema.ts Nanoka wrote, from
 * it-tests' pinned {@code node_modules}.
 *
 * @param nodeModules it-tests/node_modules, holding drizzle-kit and drizzle-orm
 */
record DrizzleKit(Path nodeModules) {

  /** The drizzle-kit of these node_modules, if it is installed. */
  static java.util.Optional<DrizzleKit> in(Path nodeModules) {
    return Files.isRegularFile(nodeModules.resolve("drizzle-kit/bin.cjs"))
        ? java.util.Optional.of(new DrizzleKit(nodeModules)) : java.util.Optional.empty();
  }

  /** Its version line, for the table's title. */
  String version() {
    return Processes.output(List.of("node", nodeModules.resolve("drizzle-kit/bin.cjs").toString(),
        "--version")).lines().filter(l -> l.contains("drizzle-kit")).findFirst().orElse("?");
  }

  /**
   * Runs {@code generate} for the schema into the folder: an empty one gets the first migration,
   * drizzle-kit's equivalent of the processor's work; Nanoka's up-to-date folder gets "No schema
   * changes", the equivalent of a compile whose models did not change.
   */
  Processes.Sample generate(Path schemaTs, Path out, Path workDir)
      throws IOException, InterruptedException {
    // drizzle-kit loads schema.ts, whose imports resolve from its folder: NODE_PATH points there
    return Processes.measure(List.of("node", nodeModules.resolve("drizzle-kit/bin.cjs").toString(),
            "generate", "--dialect", "sqlite", "--schema", schemaTs.toString(),
            "--out", out.toString()),
        workDir, Map.of("NODE_PATH", nodeModules.toString(), "NO_COLOR", "1"), null);
  }
}
