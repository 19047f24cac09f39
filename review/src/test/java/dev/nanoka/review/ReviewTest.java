package dev.nanoka.review;

import static dev.nanoka.core.testing.Schemas.edit;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.testing.TableBuilder;
import dev.nanoka.folder.SnapshotJson;
import dev.nanoka.review.ReviewGoldenTest.Git;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a review says about real folders: renames, hand edits, odd files, and its bases. */
class ReviewTest {

  @TempDir
  Path temp;

  private static final DatabaseSchema USERS =
      schema(table("users").id().text("email").nullableText("fullName").build());
  private static final DatabaseSchema RENAMED = edit(USERS, "users",
      t -> TableBuilder.of(t).replace("fullName", c -> c.name("displayName")).build());
  private static final RenameHints RENAME = new RenameHints(Map.of(),
      Map.of("users", Map.of("displayName", "fullName")), Set.of(), Map.of());

  private Path twoVersions(DatabaseSchema second, RenameHints hints) throws Exception {
    Path dir = temp.resolve("drizzle").resolve("migrations");
    FolderWriter folder = new FolderWriter(dir);
    folder.version(USERS);
    return folder.version(second, hints);
  }

  private static MigrationReview last(ReviewReport report) {
    return report.migrations().get(report.migrations().size() - 1);
  }

  private static List<String> texts(MigrationReview review) {
    return review.changes().stream().map(ReviewedChange::text).toList();
  }

  @Test
  void aDeclaredRenameIsReadFromTheSnapshot() throws Exception {
    Path file = twoVersions(RENAMED, RENAME);

    MigrationReview review = last(Review.of(file.getParent(), ReviewBase.none()));
    assertEquals(List.of("Renames column `users`.`fullName` to `displayName` (declared)"),
        texts(review));
    assertEquals(List.of(), review.findings());
    assertEquals(MigrationReview.Origin.GENERATED, review.origin());
  }

  @Test
  void oddNamesSurviveTheRoundTripThroughMeta() throws Exception {
    DatabaseSchema before = schema(table("order items").id().nullableText("a.b")
        .nullableText("we\"ird`").build());
    DatabaseSchema after = edit(before, "order items", t -> TableBuilder.of(t)
        .replace("a.b", c -> c.name("c.d")).replace("we\"ird`", c -> c.name("plain")).build());
    Path dir = temp.resolve("odd");
    FolderWriter folder = new FolderWriter(dir);
    folder.version(before);
    folder.version(after, new RenameHints(Map.of(),
        Map.of("order items", Map.of("c.d", "a.b", "plain", "we\"ird`")), Set.of(), Map.of()));

    MigrationReview review = last(Review.of(dir, ReviewBase.none()));
    assertEquals(List.of("Renames column `order items`.`a.b` to `c.d` (declared)",
        "Renames column `order items`.`we\"ird``` to `plain` (declared)"), texts(review));
    assertEquals(List.of(), review.findings());

    // The same from the SQL, when the snapshot records no rename.
    Path snapshot = dir.resolve("meta/0001_snapshot.json");
    String prevId = SnapshotJson.read(snapshot, Files.readString(snapshot), false).prevId();
    Files.writeString(snapshot, SnapshotJson.write(after, prevId));
    assertEquals(texts(review), texts(last(Review.of(dir, ReviewBase.none()))));
  }

  @Test
  void aSnapshotWithoutRenamesFallsBackToTheFilesRenameStatements() throws Exception {
    Path file = twoVersions(RENAMED, RENAME);
    // As Nanoka wrote snapshots before it recorded renames: _meta empty.
    Path snapshot = file.getParent().resolve("meta/0001_snapshot.json");
    String prevId = SnapshotJson.read(snapshot, Files.readString(snapshot), false).prevId();
    Files.writeString(snapshot, SnapshotJson.write(RENAMED, prevId));

    MigrationReview review = last(Review.of(file.getParent(), ReviewBase.none()));
    assertEquals(List.of("Renames column `users`.`fullName` to `displayName` (declared)"),
        texts(review));
    assertEquals(List.of(), review.findings(), "no drop, no hand edit");
  }

