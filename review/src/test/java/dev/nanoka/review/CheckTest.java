package dev.nanoka.review;

import static dev.nanoka.core.testing.Schemas.BOOL;
import static dev.nanoka.core.testing.Schemas.INTEGER;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.core.testing.Schemas.text;
import static dev.nanoka.review.CheckRuns.blogModels;
import static dev.nanoka.review.CheckRuns.checkWithModels;
import static dev.nanoka.review.CheckRuns.relative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.testing.ColumnBuilder;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.TableBuilder;
import dev.nanoka.folder.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Check} over real folders: the blog example's, copied, and folders written by the
 * build's own renderer and writers; then broken the ways merges, editors and forgotten commits
 * break them.
 */
class CheckTest {

  @TempDir
  Path temp;

  private static final String JOURNAL = "meta/_journal.json";
  private static final String ADD_DISPLAY_NAME = "0001_add_users_displayname.sql";

  // ------------------------------------------------------------------ consistent folders

  @Test
  void theBlogExampleIsConsistentAndItsHandEditIsDeclared() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);

    List<Finding> findings = checkWithModels(dir);

    assertEquals(List.of(ADD_DISPLAY_NAME + ":4: info [checksum] was edited by hand, as this"
        + " line declares"), relative(dir, findings));
    assertFalse(Check.hasErrors(findings));
  }

  @Test
  void aFolderAsTheBuildWritesItHasNoFinding() throws Exception {
    // Three versions: create with every kind of default, an index and references; add a
    // column; a rebuild (nullability and a type change) under a dependent table.
    DatabaseSchema v1 = schema(
        table("users").id().text("name").unique()
            .col(new ColumnBuilder("active", BOOL).notNull().defaultBool(true))
            .col(text("status").notNull().defaultText("it's new"))
            .col(new ColumnBuilder("createdAt", INTEGER).notNull().defaultSql("(unixepoch())"))
            .index("users_name_idx", "name", "status").build(),
        table("posts").id().integer("authorId").text("title")
            .references("authorId", "users", "id", ForeignKey.Action.CASCADE).build());
    DatabaseSchema v2 = Schemas.edit(v1, "users",
        t -> TableBuilder.of(t).nullableText("nickname").build());
    DatabaseSchema v3 = Schemas.edit(v2, "users", t -> TableBuilder.of(t)
        .replace("nickname", c -> c.notNull().defaultText("")).build());
    Path dir = MigrationFolders.write(temp.resolve("migrations"), v1, v2, v3);

    List<Finding> findings = Check.folder(dir).models(v3, "the models").run();

    assertEquals(List.of(), relative(dir, findings));
  }

  /**
   * The processor's own golden folder for four versions: a declared rename of a column and of a
   * table, a rebuild whose dependents cascade (rows set aside and put back), declared drops.
   */
  @Test
  void theProcessorsFourVersionFolderHasNoFinding() throws Exception {
    Path golden = Path.of("..", "processor", "src", "test", "resources", "golden",
        "MigrationFilesTest", "fourVersions");
    Path dir = temp.resolve("migrations");
    try (Stream<Path> files = Files.walk(golden)) {
      for (Path file : files.toList()) {
        Path target = dir.resolve(golden.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    DatabaseSchema models = MigrationFolders.snapshotSchema(dir.resolve("meta/0003_snapshot.json"));

    assertEquals(List.of(), relative(dir, Check.folder(dir).models(models, "M").run()));
  }

  @Test
  void anEmptyFolderIsConsistentWithNoModels() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("migrations"));
    assertEquals(List.of(), Check.folder(dir).models(Schemas.EMPTY, "M").run());

    List<Finding> findings = Check.folder(dir).models(blogModels(), "M").run();

    assertEquals(List.of(JOURNAL + ": error [models-differ] The folder has no migration, but the"
        + " models (M) have tables: table post_tags exists only in the models; table posts exists"
        + " only in the models; table tags exists only in the models; table users exists only in"
        + " the models. Run the build and commit the"
        + " regenerated files (schema.ts and the migrations folder)"), relative(dir, findings));
  }

  @Test
  void crlfLineEndingsAreNoProblem() throws Exception {
    // git's autocrlf turns every file's \n into \r\n on Windows checkouts; SQLite, JSON and the
    // checksum (which ignores line endings) read them alike.
    Path dir = MigrationFolders.copyBlog(temp);
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.writeString(file, MigrationFolders.read(file).replace("\n", "\r\n"));
      }
    }
    assertTrue(MigrationFolders.read(dir.resolve(JOURNAL)).contains("\r\n"));

    List<Finding> findings = checkWithModels(dir);

    assertEquals(List.of(ADD_DISPLAY_NAME + ":4: info [checksum] was edited by hand, as this"
        + " line declares"), relative(dir, findings));
  }

  // ------------------------------------------------------------------ hand edits

  @Test
  void anUndeclaredHandEditThatOnlyAddsData() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    Path first = dir.resolve("0000_create_users_posts_tags_post_tags.sql");
    Files.writeString(first, MigrationFolders.read(first)
        + "--> statement-breakpoint\nUPDATE `tags` SET `name` = lower(`name`);");

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals(List.of("0000_create_users_posts_tags_post_tags.sql:1: warning [checksum] was"
            + " edited since it was generated (its SQL no longer matches the checksum in this"
            + " header), and no line says why. If the edit is meant, add a comment line"
            + " `-- Written by hand: <why>` above it; if not, undo it (the current version's"
            + " migration can also be deleted and built again)",
        ADD_DISPLAY_NAME + ":4: info [checksum] was edited by hand, as this line declares"),
        findings);
  }

  @Test
  void aMigrationWrittenWithoutNanokasHeaderIsOnlyReplayed() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    Path first = dir.resolve("0000_create_users_posts_tags_post_tags.sql");
    String text = MigrationFolders.read(first);
    Files.writeString(first, text.substring(text.indexOf('\n') + 1));

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals("0000_create_users_posts_tags_post_tags.sql:1: info [checksum] has no"
        + " \"Generated by Nanoka\" header: written by hand or by another tool, so only replaying"
        + " it checks it", findings.get(0));
    assertEquals(2, findings.size(), findings.toString());
  }

  @Test
  void aHandEditThatAddsAColumnChangesTheSchema() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    Path first = dir.resolve("0000_create_users_posts_tags_post_tags.sql");
    Files.writeString(first, MigrationFolders.read(first)
        + "--> statement-breakpoint\n-- Written by hand: tags get a colour.\n"
        + "ALTER TABLE `tags` ADD `colour` text;");

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals(List.of(
        "0000_create_users_posts_tags_post_tags.sql:37: info [checksum] was edited by hand, as"
            + " this line declares",
        ADD_DISPLAY_NAME + ":4: info [checksum] was edited by hand, as this line declares",
        "0000_create_users_posts_tags_post_tags.sql: error [replay-differs] does not give the"
            + " schema its snapshot 0000_snapshot.json records, when the folder is replayed up to"
            + " it: column tags.colour exists only in the replayed folder. A hand edit may add"
            + " data statements, not schema changes: move the schema change into the models"
            + " (the build then writes it), or undo it"),
        findings);
  }

  @Test
  void aSnapshotCommittedWithoutItsMigration() throws Exception {
    DatabaseSchema v1 = schema(table("notes").id().text("body").build());
    DatabaseSchema v2 = Schemas.edit(v1, "notes",
        t -> TableBuilder.of(t).nullableText("title").build());
    Path dir = MigrationFolders.write(temp.resolve("migrations"), v1, v2);
    // The models changed again and the build rewrote version 2's files; only the snapshot (and
    // the models) made it into the commit.
    DatabaseSchema v2Again = Schemas.edit(v2, "notes",
        t -> TableBuilder.of(t).nullableText("tag").build());
    String prevId = MigrationFolders.read(dir.resolve("meta/0001_snapshot.json"))
        .split("\"prevId\": \"")[1].substring(0, 36);
    Files.writeString(dir.resolve("meta/0001_snapshot.json"),
        SnapshotJson.write(v2Again, prevId));

    List<String> findings = relative(dir, Check.folder(dir).models(v2Again, "M").run());

    assertEquals(List.of("0001_add_notes_title.sql: error [replay-differs] does not give the"
        + " schema its snapshot 0001_snapshot.json records, when the folder is replayed up to it:"
        + " column notes.tag is missing from the replayed folder. This file is as generated, so"
        + " it and its snapshot come from different builds (one was committed without the"
        + " other): run the build and commit both"), findings);
  }

  @Test
  void aMigrationThatFailsOnAnEmptyDatabase() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    MigrationFolders.replace(dir.resolve(ADD_DISPLAY_NAME), "UPDATE `users`", "UPDATE `user`");

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals(ADD_DISPLAY_NAME + ":4: error [replay-fails] statement 2 of 2 fails when the"
        + " folder is replayed into an empty database: [SQLITE_ERROR] SQL error or missing"
        + " database (no such table: user). Fix the statement; a migration that fails here fails"
        + " on every new database", findings.get(1));
  }

  // ------------------------------------------------------------------ models and schema.ts

  @Test
  void modelsChangedWithoutRegeneratingTheFiles() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    DatabaseSchema changed = Schemas.edit(blogModels(), "tags",
        t -> TableBuilder.of(t).nullableText("colour").build());

    List<String> findings = relative(dir, Check.folder(dir).models(changed, "NanokaSchema").run());

    assertEquals("meta/0001_snapshot.json: error [models-differ] The last snapshot"
        + " (0001_add_users_displayname) differs from the models (NanokaSchema): column"
        + " tags.colour exists only in the models. Run the build and commit the regenerated"
        + " files (schema.ts and the migrations folder)", findings.get(1));
  }

  @Test
  void schemaTsIsWhatTheModelsGenerate() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    Path schemaTs = temp.resolve("schema.ts");
    String expected = MigrationFolders.read(schemaTs);
    assertEquals(Optional.empty(), SchemaTsComparison.check(schemaTs, expected));

    Files.writeString(schemaTs, expected.replace("\n", "\r\n"));
    assertEquals(Optional.empty(), SchemaTsComparison.check(schemaTs, expected));

    String edited = expected.replace("  title: text('title').notNull(),\n", "");
    List<String> findings = relative(dir, Check.folder(dir)
        .schemaTs(schemaTs, edited).run());
    assertTrue(findings.get(1).startsWith("../schema.ts:"), findings.toString());
    assertTrue(findings.get(1).contains(": error [schema-ts] is not what the models generate:"
        + " the models generate `"), findings.toString());
    assertTrue(findings.get(1).endsWith("the file has `  title: text('title').notNull(),`. Run"
        + " the build and commit the regenerated schema.ts (it is generated: change the Java"
        + " records, not this file)"), findings.toString());

    Files.delete(schemaTs);
    findings = relative(dir, Check.folder(dir).schemaTs(schemaTs, expected).run());
    assertEquals("../schema.ts: error [schema-ts] is missing, but the models generate a"
        + " schema.ts. Run the build and commit it (or point --schema-file at where the build"
        + " writes it)", findings.get(1));
  }
}
