package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.errorCount;
import static dev.nanoka.processor.NotesFixtures.note;
import static dev.nanoka.processor.NotesFixtures.schema;
import static dev.nanoka.processor.NotesFixtures.sqlOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two branches raise the schema version at once: main is at version 1 (notes with a body),
 * branch a adds {@code title} at version 2, branch b adds {@code color} at version 2, and main
 * merges a, then b. Each branch's folder is written by the processor in a project of its own,
 * then merged as git leaves it. The compile after the merge fails at {@code @Schema(version)}
 * with {@code [NanokaMigrationCollision]} and writes nothing, whatever the evidence; the steps it
 * names end in a's migration byte for byte and b's change in the next one. Iterating on one
 * version still rewrites its migration.
 */
class MigrationCollisionTest {

  private static final String TITLE = "0001_add_notes_title";
  private static final String COLOR = "0001_add_notes_color";
  private static final JavaFileObject BOTH = note("String body",
      "@Field(nullable = true) String title", "@Field(nullable = true) String color");

  @TempDir Path root;

  private MigrationProject main;
  private MigrationProject a;
  private MigrationProject b;

  @BeforeEach
  void branches() {
    main = new MigrationProject(root.resolve("main"));
    main.compileClean(schema(1), note("String body"));
    a = new MigrationProject(root.resolve("a"));
    copy(main.dir(), a.dir());
    a.compileClean(schema(2), note("String body", "@Field(nullable = true) String title"));
    b = new MigrationProject(root.resolve("b"));
    copy(main.dir(), b.dir());
    b.compileClean(schema(2), note("String body", "@Field(nullable = true) String color"));
  }

  /** main after merging a, then b, keeping main's side of meta/ (as the it-test does). */
  private MigrationProject merged() {
    MigrationProject merged = new MigrationProject(root.resolve("merged"));
    copy(a.dir(), merged.dir());
    copy(b.sql(COLOR), merged.sql(COLOR));
    return merged;
  }

  /** Compiles at the version with both columns; asserts the error and that nothing changed. */
  private Result assertRefused(MigrationProject project, int version, String... fragments) {
    project.age();
    Map<String, String> before = project.files();
    JavaFileObject schema = schema(version);

    Result result = project.compile(schema, BOTH);

    assertThat(result.compilation()).failed();
    List<String> all = new ArrayList<>(List.of(project.migrations() + " holds the migrations of"
        + " two branches, as a git merge leaves them; building on it would rewrite or replace a"
        + " migration one of them may have deployed, so nothing was written:"));
    all.addAll(List.of(fragments));
    assertErrorAtValue(result, Message.MIGRATION_COLLISION, schema, "version = " + version,
        String.valueOf(version), all.toArray(String[]::new));
    assertEquals(1, errorCount(result, Message.MIGRATION_COLLISION));
    assertEquals(1, result.compilation().errors().size(), "no other error follows from it");
    project.assertNothingChanged(before);
    return result;
  }

  // ---- two migrations with one number ----

  /**
   * The scenario of the issue, and the steps the error names: raise the version first (the
   * compile still refuses), then delete b's file; the next compile writes b's change as 0002.
   */
  @Test
  void twoMigrationsWithOneNumberAndTheStepsThatResolveIt() throws IOException {
    MigrationProject merged = merged();
    byte[] deployedByA = Files.readAllBytes(merged.sql(TITLE));

    assertRefused(merged, 2,
        COLOR + ".sql has number 0001, which meta/_journal.json gives to " + TITLE + ".sql: two"
            + " branches each wrote a migration 0001, and wrangler would apply both",
        "Keep the migrations meta/_journal.json lists (0000_create_notes.sql, " + TITLE
            + ".sql) byte for byte",
        "1. Write `@Schema(version = 3)`, first",
        "a compile at version 2 would take " + TITLE + ".sql for the migration it is iterating on"
            + " and rewrite it.",
        "2. Delete the other branch's files: `git rm -q -- " + merged.sql(COLOR) + "`",
        "3. Compile: migration 0002 is written from the models, with the other branch's"
            + " changes.",
        "A database that applied " + COLOR + ".sql (the other branch's preview) is then refused"
            + " by `migrate`");

    assertRefused(merged, 3, "1. Write `@Schema(version = 3)` (done).",
        "2. Delete the other branch's files: `git rm -q -- " + merged.sql(COLOR) + "`");

    Files.delete(merged.sql(COLOR));
    merged.compileClean(schema(3), BOTH);

    assertArrayEquals(deployedByA, Files.readAllBytes(merged.sql(TITLE)));
    assertEquals(Map.of("0002_add_notes_color.sql", "ALTER TABLE `notes` ADD `color` text;"),
        sqlOf(merged, 2));
    assertEquals(List.of("0000_create_notes.sql", TITLE + ".sql", "0002_add_notes_color.sql",
        "down/0000_create_notes.sql", "down/" + TITLE + ".sql", "down/0002_add_notes_color.sql",
        "meta/0000_snapshot.json", "meta/0001_snapshot.json", "meta/0002_snapshot.json",
        "meta/_journal.json"), List.copyOf(merged.migrationFiles().keySet()));
  }

