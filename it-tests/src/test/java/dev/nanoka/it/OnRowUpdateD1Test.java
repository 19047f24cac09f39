package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code @Field(onRowUpdate = NOW)} with the tools its users run, on the models of
 * {@code src/test/projects/onupdate} compiled by plain javac with the processor jar:
 * <ul>
 *   <li>drizzle-orm on a local D1 (Miniflare) applies the migrations with its own migrator, and
 *       both its update ({@code $onUpdate}) and a raw D1 statement move the timestamps, while a
 *       value set on purpose stays ({@code src/test/ts/onupdate/on-update.ts}, type-checked by
 *       tsc first);
 *   <li>drizzle-kit accepts the folder whose snapshots record the option ({@code check}) and
 *       finds nothing to generate from schema.ts;
 *   <li>wrangler applies the migration with the trigger ({@code d1 migrations apply --local}: its
 *       splitter keeps {@code BEGIN … END} whole), and an UPDATE typed at
 *       {@code wrangler d1 execute --local --command} moves the timestamps too.
 * </ul>
 */
class OnRowUpdateD1Test {

  @Test
  void everyWriterStampsTheColumn() throws Exception {
    Path work = ItPaths.target().resolve("on-row-update");
    TestFiles.deleteRecursively(work);
    Path drizzle = work.resolve("drizzle");
    ProcessorJavac.compileProject("onupdate", work);
    String schema = Files.readString(drizzle.resolve("schema.ts"));
    assertTrue(schema.contains(".$onUpdate(() => new Date())"), schema);
    try (Stream<Path> files =
        Files.list(ItPaths.itTests().resolve("src/test/ts/onupdate"))) {
      for (Path file : files.toList()) {
        Files.copy(file, drizzle.resolve(file.getFileName()));
      }
    }

    CommandResult tsc = NodeTools.tsc(drizzle);
    assertEquals(0, tsc.exitCode(), "tsc rejected on-update.ts:" + tsc.describe());
    CommandResult run = NodeTools.runScript(drizzle.resolve("out/on-update.js"), drizzle,
        work.resolve("on-update.log"));
    assertTrue(run.succeeded() && run.output().contains("all checks passed"),
        "drizzle-orm on D1 did not see the timestamps move:" + run.describe());
    // D1 runs with recursive triggers off, as SQLite does by default
    assertTrue(run.output().contains("recursive_triggers on D1: {\"recursive_triggers\":0}"),
        run.describe());

    Files.writeString(work.resolve("drizzle.config.ts"), """
        import { defineConfig } from 'drizzle-kit'

        export default defineConfig({
          dialect: 'sqlite',
          schema: './drizzle/schema.ts',
          out: './drizzle/migrations',
        })
        """);
    CommandResult check = NodeTools.drizzleKit(work, work.resolve("drizzle-kit-check.log"),
        "check");
    assertTrue(check.succeeded() && check.output().contains("Everything's fine"),
        "drizzle-kit check refuses snapshots that record onRowUpdate:" + check.describe());
    CommandResult generate =
        NodeTools.drizzleKit(work, work.resolve("drizzle-kit-generate.log"), "generate");
    assertTrue(generate.succeeded() && generate.output().contains("No schema changes"),
        "drizzle-kit generate does not agree with the migrations:" + generate.describe());

    LocalD1 d1 = new LocalD1(work.resolve("d1"));
    d1.useMigrations(drizzle.resolve("migrations"));
    CommandResult apply = d1.applyMigrations("apply");
    assertTrue(apply.succeeded(), "wrangler could not apply the trigger:" + apply.describe());
    List<JsonNode> triggers = d1.execute("triggers", List.of(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name;",
        "INSERT INTO posts (id, title, updatedAt, seenAt) VALUES (1, 'a', 1000, 1000);"));
    assertEquals("[{\"name\":\"posts_seenAt_on_update\"},{\"name\":\"posts_updatedAt_on_update\"}]",
        triggers.get(0).toString());
    long before = System.currentTimeMillis();
    CommandResult update =
        d1.executeCommand("update", "UPDATE posts SET title = 'b' WHERE id = 1");
    assertTrue(update.succeeded(), update.describe());
    JsonNode row = d1.execute("read", List.of("SELECT updatedAt, seenAt FROM posts;"))
        .get(0).get(0);
    assertTrue(row.get("updatedAt").asLong() >= before - 5000, row.toString());
    assertTrue(row.get("seenAt").asLong() >= before / 1000 - 5, row.toString());
  }
}
