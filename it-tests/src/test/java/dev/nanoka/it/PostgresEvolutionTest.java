package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Schema(dialect = POSTGRESQL)} through the real processor (plain javac with the built
 * jars) over the four versions of {@code src/test/projects/pg-evolution}: adds, a type change
 * (integer → bigint), nullability, defaults, an enum value added then one removed, a declared
 * column rename and drop, foreign keys (one's action changed), an index, a composite key, and
 * declared table drops. After every version drizzle-kit 0.31 {@code generate} (dialect
 * postgresql) finds nothing to do, {@code check} passes, schema.ts type-checks with tsc against
 * drizzle-orm's pg-core, a second compile changes no byte, and each migration equals its golden
 * file in {@code src/test/resources/golden/pg-evolution} (refresh with
 * {@code -Dnanoka.updateGolden=true}).
 */
class PostgresEvolutionTest {

  private static final Path FIXTURE = ItPaths.itTests().resolve("src/test/projects/pg-evolution");
  private static final Path GOLDEN =
      ItPaths.itTests().resolve("src/test/resources/golden/pg-evolution");

  @Test
  void everyVersionMatchesDrizzleKitAndItsGolden() throws Exception {
    NodeTools.ensureInstalled();
    Path work = ItPaths.target().resolve("pg-evolution");
    TestFiles.deleteRecursively(work);
    Files.createDirectories(work);
    Files.writeString(work.resolve("drizzle.config.ts"), """
        import { defineConfig } from 'drizzle-kit'
        export default defineConfig({ dialect: 'postgresql', schema: './drizzle/schema.ts', \
        out: './drizzle/migrations' })
        """);
    Files.writeString(work.resolve("tsconfig.json"), """
        { "compilerOptions": { "strict": true, "noEmit": true, "module": "esnext",
          "moduleResolution": "bundler", "target": "es2022", "skipLibCheck": true, "types": [] },
          "files": ["drizzle/schema.ts"] }
        """);
    for (String version : List.of("v1", "v2", "v3", "v4")) {
      String at = "After " + version + ": ";
      compile(work, version);
      Map<String, String> first = EvolutionProject.files(work.resolve("drizzle"));
      compile(work, version);
      assertEquals(first, EvolutionProject.files(work.resolve("drizzle")),
          at + "a second compile of the same models changed files");

      CommandResult generate = NodeTools.drizzleKit(work,
          work.resolveSibling("pg-evolution-logs").resolve(version + "-generate.log"),
          "generate");
      assertTrue(generate.succeeded() && generate.output().contains("No schema changes"),
          at + "drizzle-kit generate does not agree that the migrations match schema.ts:"
              + generate.describe());
      assertEquals(first, EvolutionProject.files(work.resolve("drizzle")),
          at + "drizzle-kit generate changed the folder:" + generate.describe());
      CommandResult check = NodeTools.drizzleKit(work,
          work.resolveSibling("pg-evolution-logs").resolve(version + "-check.log"), "check");
      assertTrue(check.succeeded() && check.output().contains("Everything's fine"),
          at + "drizzle-kit check failed:" + check.describe());
      CommandResult tsc = NodeTools.tsc(work);
      assertTrue(tsc.succeeded(), at + "schema.ts does not type-check:" + tsc.describe());
    }
    for (Map.Entry<String, String> file : EvolutionProject.files(work.resolve("drizzle"))
        .entrySet()) {
      if (file.getKey().endsWith("_journal.json")) {
        continue; // its "when" values are the journal's own, checked by drizzle-kit check
      }
      golden(file.getKey(), file.getValue());
    }
  }

  private static void golden(String name, String actual) throws IOException {
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("nanoka.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.isRegularFile(golden), golden + " is missing; run with"
        + " -Dnanoka.updateGolden=true to write it, and review it");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        name + " differs from its golden file " + golden);
  }

  /**
   * javac with the two jars, as a user without a build tool runs it, on version {@code version}
   * of the fixture; logs beside {@code work}.
   */
  static void compile(Path work, String version) throws Exception {
    TestFiles.deleteRecursively(work.resolve("classes"));
    CommandResult result = ProcessorJavac.run(FIXTURE.resolve(version), work.resolve("classes"),
        work, work.resolveSibling(work.getFileName() + "-logs").resolve(version + "-javac.log"),
        "-Ananoka.schemaFile=" + work.resolve("drizzle/schema.ts"),
        "-Ananoka.migrationsDir=" + work.resolve("drizzle/migrations"));
    assertTrue(result.succeeded(), "javac failed on " + version + ":" + result.describe());
  }

}