  /** The developer took b's side of meta/: its journal lists b's file, and a's is the other. */
  @Test
  void twoMigrationsWithOneNumberAndTheOtherBranchsMeta() {
    MigrationProject merged = new MigrationProject(root.resolve("merged"));
    copy(b.dir(), merged.dir());
    copy(a.sql(TITLE), merged.sql(TITLE));

    assertRefused(merged, 2, TITLE + ".sql has number 0001, which meta/_journal.json gives to "
        + COLOR + ".sql", "take meta/ from your branch instead and compile again");
  }

  @Test
  void aListedMigrationGoneWhileAnotherFileHasItsNumber() throws IOException {
    MigrationProject merged = merged();
    Files.delete(merged.sql(TITLE));

    assertRefused(merged, 2, COLOR + ".sql has number 0001, which meta/_journal.json gives to "
        + TITLE + ".sql, and that file is missing",
        "Restore what the branch you merged into has: `git checkout --ours -- "
            + merged.sql(TITLE) + "`");
  }

  /**
   * A file the journal does not list has the number the next version's migration gets: the
   * compile that raises the version refuses to write a second one. At the version before, it is
   * only the stray file it was.
   */
  @Test
  void theNumberOfTheMigrationBeingAddedIsTaken() {
    Path seed = main.migrations().resolve("0001_seed_data.sql");
    MigrationProject.write(seed, "INSERT INTO `notes` VALUES ('1', 'hello');");
    assertThat(main.compile(schema(1), note("String body")).compilation()).succeeded();

    main.age();
    Map<String, String> before = main.files();
    JavaFileObject schema = schema(2);
    Result result = main.compile(schema, BOTH);

    assertErrorAtValue(result, Message.MIGRATION_COLLISION, schema, "version = 2", "2",
        "0001_seed_data.sql is not listed in meta/_journal.json and has number 0001, the number"
            + " of the migration schema version 2 starts: written, it would be a second"
            + " migration 0001", "1. Write `@Schema(version = 2)` (done).");
    main.assertNothingChanged(before);
  }

  // ---- conflict markers ----

  /** git's merge of a's and b's journal and snapshot 0001, committed as it left them. */
  private MigrationProject mergedWithMarkers(boolean crlf) {
    MigrationProject merged = merged();
    for (String file : List.of("meta/_journal.json", "meta/0001_snapshot.json")) {
      Path base = main.migrations().resolve(file);
      String text = gitMerge(MigrationProject.read(a.migrations().resolve(file)),
          Files.exists(base) ? MigrationProject.read(base) : "",
          MigrationProject.read(b.migrations().resolve(file)));
      MigrationProject.write(merged.migrations().resolve(file),
          crlf ? text.replace("\n", "\r\n") : text);
    }
    return merged;
  }

  @Test
  void aJournalAndSnapshotWithConflictMarkers() {
    MigrationProject merged = mergedWithMarkers(false);

    assertRefused(merged, 2,
        "meta/_journal.json has git conflict markers (line ",
        ": <<<<<<< HEAD): both branches' versions of it are in the file",
        "meta/0001_snapshot.json has git conflict markers (line ",
        COLOR + ".sql has number 0001, which meta/_journal.json gives to " + TITLE + ".sql",
        "Keep the migrations meta/_journal.json lists (0000_create_notes.sql, " + TITLE
            + ".sql)",
        "Restore what the branch you merged into has: `git checkout --ours -- "
            + merged.migrations().resolve("meta") + "` while the merge is in progress, or `git"
            + " checkout HEAD^1 -- " + merged.migrations().resolve("meta") + "` right after"
            + " committing it.");
  }

