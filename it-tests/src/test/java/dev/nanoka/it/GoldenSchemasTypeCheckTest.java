package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Type-checks every golden schema.ts of the processor tests with tsc against the pinned
 * drizzle-orm, so every form the renderer emits (column builders and modes, defaults, references
 * with and without an explicit column type, composite keys, indexes, JSON types) is proven to
 * compile, not just to look right.
 */
class GoldenSchemasTypeCheckTest {

  private static final String TSCONFIG = """
      {
        "compilerOptions": {
          "strict": true,
          "noEmit": true,
          "skipLibCheck": true,
          "noUnusedLocals": true,
          "target": "ES2022",
          "lib": ["ES2022", "DOM"],
          "module": "ESNext",
          "moduleResolution": "bundler",
          "types": []
        },
        "include": ["**/*.ts"]
      }
      """;

  @Test
  void everyProcessorGoldenCompilesWithDrizzle() throws Exception {
    Path goldens = ItPaths.repoRoot().resolve("processor/src/test/resources/golden");
    // Under target/ so that module resolution walks up to it-tests/node_modules.
    Path checkDir = ItPaths.target().resolve("ts-goldens");
    // The Drizzle 1.0 layout's goldens use drizzle-orm 1.0's defineRelations, which 0.45 lacks:
    // Drizzle1RelationalQueriesTest checks them against drizzle-orm 1.0.
    TestFiles.replaceWithCopy(goldens, checkDir,
        path -> path.startsWith("Drizzle1RelationsTest")
            || (!path.toString().isEmpty() && !Files.isDirectory(goldens.resolve(path))
                && !path.toString().endsWith(".ts")));
    List<Path> files = tsFiles(checkDir);
    // noUnusedLocals also proves that schema.ts imports nothing it does not use.
    Files.writeString(checkDir.resolve("tsconfig.json"), TSCONFIG);

    CommandResult tsc = NodeTools.tsc(checkDir);

    assertTrue(files.size() >= 20,
        "expected the processor's goldens in " + goldens + ", found only " + files);
    assertEquals(0, tsc.exitCode(),
        "tsc rejected golden schema files " + files + ":" + tsc.describe());
  }

  private static List<Path> tsFiles(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(p -> p.toString().endsWith(".ts")).map(dir::relativize).sorted()
          .toList();
    }
  }
}
