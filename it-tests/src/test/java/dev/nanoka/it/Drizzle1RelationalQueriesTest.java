package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The relations of the Drizzle 1.0 layout, used the way a drizzle-orm 1.0 user uses them: the
 * models of {@code src/test/projects/relations-drizzle-1} ({@code @Schema(layout = DRIZZLE_1)};
 * both sides of a key, two keys to one table, a self-reference, a cycle, a join table beside a
 * direct key between the same two tables, hostile names) are compiled by plain javac with the
 * processor jar; then {@code src/test/ts/relations-drizzle-1/relational-queries.ts} is
 * type-checked with tsc against drizzle-orm 1.0's types (its result types must hold exactly) and
 * run with node against a local Cloudflare D1 (Miniflare) through drizzle-orm 1.0's
 * {@code drizzle-orm/d1} with {@code { relations }}: drizzle-orm 1.0's D1 migrator applies the
 * generated migrations, rows go in, and {@code findMany({ with: … })} must return them through
 * every relation. drizzle-kit 1.0 must still find nothing to generate: relations are not tables.
 * Also type-checks every 1.0 golden of the processor's {@code Drizzle1RelationsTest}.
 *
 * <p>drizzle-orm 1.0 comes from {@code it-tests/drizzle-1/node_modules} through a
 * {@code node_modules} link next to schema.ts, found first by tsc and node; Miniflare, tsc and
 * the node types from {@code it-tests/node_modules}, found further up.
 */
class Drizzle1RelationalQueriesTest {

  private static final String GOLDENS = "processor/src/test/resources/golden/Drizzle1RelationsTest";

  @Test
  void drizzleOrm1QueriesEveryKindOfRelationOnARealDatabase() throws Exception {
    Drizzle1Tools.ensureInstalled();
    Path work = ItPaths.target().resolve("relational-queries-drizzle-1");
    TestFiles.deleteRecursively(work);
    Path drizzle = work.resolve("drizzle");
    ProcessorJavac.compileProject("relations-drizzle-1", work);
    Path schema = drizzle.resolve("schema.ts");
    assertTrue(Files.isRegularFile(schema), "javac wrote no " + schema);
    String text = Files.readString(schema);
    assertTrue(text.contains("import { defineRelations } from 'drizzle-orm'\n")
            && text.contains("alias: 'post_tags' })") && !text.contains("drizzle-orm/_relations"),
        "schema.ts lacks the drizzle-orm 1.0 relations this test queries:\n" + text);
    copyProgram(drizzle);
    linkDrizzle1(drizzle);

    CommandResult tsc = NodeTools.tsc(drizzle);
    assertEquals(0, tsc.exitCode(), "tsc rejected drizzle-orm 1.0's relational queries over the"
        + " generated schema.ts:" + tsc.describe());
    CommandResult run = NodeTools.runScript(drizzle.resolve("out/relational-queries.js"), drizzle,
        work.resolve("relational-queries.log"));
    assertTrue(run.succeeded() && run.output().contains("all checks passed"),
        "drizzle-orm 1.0's relational queries failed on D1:" + run.describe());

    Drizzle1Tools.writeConfig(work);
    CommandResult generate =
        Drizzle1Tools.drizzleKit(work, work.resolve("drizzle-kit-generate.log"), "generate");
    assertTrue(generate.succeeded() && generate.output().contains("No schema changes"),
        "drizzle-kit 1.0 does not agree that the migrations match a schema.ts with"
            + " defineRelations:" + generate.describe());
  }

  /**
   * Every golden of {@code Drizzle1RelationsTest} compiles with drizzle-orm 1.0 under strict
   * tsc with {@code noUnusedLocals}; the 0.45 check ({@link GoldenSchemasTypeCheckTest}) leaves
   * them out, as 0.45 has no {@code defineRelations}.
   */
  @Test
  void everyDrizzle1GoldenCompilesWithDrizzleOrm1() throws Exception {
    Drizzle1Tools.ensureInstalled();
    Path goldens = ItPaths.repoRoot().resolve(GOLDENS);
    Path checkDir = ItPaths.target().resolve("ts-goldens-drizzle-1");
    TestFiles.deleteRecursively(checkDir);
    Files.createDirectories(checkDir);
    List<Path> files;
    try (Stream<Path> paths = Files.list(goldens)) {
      files = paths.filter(p -> p.toString().endsWith(".ts")).sorted().toList();
    }
    for (Path file : files) {
      // Each in a folder of its own: every golden declares the same export names.
      Path dir = checkDir.resolve(file.getFileName().toString().replace(".ts", ""));
      Files.createDirectories(dir);
      Files.copy(file, dir.resolve("schema.ts"));
    }
    Files.writeString(checkDir.resolve("tsconfig.json"), """
        {
          "compilerOptions": {
            "strict": true,
            "noEmit": true,
            "skipLibCheck": true,
            "noUnusedLocals": true,
            "target": "ES2022",
            "lib": ["ES2022", "DOM"],
            "module": "commonjs",
            "moduleResolution": "node10",
            "types": []
          },
          "include": ["*/schema.ts"]
        }
        """);
    linkDrizzle1(checkDir);

    CommandResult tsc = NodeTools.tsc(checkDir);

    assertTrue(files.size() >= 8, "expected the Drizzle1RelationsTest goldens in " + goldens
        + ", found only " + files);
    assertEquals(0, tsc.exitCode(),
        "tsc rejected golden 1.0 schema files " + files + ":" + tsc.describe());
  }

  /** drizzle-orm 1.0 for everything under {@code dir}, before the 0.45 further up. */
  private static void linkDrizzle1(Path dir) throws IOException {
    Path link = dir.resolve("node_modules");
    assertFalse(Files.exists(link), link + " exists already");
    Files.createSymbolicLink(link, Drizzle1Tools.home().resolve("node_modules"));
  }

  private static void copyProgram(Path dir) throws IOException {
    Path program = ItPaths.itTests().resolve("src/test/ts/relations-drizzle-1");
    try (Stream<Path> files = Files.list(program)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }
}