  @Test
  void crlfLineEndingsAreNoHandEdit() throws Exception {
    Path file = twoVersions(edit(USERS, "users",
        t -> TableBuilder.of(t).replace("fullName", c -> c.notNull().defaultText("")).build()),
        RenameHints.NONE);
    String lf = Files.readString(file);
    Files.writeString(file, lf.replace("\n", "\r\n"));

    MigrationReview review = last(Review.of(file.getParent(), ReviewBase.none()));
    assertEquals(MigrationReview.Origin.GENERATED, review.origin());
    assertTrue(review.handEdit().isEmpty());
    Finding filled = review.findings().get(0);
    assertEquals("nulls-filled", filled.rule());
    // The same line as in the LF file.
    int lfLine = List.of(lf.split("\n")).indexOf(
        "-- Data loss: makes users.fullName NOT NULL; rows holding NULL there get its default ''")
        + 1;
    assertEquals(lfLine, filled.line().orElseThrow());
  }

  @Test
  void aHandEditThatReplacesGeneratedLinesShowsBoth() throws Exception {
    Path file = twoVersions(edit(USERS, "users",
        t -> TableBuilder.of(t).nullableText("bio").build()), RenameHints.NONE);
    String text = Files.readString(file);
    Files.writeString(file, text.replace("ALTER TABLE `users` ADD `bio` text;",
        "ALTER TABLE `users` ADD `bio` text DEFAULT '';"));

    MigrationReview review = last(Review.of(file.getParent(), ReviewBase.none()));
    assertEquals(MigrationReview.Origin.EDITED, review.origin());
    HandEdit edit = review.handEdit().orElseThrow();
    assertTrue(edit.exact());
    assertEquals(List.of(new HandEdit.Hunk(2, List.of("ALTER TABLE `users` ADD `bio` text;"),
        List.of("ALTER TABLE `users` ADD `bio` text DEFAULT '';"))), edit.hunks());
    String markdown = ReviewFormat.MARKDOWN.render(Review.of(file.getParent(),
        ReviewBase.none()));
    assertTrue(markdown.contains("""
        ```diff
        @@ line 2 @@
        -ALTER TABLE `users` ADD `bio` text;
        +ALTER TABLE `users` ADD `bio` text DEFAULT '';
        ```
        """), markdown);
  }

  @Test
  void aFinalNewlineAnEditorAddedIsABlankEdit() throws Exception {
    Path file = twoVersions(edit(USERS, "users",
        t -> TableBuilder.of(t).nullableText("bio").build()), RenameHints.NONE);
    Files.writeString(file, Files.readString(file) + "\n");

    MigrationReview review = last(Review.of(file.getParent(), ReviewBase.none()));
    assertEquals(MigrationReview.Origin.EDITED, review.origin());
    assertEquals(1, review.findings().size(), review.findings().toString());
    assertTrue(review.findings().get(0).message().contains("only blank lines differ"));
  }

  @Test
  void conflictMarkersShowAsHandWrittenLines() throws Exception {
    Path file = twoVersions(edit(USERS, "users",
        t -> TableBuilder.of(t).nullableText("bio").build()), RenameHints.NONE);
    String text = Files.readString(file);
    Files.writeString(file, text.replace("ALTER TABLE `users` ADD `bio` text;",
        "<<<<<<< HEAD\nALTER TABLE `users` ADD `bio` text;\n=======\n"
            + "ALTER TABLE `users` ADD `about` text;\n>>>>>>> feature\n"));

    ReviewReport report = Review.of(file.getParent(), ReviewBase.none());
    HandEdit edit = last(report).handEdit().orElseThrow();
    assertTrue(edit.hunks().stream().flatMap(h -> h.added().stream())
        .anyMatch(l -> l.startsWith("<<<<<<< HEAD")), edit.toString());
    assertTrue(ReviewFormat.TEXT.render(report).contains("+>>>>>>> feature"));
  }

