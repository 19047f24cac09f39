package dev.nanoka.folder;

import static dev.nanoka.folder.Histories.copy;
import static dev.nanoka.folder.Histories.gitMerge;
import static dev.nanoka.folder.Histories.read;
import static dev.nanoka.folder.Histories.users;
import static dev.nanoka.folder.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence of a merge of two branches that both raised the schema version: main at version
 * 1, branch a at version 2 adding {@code phone}, branch b at version 2 adding {@code city}, and
 * the folder as git leaves it after merging b into main (which has a). Each test builds the
 * branches' folders as the processor writes them and merges them as git does.
 */
class BranchCollisionsTest {

  private static final String PHONE = "0001_add_users_phone.sql";
  private static final String CITY = "0001_add_users_city.sql";

  @TempDir Path root;

  private Path base;
  private Path a;
  private Path b;
  private Path merged;

  @BeforeEach
  void branches() {
    base = root.resolve("base");
    a = root.resolve("a");
    b = root.resolve("b");
    merged = root.resolve("merged");
    Histories.write(base, users());
    Histories.write(a, users(), users("phone"));
    Histories.write(b, users(), users("city"));
  }

  /** main's side of meta/ (a's), with b's migration file, which nothing conflicted with. */
  private void mergeTakingOurMeta() {
    copy(a, merged);
    copy(b.resolve(CITY), merged.resolve(CITY));
  }

  // ---- no evidence ----

  @Test
  void aFolderOneHistoryWroteHasNoProblems() {
    Histories.write(merged, users(), users("phone"), users("phone", "city"));
    write(merged.resolve("seed.sql"), "INSERT INTO `users` VALUES (1, 'x', NULL, NULL);");
    write(merged.resolve("0007_later.sql"), "SELECT 1;");

    assertEquals(List.of(), BranchCollisions.find(merged).problems());
    assertEquals(List.of(), BranchCollisions.find(merged, 2).problems());
    assertEquals(List.of(), BranchCollisions.find(merged, 3).problems());
  }

  /** Deleting the current version's migration to have it regenerated is no merge. */
  @Test
  void theCurrentMigrationDeletedIsNoEvidence() throws IOException {
    copy(a, merged);
    Files.delete(merged.resolve(PHONE));

    assertTrue(BranchCollisions.find(merged, 1).isEmpty());
  }

