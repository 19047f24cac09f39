package dev.nanoka.cli;

import static dev.nanoka.cli.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.SchemaText;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.TableBuilder;
import dev.nanoka.folder.SnapshotJson;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nanoka check} over a copy of the blog example's files, with the models on a class path
 * as the processor leaves them: a generated schema class, its schema resource and schema.ts.
 */
class CheckCommandTest {

  private static final Path BLOG = Path.of("..", "examples", "blog", "drizzle");
  private static final String SCHEMA = "com.example.blog.NanokaSchema";
  private static final String RESOURCE = "nanoka/schema/com/example/blog/";

  @TempDir
  Path dir;

  private Path drizzle;
  private Path migrations;
  private Path classes;

  @BeforeEach
  void copyTheExample() throws Exception {
    drizzle = dir.resolve("drizzle");
    try (Stream<Path> files = Files.walk(BLOG)) {
      for (Path file : files.toList()) {
        Path target = drizzle.resolve(BLOG.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    migrations = drizzle.resolve("migrations");
    classes = compileSchemaClass();
  }

  @Test
  void aConsistentCheckoutExitsZero() throws Exception {
    writeModels(blogModels(), Files.readString(drizzle.resolve("schema.ts")));

    CliRun run = cli("check", "--dir", migrations.toString(), "--schema", SCHEMA,
        "--classpath", classes.toString());

    assertEquals(0, run.exitCode(), run::describe);
    assertEquals(migrations.resolve("0001_add_users_displayname.sql") + ":4: info [checksum]"
        + " was edited by hand, as this line declares\n"
        + "Consistent: " + migrations + " and " + SCHEMA + ".\n", run.out());
  }

  @Test
  void modelsChangedButTheFilesNotRegeneratedExitsOne() throws Exception {
    DatabaseSchema changed = Schemas.edit(blogModels(), "tags",
        t -> TableBuilder.of(t).nullableText("colour").build());
    String schemaTs = Files.readString(drizzle.resolve("schema.ts"))
        .replace("  name: text('name').notNull().unique(),\n",
            "  name: text('name').notNull().unique(),\n  colour: text('colour'),\n");
    writeModels(changed, schemaTs);

    CliRun run = cli("check", "--dir", migrations.toString(), "--schema", SCHEMA,
        "--classpath", classes.toString());

    assertEquals(1, run.exitCode(), run::describe);
    List<String> lines = run.out().lines().toList();
    assertEquals(migrations.resolve("meta/0001_snapshot.json") + ": error [models-differ] The last"
        + " snapshot (0001_add_users_displayname) differs from the models (" + SCHEMA + "): column"
        + " tags.colour exists only in the models. Run the build and commit the regenerated files"
        + " (schema.ts and the migrations folder)", lines.get(1));
    assertTrue(lines.get(2).startsWith(drizzle.resolve("schema.ts") + ":"), run::describe);
    assertTrue(lines.get(2).contains(": error [schema-ts] is not what the models generate: the"
        + " models generate `  colour: text('colour'),` here"), run::describe);
    assertEquals("2 errors.", lines.get(3));
  }

  @Test
  void theFolderAloneWithoutModels() throws Exception {
    Files.writeString(migrations.resolve("0001_other_branch.sql"), "SELECT 1;");

    CliRun run = cli("check", "--dir", migrations.toString());

    assertEquals(1, run.exitCode(), run::describe);
    assertTrue(run.out().contains("0001_other_branch.sql: error [duplicate-number]"),
        run::describe);
    assertTrue(run.out().contains("error [branch-merge] Two branches' migrations are in this"
        + " folder"), run::describe);
    assertTrue(run.out().endsWith("2 errors.\n"), run::describe);
  }

  @Test
  void aMissingFolderExitsFour() {
    CliRun run = cli("check", "--dir", dir.resolve("nowhere").toString());

    assertEquals(4, run.exitCode(), run::describe);
    assertEquals("error: " + dir.resolve("nowhere") + " does not exist. Pass the migrations"
        + " folder with --dir (drizzle-kit's `out`, e.g. drizzle/migrations)\n", run.err());
  }

  @Test
  void schemaFileNeedsTheModels() {
    CliRun run = cli("check", "--dir", migrations.toString(), "--schema-file", "schema.ts");

    assertEquals(2, run.exitCode(), run::describe);
    assertTrue(run.err().contains("--schema-file compares schema.ts with the models"),
        run::describe);
  }

  @Test
  void aBuildWithoutSchemaTsCannotBeComparedWithOne() throws Exception {
    writeModels(blogModels(), null);

    CliRun run = cli("check", "--dir", migrations.toString(), "--schema", SCHEMA,
        "--classpath", classes.toString(),
        "--schema-file", drizzle.resolve("schema.ts").toString());

    assertEquals(4, run.exitCode(), run::describe);
    assertTrue(run.err().startsWith("error: " + SCHEMA + " was built without a schema.ts"),
        run::describe);
    // without --schema-file the folder and the models are still checked
    CliRun folderOnly = cli("check", "--dir", migrations.toString(), "--schema", SCHEMA,
        "--classpath", classes.toString());
    assertEquals(0, folderOnly.exitCode(), folderOnly::describe);
  }

  private static DatabaseSchema blogModels() throws Exception {
    Path snapshot = BLOG.resolve("migrations/meta/0001_snapshot.json");
    return SnapshotJson.read(snapshot, Files.readString(snapshot), true).schema().orElseThrow();
  }

  /** The resources the processor writes beside the class: the schema, and schema.ts if any. */
  private void writeModels(DatabaseSchema models, String schemaTs) throws Exception {
    Path folder = Files.createDirectories(classes.resolve(RESOURCE));
    Files.writeString(folder.resolve("schema.txt"), SchemaText.write(models));
    if (schemaTs != null) {
      Files.writeString(folder.resolve("schema.ts"), schemaTs);
    }
  }

  private Path compileSchemaClass() throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src/com/example/blog"));
    Path file = Files.writeString(sources.resolve("NanokaSchema.java"), """
        package com.example.blog;
        public final class NanokaSchema implements dev.nanoka.runtime.SchemaDefinition {
          public static final NanokaSchema INSTANCE = new NanokaSchema();
          private NanokaSchema() {}
          @Override
          public String resource() {
            return "%sschema.txt";
          }
        }
        """.formatted(RESOURCE), StandardCharsets.UTF_8);
    Path out = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    int code = javac.run(null, null, null, "-d", out.toString(), "-classpath",
        System.getProperty("java.class.path"), file.toString());
    assertEquals(0, code, errors::toString);
    return out;
  }
}
