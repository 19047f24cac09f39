package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.processor.ts.DrizzleSchemaRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The relations the processor derives from foreign keys, used the way a Drizzle user uses them:
 * the models of {@code src/test/projects/relations} (both sides of a key, two keys to one table,
 * a self-reference, a join table with a composite key, a relation whose plain name is a column's,
 * one named by a reserved word) are compiled by plain javac with the processor jar; then
 * {@code src/test/ts/relations/relational-queries.ts} is type-checked with tsc against that
 * schema.ts (its result types must hold exactly) and run with node against a local Cloudflare D1
 * (Miniflare, the SQLite of {@code wrangler --local}) through {@code drizzle-orm/d1}: drizzle's D1
 * migrator applies the generated migrations, rows go in, and {@code findMany({ with: … })} must
 * return them through every relation. drizzle-kit must still find nothing to generate: relations
 * are not tables.
 *
 * <p>Not sql.js: drizzle-orm 0.45's {@code sql-js} driver drops the relational result mapper, so
 * {@code with} returns raw JSON text there (drizzle-orm #2189).
 */
class RelationalQueriesTest {

  @Test
  void drizzleQueriesEveryKindOfRelationOnARealDatabase() throws Exception {
    Path work = ItPaths.target().resolve("relational-queries");
    TestFiles.deleteRecursively(work);
    Path drizzle = work.resolve("drizzle");
    ProcessorJavac.compileProject("relations", work);
    Path schema = drizzle.resolve("schema.ts");
    assertTrue(Files.isRegularFile(schema), "javac wrote no " + schema);
    String text = Files.readString(schema);
    assertTrue(text.contains("relationName: 'posts_editorId_users_id'"),
        "schema.ts lacks the relations this test queries:\n" + text);
    copyProgram("relations", drizzle);

    CommandResult tsc = NodeTools.tsc(drizzle);
    assertEquals(0, tsc.exitCode(),
        "tsc rejected the relational queries over the generated schema.ts:" + tsc.describe());
    CommandResult run = NodeTools.runScript(drizzle.resolve("out/relational-queries.js"), drizzle,
        work.resolve("relational-queries.log"));
    assertTrue(run.succeeded() && run.output().contains("all checks passed"),
        "the relational queries failed on SQLite:" + run.describe());

    Files.writeString(work.resolve("drizzle.config.ts"), """
        import { defineConfig } from 'drizzle-kit'

        export default defineConfig({
          dialect: 'sqlite',
          schema: './drizzle/schema.ts',
          out: './drizzle/migrations',
        })
        """);
    CommandResult generate =
        NodeTools.drizzleKit(work, work.resolve("drizzle-kit-generate.log"), "generate");
    assertTrue(generate.succeeded() && generate.output().contains("No schema changes"),
        "drizzle-kit generate does not agree that the migrations match a schema.ts with"
            + " relations:" + generate.describe());
  }

  /**
   * A key over two columns, which {@code @Field} can't declare but the schema model can (a
   * schema read back from a database or text): schema.ts from the processor's renderer and the
   * tables from the core's migration renderer, both from one model; the relation must join on
   * both columns (project 1 exists in two organisations). Local D1 like the other test.
   */
  @Test
  void compositeKeyJoinsOnEveryColumn() throws Exception {
    Table projects = new Table("projects", "projects",
        List.of(column("orgId", new LogicalType.Int()), column("id", new LogicalType.Int()),
            column("name", new LogicalType.Text())),
        List.of("orgId", "id"), List.of(), List.of());
    Table tasks = new Table("tasks", "tasks",
        List.of(
            new Column("id", "id", new LogicalType.Int(), true, true, false, false,
                Optional.empty()),
            column("orgId", new LogicalType.Int()), column("projectId", new LogicalType.Int()),
            column("title", new LogicalType.Text())),
        List.of(), List.of(),
        List.of(new ForeignKey("tasks_orgId_projectId_projects_orgId_id_fk",
            List.of("orgId", "projectId"), "projects", List.of("orgId", "id"),
            ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE)));
    DatabaseSchema schema = new DatabaseSchema(List.of(projects, tasks));
    Path work = ItPaths.target().resolve("relational-queries-composite");
    TestFiles.deleteRecursively(work);
    Path drizzle = work.resolve("drizzle");
    Files.createDirectories(drizzle);
    Files.writeString(drizzle.resolve("schema.ts"),
        DrizzleSchemaRenderer.render(schema, List.of(), "RelationalQueriesTest", true));
    Files.writeString(drizzle.resolve("create.sql"), SqliteMigrationRenderer.render(
            SchemaDiffer.diff(new DatabaseSchema(List.of()), schema, RenameHints.NONE))
        .stream().map(MigrationStatement::text)
        .collect(Collectors.joining("\n--> statement-breakpoint\n")));
    copyProgram("relations-composite", drizzle);

    CommandResult tsc = NodeTools.tsc(drizzle);
    assertEquals(0, tsc.exitCode(),
        "tsc rejected the relational queries over a composite key:" + tsc.describe());
    CommandResult run = NodeTools.runScript(drizzle.resolve("out/composite-key.js"), drizzle,
        work.resolve("composite-key.log"));
    assertTrue(run.succeeded() && run.output().contains("all checks passed"),
        "the relational queries over a composite key failed on SQLite:" + run.describe());
  }

  /** Copies {@code src/test/ts/<name>} (a program and its tsconfig.json) into {@code dir}. */
  private static void copyProgram(String name, Path dir) throws IOException {
    try (Stream<Path> files = Files.list(ItPaths.itTests().resolve("src/test/ts").resolve(name))) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }

  private static Column column(String name, LogicalType type) {
    return new Column(name, name, type, true, false, false, false, Optional.empty());
  }
}