  @Test
  void aFileWithoutNanokasHeaderIsLintedAsHandWritten() throws Exception {
    Path file = twoVersions(edit(USERS, "users",
        t -> TableBuilder.of(t).nullableText("bio").build()), RenameHints.NONE);
    Files.writeString(file, "ALTER TABLE `users` ADD `bio` text;\nUPDATE users SET bio = '';\n");

    ReviewReport report = Review.of(file.getParent(), ReviewBase.none());
    MigrationReview review = last(report);
    assertEquals(MigrationReview.Origin.OTHER, review.origin());
    assertEquals(List.of("unbounded-statement"),
        review.findings().stream().map(Finding::rule).toList());
    assertTrue(ReviewFormat.MARKDOWN.render(report).contains("_Not generated by Nanoka"));
  }

  @Test
  void aBaseFolderLimitsTheReviewToWhatItLacks() throws Exception {
    Path file = twoVersions(RENAMED, RENAME);
    Path dir = file.getParent();
    Path base = temp.resolve("main");
    Files.createDirectories(base);
    Files.copy(dir.resolve("0000_create_users.sql"), base.resolve("0000_create_users.sql"));

    ReviewReport report = Review.of(dir, ReviewBase.of(dir, base.toString()));
    assertEquals(List.of(file.getFileName().toString()),
        report.migrations().stream().map(MigrationReview::name).toList());
    assertEquals(List.of(), report.findings());

    // The base has the same migration with CRLF line endings: not changed.
    Files.writeString(base.resolve(file.getFileName()),
        Files.readString(file).replace("\n", "\r\n"));
    assertEquals(List.of(), Review.of(dir, ReviewBase.of(dir, base.toString())).migrations());
  }

  @Test
  void aMigrationTheBaseHasWithOtherContentOrNotAtAll() throws Exception {
    Path file = twoVersions(RENAMED, RENAME);
    Path dir = file.getParent();
    Path base = temp.resolve("main");
    Files.createDirectories(base);
    Files.writeString(base.resolve("0000_create_users.sql"), "CREATE TABLE `users` (`id` int);");
    Files.writeString(base.resolve("0001_add_users_nickname.sql"), "-- an older version 2");

    ReviewReport report = Review.of(dir, ReviewBase.folder(base));
    MigrationReview first = report.migrations().get(0);
    assertEquals(MigrationReview.Status.CHANGED, first.status());
    assertTrue(first.findings().stream().anyMatch(f -> f.rule().equals("base-migration-changed")));
    assertEquals(1, report.findings().size(), report.findings().toString());
    assertTrue(report.findings().get(0).message().startsWith("0001_add_users_nickname.sql is in"
        + " the base (" + base + ") but not in this folder, and " + file.getFileName()
        + " takes its number"), report.findings().get(0).message());
    assertFalse(report.hasErrors());
  }

