package dev.nanoka.review;

import static dev.nanoka.review.CheckRuns.checkWithModels;
import static dev.nanoka.review.CheckRuns.relative;
import static dev.nanoka.review.CheckRuns.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.folder.MigrationFolderException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Check} over copies of the blog example's folder broken the ways merges and editors
 * break them: every problem is found, each said once, at its file and line.
 */
class CheckBrokenFolderTest {

  @TempDir
  Path temp;

  private static final String JOURNAL = "meta/_journal.json";
  private static final String ADD_DISPLAY_NAME = "0001_add_users_displayname.sql";

  // ------------------------------------------------------------------ what merges leave

  @Test
  void twoMigrationsWithTheSameNumber() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    Files.writeString(dir.resolve("0001_add_posts_subtitle.sql"),
        "ALTER TABLE `posts` ADD `subtitle` text;");

    List<String> findings = relative(dir, checkWithModels(dir));

    assertTrue(findings.contains("0001_add_users_displayname.sql: error [duplicate-number] has"
        + " the number of 0001_add_posts_subtitle.sql: two branches each added a migration"
        + " 0001 (the steps: [branch-merge])"), findings.toString());
    // one problem, said once at the file (not also as a stray file), and once with the steps
    // the build's [NanokaMigrationCollision] gives
    assertEquals(List.of("[duplicate-number]", "[branch-merge]"), findings.stream()
        .filter(f -> f.contains("error"))
        .map(f -> f.substring(f.indexOf('['), f.indexOf(']') + 1)).toList(),
        findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.startsWith(JOURNAL + ": error [branch-merge]"
        + " Two branches' migrations are in this folder (0001_add_posts_subtitle.sql ")
        && f.contains("git rm")), findings.toString());
  }

  @Test
  void conflictMarkersInTheJournalAndASnapshot() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    MigrationFolders.replace(dir.resolve(JOURNAL), "    {\n      \"idx\": 1,",
        "<<<<<<< HEAD\n    {\n      \"idx\": 1,");
    MigrationFolders.replace(dir.resolve(JOURNAL), "\"tag\": \"0001_add_users_displayname\",",
        "\"tag\": \"0001_add_users_displayname\",\n=======\n      \"tag\": \"0001_add_posts\",\n"
            + ">>>>>>> feature");
    Path snapshot = dir.resolve("meta/0001_snapshot.json");
    MigrationFolders.replace(snapshot, "  \"id\": ", "<<<<<<< ours\n  \"id\": \"x\",\n=======\n"
        + "  \"id\": ");
    MigrationFolders.replace(snapshot, "  \"prevId\": ", ">>>>>>> theirs\n  \"prevId\": ");

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals(List.of(
        JOURNAL + ":12: error [conflict-marker] holds git conflict markers: a merge was"
            + " committed unresolved (the steps: [branch-merge])"), findings.subList(0, 1));
    // no JSON error on top; without the journal only the files' text is checked, which names
    // every conflicted file at once
    assertEquals(List.of(JOURNAL + ":12: error [conflict-marker]",
            "meta/0001_snapshot.json:4: error [conflict-marker]",
            JOURNAL + ": error [branch-merge]"),
        findings.stream().map(f -> f.substring(0, f.indexOf(']') + 1)).toList());

    // The journal resolved, the snapshot not yet: its conflict is found, and nothing is replayed
    // past it.
    Files.copy(MigrationFolders.BLOG.resolve("migrations").resolve(JOURNAL),
        dir.resolve(JOURNAL), StandardCopyOption.REPLACE_EXISTING);
    findings = relative(dir, checkWithModels(dir));
    assertEquals(List.of(
        ADD_DISPLAY_NAME + ":4: info [checksum] was edited by hand, as this line declares",
        "meta/0001_snapshot.json:4: error [conflict-marker] holds git conflict"
            + " markers: a merge was committed unresolved (the steps: [branch-merge])"),
        sorted(findings).stream().filter(f -> !f.contains("error [branch-merge]")).toList());
  }

  @Test
  void aConflictMarkerInAMigration() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    MigrationFolders.replace(dir.resolve(ADD_DISPLAY_NAME), "UPDATE",
        "<<<<<<< HEAD\nUPDATE");
    Files.writeString(dir.resolve(ADD_DISPLAY_NAME),
        MigrationFolders.read(dir.resolve(ADD_DISPLAY_NAME)) + "\n=======\n>>>>>>> b\n");

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals(2, findings.size(), findings.toString());
    assertTrue(findings.get(0).startsWith(ADD_DISPLAY_NAME + ":5: error [conflict-marker]"),
        findings.toString());
    assertTrue(findings.get(1).startsWith(JOURNAL + ": error [branch-merge]"),
        findings.toString());
  }

  @Test
  void aBrokenSnapshotChain() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    String first = MigrationFolders.read(dir.resolve("meta/0000_snapshot.json"));
    String id = first.substring(first.indexOf("\"id\": \"") + 7).substring(0, 36);
    MigrationFolders.replace(dir.resolve("meta/0001_snapshot.json"), "\"prevId\": \"" + id,
        "\"prevId\": \"11111111-2222-3333-4444-555555555555");

    List<String> findings = relative(dir, checkWithModels(dir));

    assertTrue(findings.contains("meta/0001_snapshot.json: error [snapshot-chain] has prevId"
        + " 11111111-2222-3333-4444-555555555555, but the snapshot before it has id " + id
        + ": the history is out of order, or a snapshot was replaced (often by a merge)."
        + " Restore the snapshots from one branch and build"), findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.startsWith(JOURNAL + ": error [branch-merge]")),
        findings.toString());
    assertEquals(3, findings.size(), findings.toString());
  }

  @Test
  void everyJournalProblemIsListed() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    MigrationFolders.replace(dir.resolve(JOURNAL), "1700000001000", "1700000000000");
    MigrationFolders.replace(dir.resolve(JOURNAL), "\"tag\": \"0001_add_users_displayname\"",
        "\"tag\": \"0002_add_users_displayname\"");
    Files.move(dir.resolve(ADD_DISPLAY_NAME), dir.resolve("0002_add_users_displayname.sql"));

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals(List.of(
        JOURNAL + ": error [journal] entry 1 has tag \"0002_add_users_displayname\", which does"
            + " not start with 0001_",
        JOURNAL + ": error [journal] entry 0002_add_users_displayname has \"when\" 1700000000000,"
            + " not later than the entry before; drizzle-orm would skip it"),
        findings.subList(0, 2));
  }

  // ------------------------------------------------------------------ missing and stray files

  @Test
  void missingFiles() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    Files.delete(dir.resolve(ADD_DISPLAY_NAME));
    Files.delete(dir.resolve("meta/0000_snapshot.json"));

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals(List.of(
        "meta/0000_snapshot.json: error [missing-file] is missing for migration"
            + " 0000_create_users_posts_tags_post_tags. Restore it from version control (or, for"
            + " the current version's migration, build)",
        ADD_DISPLAY_NAME + ": error [missing-file] is listed in meta/_journal.json (entry 1) but"
            + " missing. Build to regenerate it if it is the current version's migration;"
            + " otherwise restore it from version control"), findings);
  }

  @Test
  void aMissingJournal() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    Files.delete(dir.resolve(JOURNAL));

    assertEquals(List.of(JOURNAL + ": error [missing-file] is missing, but the folder holds"
        + " migrations. Restore it from version control; without it neither drizzle-kit nor"
        + " Nanoka knows their order"), relative(dir, checkWithModels(dir)));
  }

  @Test
  void strayFiles() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    Files.writeString(dir.resolve("seed.sql"), "INSERT INTO `tags` (`name`) VALUES ('x');");
    Files.writeString(dir.resolve("meta/0002_snapshot.json"), "{}");
    Files.writeString(dir.resolve("meta/_journal.json.orig"), "{}");
    Files.writeString(dir.resolve("README.md"), "Generated by Nanoka.");

    List<String> findings = relative(dir, checkWithModels(dir));

    assertEquals(List.of(
        ADD_DISPLAY_NAME + ":4: info [checksum] was edited by hand, as this line declares",
        "meta/0002_snapshot.json: error [stray-file] is a snapshot meta/_journal.json does not"
            + " list: the build refuses the folder. Delete it, or restore the journal entry it"
            + " belongs to",
        "meta/_journal.json.orig: warning [stray-file] is not part of a drizzle-kit migrations"
            + " folder (meta/ holds _journal.json and NNNN_snapshot.json). Delete it",
        "seed.sql: error [stray-file] is not listed in meta/_journal.json: wrangler would apply"
            + " it, drizzle-orm's migrator and Nanoka's build ignore it. Delete it, or if it is a"
            + " migration you wrote, put its statements in the current version's migration"),
        sorted(findings));
  }

  @Test
  void aFileThatIsNotUtf8() throws Exception {
    Path dir = MigrationFolders.copyBlog(temp);
    byte[] latin1 = "-- caf\u00e9\nSELECT 1;".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve(ADD_DISPLAY_NAME), latin1);

    List<String> findings = relative(dir, checkWithModels(dir));

    assertTrue(findings.get(0).startsWith(ADD_DISPLAY_NAME + ": error [encoding] not UTF-8:"
        + " byte 0xE9 at offset 6 (line 1)"), findings.toString());
    assertEquals(1, findings.size(), findings.toString());
  }

  @Test
  void aFolderThatDoesNotExistCannotBeChecked() {
    MigrationFolderException e = assertThrows(MigrationFolderException.class,
        () -> Check.folder(temp.resolve("nowhere")).run());
    assertTrue(e.getMessage().startsWith("does not exist"), e.getMessage());
  }
}