  @Test
  void conflictMarkersWithCrlfLineEndings() {
    MigrationProject merged = mergedWithMarkers(true);

    Result result = assertRefused(merged, 2,
        "meta/_journal.json has git conflict markers (line ", ": <<<<<<< HEAD): both");
    assertFalse(result.compilation().errors().get(0).getMessage(null).contains("\r"));
  }

  /** Both branches edited a's migration (b added a backfill); the merge left both edits. */
  @Test
  void aMigrationWithConflictMarkers() {
    MigrationProject merged = new MigrationProject(root.resolve("merged"));
    copy(a.dir(), merged.dir());
    String generated = MigrationProject.read(a.sql(TITLE));
    MigrationProject.write(merged.sql(TITLE), gitMerge(
        generated + "--> statement-breakpoint\nUPDATE `notes` SET `title` = 'a';", generated,
        generated + "--> statement-breakpoint\nUPDATE `notes` SET `title` = 'b';"));

    assertRefused(merged, 2, TITLE + ".sql has git conflict markers (line 3: <<<<<<< HEAD)",
        "`git checkout --ours -- " + merged.sql(TITLE) + "`");
  }

  // ---- the snapshot chain ----

  /**
   * b went on to version 3 (color, then tags). The developer took b's journal, files and snapshot
   * 0002, but a's snapshot 0001: every file is listed, only the chain shows two histories.
   */
  @Test
  void aSnapshotChainFromTwoBranches() {
    b.compileClean(schema(3), note("String body", "@Field(nullable = true) String color",
        "@Field(nullable = true) String tags"));
    MigrationProject merged = new MigrationProject(root.resolve("merged"));
    copy(b.dir(), merged.dir());
    MigrationProject.write(merged.snapshot(1), MigrationProject.read(a.snapshot(1)));

    assertRefused(merged, 3, "meta/0002_snapshot.json has prevId ",
        "but meta/0001_snapshot.json, the snapshot before it, has id ",
        "the snapshots come from two histories",
        "1. Write `@Schema(version = 4)`");
  }

  // ---- one history ----

  /** Iterating on the current version rewrites its migration, renamed, every compile. */
  @Test
  void iteratingOnTheCurrentVersionStillRewritesItsMigration() {
    a.compileClean(schema(2), BOTH);

    assertFalse(Files.exists(a.sql(TITLE)));
    assertEquals(Map.of("0001_add_notes_title_add_notes_color.sql", """
        ALTER TABLE `notes` ADD `title` text;--> statement-breakpoint
        ALTER TABLE `notes` ADD `color` text;"""), sqlOf(a, 1));

    a.compileClean(schema(2), note("String body", "@Field(nullable = true) String color"));
    assertEquals(Map.of(COLOR + ".sql", "ALTER TABLE `notes` ADD `color` text;"), sqlOf(a, 1));
    assertTrue(a.migrationFiles().keySet().stream().noneMatch(f -> f.contains("title")));
  }

  // ---- helpers ----

  /** Copies a file, or a folder and everything in it. */
  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (!Files.isDirectory(file)) {
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What git leaves when it merges {@code theirs} (branch b) into {@code ours} (HEAD) from
   * {@code base}: {@code git merge-file}, which a merge runs for each file both sides changed.
   */
  private String gitMerge(String ours, String base, String theirs) {
    Path work = root.resolve("git-merge-" + System.nanoTime());
    try {
      Files.createDirectories(work);
      Files.writeString(work.resolve("ours"), ours);
      Files.writeString(work.resolve("base"), base);
      Files.writeString(work.resolve("theirs"), theirs);
      Process git = new ProcessBuilder("git", "merge-file", "-p", "-L", "HEAD", "-L", "base",
          "-L", "b", "ours", "base", "theirs").directory(work.toFile()).start();
      String merged = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      git.getErrorStream().readAllBytes();
      int conflicts = git.waitFor();
      assertTrue(conflicts > 0, "git merge-file found no conflict");
      return merged;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