  @Test
  void aGitRefAsBase() throws Exception {
    Path repo = temp.resolve("repo");
    Path dir = repo.resolve("db").resolve("migrations");
    Files.createDirectories(repo);
    Git.init(repo);
    Files.writeString(repo.resolve("README"), "before the migrations");
    Git.commitAll(repo, "no migrations yet");
    Git.run(repo, "tag", "empty");
    FolderWriter folder = new FolderWriter(dir);
    folder.version(USERS);
    Git.commitAll(repo, "version 1");
    Git.run(repo, "checkout", "-q", "-b", "feature");
    Path second = folder.version(RENAMED, RENAME);

    ReviewReport sinceMain = Review.of(dir, ReviewBase.of(dir, "main"));
    assertEquals(List.of(second.getFileName().toString()),
        sinceMain.migrations().stream().map(MigrationReview::name).toList());
    assertEquals("main", sinceMain.base());
    // Before the folder existed: everything is added.
    assertEquals(2, Review.of(dir, ReviewBase.of(dir, "empty")).migrations().size());
    // A relative --dir from inside the repository, and a commit hash.
    String head = Git.run(repo, "rev-parse", "HEAD").strip();
    assertEquals(1, Review.of(dir, ReviewBase.of(dir, head)).migrations().size());

    ReviewException unknown = assertThrows(ReviewException.class,
        () -> ReviewBase.of(dir, "origin/main"));
    assertTrue(unknown.getMessage().contains("no commit of that name"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("fetch-depth: 0"), unknown.getMessage());
    ReviewException option = assertThrows(ReviewException.class,
        () -> ReviewBase.of(dir, "--output=/tmp/x"));
    assertTrue(option.getMessage().contains("cannot be empty or start with '-'"));
  }

  @Test
  void aGitRefOutsideARepository() throws Exception {
    Path file = twoVersions(RENAMED, RENAME);
    ReviewException e = assertThrows(ReviewException.class,
        () -> ReviewBase.of(file.getParent(), "main"));
    assertTrue(e.getMessage().contains("is not in a git repository"), e.getMessage());
  }

  @Test
  void anUnreadableFolderNamesTheFile() throws Exception {
    Path file = twoVersions(RENAMED, RENAME);
    Path dir = file.getParent();
    Files.write(file, new byte[] {'-', '-', ' ', (byte) 0xE9, '\n'});
    ReviewException notUtf8 = assertThrows(ReviewException.class,
        () -> Review.of(dir, ReviewBase.none()));
    assertTrue(notUtf8.getMessage().startsWith(file + " is not UTF-8"), notUtf8.getMessage());

    Files.writeString(dir.resolve("meta/_journal.json"), "<<<<<<< HEAD\n{}",
        StandardCharsets.UTF_8);
    ReviewException journal = assertThrows(ReviewException.class,
        () -> Review.of(dir, ReviewBase.none()));
    assertTrue(journal.getMessage().startsWith(dir.resolve("meta/_journal.json").toString()),
        journal.getMessage());
  }

  @Test
  void aMarkdownReviewFitsAPullRequestComment() throws Exception {
    Path dir = temp.resolve("large");
    FolderWriter folder = new FolderWriter(dir);
    List<dev.nanoka.core.schema.Table> tables = new java.util.ArrayList<>();
    for (int t = 0; t < 300; t++) {
      TableBuilder table = table("table_" + t).id();
      for (int c = 0; c < 20; c++) {
        table.nullableText("column_" + c);
      }
      tables.add(table.build());
    }
    DatabaseSchema large = new DatabaseSchema(tables);
    folder.version(large);
    String compact = ReviewFormat.MARKDOWN.render(Review.of(dir, ReviewBase.none()));
    assertTrue(compact.length() <= MarkdownReport.MAX_LENGTH, "" + compact.length());
    assertTrue(compact.contains("- Creates table `table_299` (21 columns)\n"), compact);
    assertFalse(compact.contains("`column_0` text"), "columns left out");

    // Hand edits of long lines: each migration's diff block is some 30,000 characters.
    Path edited = temp.resolve("edited");
    FolderWriter writer = new FolderWriter(edited);
    DatabaseSchema schema = USERS;
    for (int v = 0; v < 4; v++) {
      schema = edit(schema, "users", t -> TableBuilder.of(t).nullableText("c" + t.columns().size())
          .build());
      Path file = writer.version(schema);
      Files.writeString(file, Files.readString(file)
          + ("\n-- " + "x".repeat(500)).repeat(60));
    }
    String cut = ReviewFormat.MARKDOWN.render(Review.of(edited, ReviewBase.none()));
    assertTrue(cut.length() <= MarkdownReport.MAX_LENGTH, "" + cut.length());
    assertTrue(cut.endsWith("Run `nanoka review` for all of it._\n"), cut);
  }

  @Test
  void noMigrationSinceTheBase() throws Exception {
    Path file = twoVersions(RENAMED, RENAME);
    Path dir = file.getParent();
    ReviewReport report = Review.of(dir, ReviewBase.folder(dir));
    assertEquals(List.of(), report.migrations());
    assertEquals("## Schema review\n\nNothing to review: every migration is in `" + dir
        + "` — ❌ 0 errors · ⚠️ 0 warnings · ℹ️ 0 notes\n", ReviewFormat.MARKDOWN.render(report));
  }
}