  /** A journal that is damaged without markers is MigrationFolder's to report. */
  @Test
  void aDamagedJournalWithoutMarkersIsNoEvidence() throws IOException {
    copy(a, merged);
    write(merged.resolve("meta/_journal.json"), "{\"entries\": [");
    assertTrue(BranchCollisions.find(merged, 1).isEmpty());

    Files.write(merged.resolve("meta/_journal.json"),
        read(a.resolve("meta/_journal.json")).replace("\"7\"", "\"7\u00e9\"")
            .getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(BranchCollisions.find(merged, 1).isEmpty());
  }

  @Test
  void aFolderThatDoesNotExistHasNoProblems() {
    assertTrue(BranchCollisions.find(root.resolve("none"), 0).isEmpty());
  }

  // ---- two migrations with one number ----

  @Test
  void twoMigrationsWithOneNumber() {
    mergeTakingOurMeta();

    BranchCollisions found = BranchCollisions.find(merged, 1);

    assertEquals(List.of(new FolderProblem(merged.resolve(CITY), "has number 0001, which"
        + " meta/_journal.json gives to 0001_add_users_phone.sql: two branches each wrote a"
        + " migration 0001, and wrangler would apply both")), found.problems());
    String steps = found.resolution(OptionalInt.of(2));
    assertContains(steps,
        "Keep the migrations meta/_journal.json lists (0000_create_users.sql,"
            + " 0001_add_users_phone.sql) byte for byte: they are those of the branch you merged"
            + " into, which may be deployed",
        "\n  1. Write `@Schema(version = 3)`, first: once the steps below are done, nothing"
            + " shows the merge any more, and a compile at version 2 would take"
            + " 0001_add_users_phone.sql for the migration it is iterating on and rewrite it.",
        "\n  2. Delete the other branch's files: `git rm -q -- " + merged.resolve(CITY) + "`",
        "\n  3. Compile: migration 0002 is written from the models, with the other branch's"
            + " changes.",
        "\nA database that applied 0001_add_users_city.sql (the other branch's preview) is then"
            + " refused by `migrate`, which names it.",
        "`nanoka rollback --to 1`", "`nanoka resolve --rolled-back 0001_add_users_city.sql`");
    assertFalse(steps.contains("git checkout"), steps);

    assertContains(BranchCollisions.find(merged, 2).resolution(OptionalInt.of(3)),
        "1. Write `@Schema(version = 3)` (done).");
  }

  /** The developer took b's side of meta/: its journal names city, a's file is the other one. */
  @Test
  void twoMigrationsWithOneNumberAndTheOtherBranchsMeta() {
    copy(b, merged);
    copy(a.resolve(PHONE), merged.resolve(PHONE));

    BranchCollisions found = BranchCollisions.find(merged, 1);

    assertEquals(List.of(new FolderProblem(merged.resolve(PHONE), "has number 0001, which"
        + " meta/_journal.json gives to 0001_add_users_city.sql: two branches each wrote a"
        + " migration 0001, and wrangler would apply both")), found.problems());
    assertContains(found.resolution(OptionalInt.of(2)), "(if they are the other branch's, take"
        + " meta/ from your branch instead and compile again)");
  }

  @Test
  void aListedMigrationGoneWhileAnotherFileHasItsNumber() throws IOException {
    mergeTakingOurMeta();
    Files.delete(merged.resolve(PHONE));

    BranchCollisions found = BranchCollisions.find(merged, 1);

    assertEquals(List.of(new FolderProblem(merged.resolve(CITY), "has number 0001, which"
        + " meta/_journal.json gives to 0001_add_users_phone.sql, and that file is missing: two"
        + " branches each wrote a migration 0001")), found.problems());
    assertContains(found.resolution(OptionalInt.of(2)),
        "2. Restore what the branch you merged into has: `git checkout --ours -- "
            + merged.resolve(PHONE) + "` while the merge is in progress, or `git checkout"
            + " HEAD^1 -- " + merged.resolve(PHONE) + "` right after committing it.",
        "3. Delete the other branch's files: `git rm -q -- " + merged.resolve(CITY) + "`");
  }

  @Test
  void twoFilesWithOneNumberThatTheJournalDoesNotList() {
    copy(base, merged);
    copy(a.resolve(PHONE), merged.resolve(PHONE));
    copy(b.resolve(CITY), merged.resolve(CITY));

    assertEquals(List.of(new FolderProblem(merged.resolve(CITY), "has number 0001, as"
        + " 0001_add_users_phone.sql does, and meta/_journal.json lists none of them: two"
        + " branches each wrote a migration 0001, and wrangler would apply both")),
        BranchCollisions.find(merged).problems());
  }

  /**
   * Branch b went on to version 3. Everything of b the journal to keep does not list goes, down
   * migrations and snapshots included; b's changes all come in one new migration.
   */
  @Test
  void theOtherBranchAhead() {
    Path bAhead = root.resolve("b-ahead");
    Histories.write(bAhead, users(), users("city"), users("city", "zip"));
    write(bAhead.resolve("down/" + CITY), "ALTER TABLE `users` DROP COLUMN `city`;");
    copy(a, merged);
    copy(bAhead.resolve(CITY), merged.resolve(CITY));
    copy(bAhead.resolve("down/" + CITY), merged.resolve("down/" + CITY));
    copy(bAhead.resolve("0002_add_users_zip.sql"), merged.resolve("0002_add_users_zip.sql"));
    copy(bAhead.resolve("meta/0002_snapshot.json"), merged.resolve("meta/0002_snapshot.json"));

    BranchCollisions found = BranchCollisions.find(merged, 1);

    assertEquals(List.of(merged.resolve(CITY)),
        found.problems().stream().map(FolderProblem::file).toList());
    assertContains(found.resolution(OptionalInt.of(3)),
        "1. Write `@Schema(version = 3)` (done).",
        "Delete the other branch's files: `git rm -q -- " + merged.resolve(CITY) + " "
            + merged.resolve("down/" + CITY) + " " + merged.resolve("0002_add_users_zip.sql")
            + " " + merged.resolve("meta/0002_snapshot.json") + "`",
        "A database that applied 0001_add_users_city.sql, 0002_add_users_zip.sql (the other"
            + " branch's preview) is then refused by `migrate`, which names them.");
  }

  /** A file the journal does not list has the number of the migration the compile adds. */
  @Test
  void theNumberOfTheMigrationBeingAddedIsTaken() {
    copy(base, merged);
    Path seed = write(merged.resolve("0001_seed_data.sql"), "INSERT INTO `users` VALUES (1, 'x');");

    assertTrue(BranchCollisions.find(merged).isEmpty());
    assertTrue(BranchCollisions.find(merged, 0).isEmpty(), "version 1 iterates on 0000");
    BranchCollisions found = BranchCollisions.find(merged, 1);
    assertEquals(List.of(new FolderProblem(seed, "is not listed in meta/_journal.json and has"
        + " number 0001, the number of the migration schema version 2 starts: written, it would"
        + " be a second migration 0001")), found.problems());
    assertContains(found.resolution(OptionalInt.of(2)), "1. Write `@Schema(version = 2)` (done).",
        "2. Delete the other branch's files: `git rm -q -- " + seed + "`",
        "3. Compile: migration 0001 is written");
  }

  // ---- conflict markers ----

  /** git merged the journals and the snapshots and left both sides; the developer added all. */
  private void mergeLeavingMarkers(boolean diff3, boolean crlf) {
    copy(a, merged);
    copy(b.resolve(CITY), merged.resolve(CITY));
    for (String file : List.of("meta/_journal.json", "meta/0001_snapshot.json")) {
      String baseText = Files.exists(base.resolve(file)) ? read(base.resolve(file)) : "";
      String text = gitMerge(read(a.resolve(file)), baseText, read(b.resolve(file)), diff3);
      write(merged.resolve(file), crlf ? text.replace("\n", "\r\n") : text);
    }
  }

  @Test
  void aJournalAndSnapshotWithConflictMarkers() {
    mergeLeavingMarkers(false, false);

    BranchCollisions found = BranchCollisions.find(merged, 1);

    int line = lineOf(read(merged.resolve("meta/_journal.json")), "<<<<<<< HEAD");
    int snapshotLine = lineOf(read(merged.resolve("meta/0001_snapshot.json")), "<<<<<<< HEAD");
    assertEquals(List.of(
        new FolderProblem(merged.resolve("meta/_journal.json"), "has git conflict markers"
            + " (line " + line + ": <<<<<<< HEAD): both branches' versions of it are in the file"),
        new FolderProblem(merged.resolve("meta/0001_snapshot.json"), "has git conflict markers"
            + " (line " + snapshotLine + ": <<<<<<< HEAD): both branches' versions of it are in"
            + " the file"),
        new FolderProblem(merged.resolve(CITY), "has number 0001, which meta/_journal.json gives"
            + " to 0001_add_users_phone.sql: two branches each wrote a migration 0001, and"
            + " wrangler would apply both")), found.problems());
    // the journal to keep is the side of the branch merged into: a's
    assertContains(found.resolution(OptionalInt.of(2)),
        "Keep the migrations meta/_journal.json lists (0000_create_users.sql,"
            + " 0001_add_users_phone.sql)",
        "1. Write `@Schema(version = 3)`, first",
        "2. Restore what the branch you merged into has: `git checkout --ours -- "
            + merged.resolve("meta") + "` while the merge is in progress",
        "3. Delete the other branch's files: `git rm -q -- " + merged.resolve(CITY) + "`");
  }

  @Test
  void conflictMarkersWithCrlfLineEndingsAndTheBase() {
    mergeLeavingMarkers(true, true);

    BranchCollisions found = BranchCollisions.find(merged, 1);

    assertEquals(3, found.problems().size(), found.problems().toString());
    assertTrue(found.problems().get(0).text().contains(": <<<<<<< HEAD): "),
        found.problems().get(0).text());
    assertContains(found.resolution(OptionalInt.of(2)), "0001_add_users_phone.sql) byte for byte",
        "`@Schema(version = 3)`");
  }

  /**
   * Markers that do not pair up tell no side: meta/ comes back first, then the compile says
   * more.
   */
  @Test
  void conflictMarkersThatDoNotPairUp() {
    mergeLeavingMarkers(false, false);
    Path journal = merged.resolve("meta/_journal.json");
    write(journal, read(journal).replace(">>>>>>> b\n", ""));

    BranchCollisions found = BranchCollisions.find(merged, 1);

    assertEquals(merged.resolve("meta/_journal.json"), found.problems().get(0).file());
    assertEquals("Keep the migrations of the branch you merged into byte for byte (they may be"
        + " deployed); the other branch's changes then go in a new migration. First restore"
        + " meta/ as that branch has it: `git checkout --ours -- " + merged.resolve("meta")
        + "` while the merge is in progress, or `git checkout HEAD^1 -- " + merged.resolve("meta")
        + "` right after committing it. Then compile again: this message then names the version"
        + " to write and the files to delete.", found.resolution(OptionalInt.of(2)));
  }

  /** Both branches edited the same migration (b added a backfill): git leaves both edits. */
  @Test
  void aMigrationWithConflictMarkers() {
    Path bEdited = root.resolve("b-edited");
    copy(a, bEdited);
    String generated = read(a.resolve(PHONE));
    write(bEdited.resolve(PHONE), generated
        + "--> statement-breakpoint\nUPDATE `users` SET `phone` = '';");
    copy(a, merged);
    write(merged.resolve(PHONE), gitMerge(generated
        + "--> statement-breakpoint\nUPDATE `users` SET `phone` = 'n/a';", generated,
        read(bEdited.resolve(PHONE)), false));
    write(merged.resolve("down/" + PHONE), "<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> b\n");

    BranchCollisions found = BranchCollisions.find(merged, 1);

    assertEquals(List.of(merged.resolve(PHONE), merged.resolve("down/" + PHONE)),
        found.problems().stream().map(FolderProblem::file).toList());
    assertContains(found.resolution(OptionalInt.of(2)), "`git checkout --ours -- "
        + merged.resolve(PHONE) + " " + merged.resolve("down/" + PHONE) + "`");
  }

  /** A line of equals signs is a marker only alone on its line. */
  @Test
  void textThatOnlyLooksLikeMarkersIsNone() {
    copy(a, merged);
    write(merged.resolve(PHONE), read(a.resolve(PHONE))
        + "\n-- ======= not a marker\n-- <<<<<<< nor this\n--<<<<<<<\n<<<<<<<<x");

    assertTrue(BranchCollisions.find(merged, 1).isEmpty());
  }

  // ---- the snapshot chain ----

  /**
   * b went on to version 3; the developer took b's journal and its snapshot 0002, but a's
   * snapshot 0001, and b's migration files: every file's number matches, the chain does not.
   */
  @Test
  void aSnapshotChainFromTwoBranches() {
    Histories.write(merged, users(), users("city"), users("city", "zip"));
    String bId = SnapshotId.of(merged.resolve("meta/0001_snapshot.json"));
    write(merged.resolve("meta/0001_snapshot.json"), read(a.resolve("meta/0001_snapshot.json")));
    String aId = SnapshotId.of(merged.resolve("meta/0001_snapshot.json"));

    BranchCollisions found = BranchCollisions.find(merged, 2);

    assertEquals(List.of(new FolderProblem(merged.resolve("meta/0002_snapshot.json"), "has prevId "
        + bId + ", but meta/0001_snapshot.json, the snapshot before it, has id " + aId + ": the"
        + " snapshots come from two histories (a merge took one branch's side of some files of"
        + " meta/ and the other's of others)")), found.problems());
    assertContains(found.resolution(OptionalInt.of(3)), "1. Write `@Schema(version = 4)`",
        "`git checkout --ours -- " + merged.resolve("meta") + "`");
  }

  // ---- hostile names ----

  @Test
  void pathsInCommandsAreQuotedForTheShell() {
    Path odd = root.resolve("it's a \"drizzle\" dir");
    copy(a, odd);
    copy(b.resolve(CITY), odd.resolve(CITY));

    String steps = BranchCollisions.find(odd, 1).resolution(OptionalInt.of(2));

    assertContains(steps, "`git rm -q -- '" + odd.toString().replace("'", "'\\''") + "/" + CITY
        + "'`");
  }

  // ---- helpers ----

  private static void assertContains(String text, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(text.contains(fragment), "expected\n" + fragment + "\nin\n" + text);
    }
  }

  private static int lineOf(String text, String line) {
    List<String> lines = text.lines().toList();
    assertTrue(lines.contains(line), text);
    return lines.indexOf(line) + 1;
  }

  /** A snapshot's id, read as the folder reads it. */
  private static final class SnapshotId {
    static String of(Path file) {
      try {
        return SnapshotJson.read(file, read(file), false).id();
      } catch (MigrationFolderException e) {
        throw new AssertionError(e);
      }
    }
  }
}
