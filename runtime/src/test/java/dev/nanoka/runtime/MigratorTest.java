package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Migrations.write;
import static dev.nanoka.core.testing.Sqlite.column;
import static dev.nanoka.core.testing.Sqlite.history;
import static dev.nanoka.core.testing.Sqlite.longValue;
import static dev.nanoka.core.testing.Sqlite.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.SingleConnectionDataSource;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.core.text.Checksums;
import dev.nanoka.runtime.MigrationStatus.State;
import dev.nanoka.runtime.internal.AppliedMigration;
import dev.nanoka.runtime.internal.Migration;
import dev.nanoka.runtime.internal.MigrationInfo;
import dev.nanoka.runtime.internal.SqlSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

/** The migrator against real SQLite files in temporary folders. */
class MigratorTest {

  static final String USERS = "CREATE TABLE `users` (\n"
      + "\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n"
      + "\t`email` text NOT NULL\n"
      + ");\n"
      + "--> statement-breakpoint\n"
      + "CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);";
  static final String POSTS = "-- Hand-written: a table, a trigger and seed rows.\n"
      + "CREATE TABLE posts (id integer PRIMARY KEY, author integer NOT NULL REFERENCES users(id),"
      + " title text NOT NULL);\n"
      + "CREATE TABLE post_log (msg text);\n"
      + "CREATE TRIGGER posts_log AFTER INSERT ON posts BEGIN\n"
      + "  INSERT INTO post_log VALUES ('new post; ' || new.title);\n"
      + "END;\n"
      + "INSERT INTO users (email) VALUES ('ann@example.com');\n"
      + "INSERT INTO posts (author, title) VALUES (1, 'Hello; world');\n";
  static final String NICKNAME = "ALTER TABLE `users` ADD `nickname` text;";

  @TempDir Path tmp;
  Path dir;
  Path db;

  @BeforeEach
  void setUp() {
    dir = tmp.resolve("migrations");
    db = tmp.resolve("app.db");
  }

  Migrator.Builder migrator() {
    return Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir));
  }

  void writeThree() {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_posts.sql", POSTS);
    write(dir, "0002_add_nickname.sql", NICKNAME);
  }

  static final List<String> THREE =
      List.of("0000_create_users.sql", "0001_posts.sql", "0002_add_nickname.sql");

  @Test
  void targetStopsAtThatSchemaVersion() throws Exception {
    writeThree();
    assertEquals(THREE.subList(0, 2), migrator().target(2).migrate().applied());
    assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.APPLIED,
        MigrationStatus.State.PENDING),
        migrator().build().status().stream().map(MigrationStatus::state).toList());
    // Up to date at that version; a lower target rolls nothing back.
    assertEquals(List.of(), migrator().target(2).migrate().applied());
    assertEquals(List.of(), migrator().target(1).migrate().applied());
    assertEquals(THREE.subList(2, 3), migrator().migrate().applied());
    MigrationException beyond =
        assertThrows(MigrationException.class, () -> migrator().target(4).migrate());
    assertTrue(beyond.getMessage().startsWith("No schema version 4 to migrate to"),
        beyond.getMessage());
    assertThrows(IllegalArgumentException.class, () -> migrator().target(-1));
  }

  @Test
  void freshDatabaseAppliesEveryFileInOrder() throws Exception {
    writeThree();
    // drizzle-kit's meta folder and other files are not migrations.
    write(dir.resolve("meta"), "_journal.json", "{}");
    write(dir.resolve("meta"), "0000_snapshot.sql", "this is no SQL");
    write(dir, "README.md", "not a migration");
    List<String> events = new ArrayList<>();
    MigrateResult result = migrator().listener(new MigrationListener() {
      @Override
      public void pending(int pending) {
        events.add("pending " + pending);
      }

      @Override
      public void applying(String name, int position, int total) {
        events.add("applying " + name + " " + position + "/" + total);
      }

      @Override
      public void applied(String name, Duration took) {
        events.add("applied " + name);
      }
    }).migrate();

    assertEquals(THREE, result.applied());
    assertEquals(List.of(), result.upToDate());
    assertEquals(List.of(), result.adopted());
    assertEquals(List.of("pending 3",
        "applying 0000_create_users.sql 1/3", "applied 0000_create_users.sql",
        "applying 0001_posts.sql 2/3", "applied 0001_posts.sql",
        "applying 0002_add_nickname.sql 3/3", "applied 0002_add_nickname.sql"), events);
    assertEquals(THREE, history(db));
    // applied_at is set by the database (CURRENT_TIMESTAMP, UTC).
    for (String appliedAt : column(db, "SELECT applied_at FROM d1_migrations")) {
      assertTrue(appliedAt.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), appliedAt);
    }
    for (String name : THREE) {
      assertEquals(List.of(Checksums.of(Files.readString(dir.resolve(name)))),
          column(db, "SELECT checksum FROM nanoka_migration_checksums WHERE name = '" + name + "'"));
    }
    assertEquals(List.of("new post; Hello; world"), column(db, "SELECT msg FROM post_log"));
    assertEquals(1, longValue(db, "SELECT count(*) FROM pragma_table_info('users')"
        + " WHERE name = 'nickname'"));
  }

  @Test
  void secondRunAppliesNothing() throws Exception {
    writeThree();
    migrator().migrate();
    MigrateResult again = migrator().migrate();
    assertEquals(List.of(), again.applied());
    assertEquals(THREE, again.upToDate());
    assertEquals(THREE, history(db));
    assertEquals(1, longValue(db, "SELECT count(*) FROM posts"));
  }

  @Test
  void newFileAddedLaterIsTheOnlyOneApplied() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    migrator().migrate();
    write(dir, "0001_posts.sql", POSTS);
    MigrateResult result = migrator().migrate();
    assertEquals(List.of("0001_posts.sql"), result.applied());
    assertEquals(List.of("0000_create_users.sql"), result.upToDate());
  }

  @Test
  void statusShowsAppliedPendingEditedAndMissing() throws Exception {
    Files.createFile(db); // an empty file is an empty SQLite database
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_posts.sql", POSTS);
    assertEquals(List.of(
        new MigrationStatus("0000_create_users.sql", State.PENDING, Optional.empty()),
        new MigrationStatus("0001_posts.sql", State.PENDING, Optional.empty())),
        migrator().build().status());
    assertFalse(tableExists(db, "d1_migrations"), "status writes nothing");

    migrator().migrate();
    write(dir, "0001_posts.sql", POSTS + "-- an afterthought\n");
    write(dir, "0002_add_nickname.sql", NICKNAME);
    Files.move(dir.resolve("0000_create_users.sql"), tmp.resolve("gone.sql"));

    List<MigrationStatus> status = migrator().build().status();
    assertEquals(List.of("0001_posts.sql", "0002_add_nickname.sql", "0000_create_users.sql"),
        status.stream().map(MigrationStatus::name).toList());
    assertEquals(List.of(State.EDITED, State.PENDING, State.MISSING),
        status.stream().map(MigrationStatus::state).toList());
    assertTrue(status.get(0).appliedAt().isPresent());
    assertTrue(status.get(1).appliedAt().isEmpty());
    assertTrue(status.get(2).appliedAt().isPresent());
    assertEquals(List.of(status.get(0), status.get(2)), migrator().build().validate());
  }

  /**
   * A file that was missing (another branch, a botched deploy) and appears after a later one was
   * applied would run after migrations written after it: refused by default, like Flyway.
   */
  @Test
  void fileSortingBeforeAnAppliedOneIsRefusedUnlessOutOfOrderIsAllowed() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0002_add_nickname.sql", NICKNAME);
    migrator().migrate();
    write(dir, "0001_posts.sql", POSTS);
    write(dir, "0003_more.sql", "CREATE TABLE more (x);");

    assertEquals(List.of(State.APPLIED, State.OUT_OF_ORDER, State.APPLIED, State.PENDING),
        migrator().build().status().stream().map(MigrationStatus::state).toList());
    assertEquals(List.of(new MigrationStatus("0001_posts.sql", State.OUT_OF_ORDER,
        Optional.empty())), migrator().build().validate());
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertEquals(MigrationException.Kind.OUT_OF_ORDER, e.kind());
    assertTrue(e.getMessage().startsWith("0001_posts.sql sorts before 0002_add_nickname.sql,"
        + " which is applied already"), e.getMessage());
    assertTrue(e.getMessage().contains("--out-of-order"), e.getMessage());
    assertTrue(e.getMessage().contains("Builder.outOfOrder(true)"), e.getMessage());
    assertEquals(List.of("0000_create_users.sql", "0002_add_nickname.sql"), history(db));
    assertFalse(tableExists(db, "more"), "nothing is applied, not even the file in order");

    Migrator allowing = migrator().outOfOrder(true).build();
    assertEquals(List.of(), allowing.validate());
    MigrateResult result = allowing.migrate();
    assertEquals(List.of("0001_posts.sql", "0003_more.sql"), result.applied());
    assertEquals(List.of("0001_posts.sql"), result.outOfOrder());
    // The history records the order they ran in, as wrangler's does.
    assertEquals(List.of("0000_create_users.sql", "0002_add_nickname.sql", "0001_posts.sql",
        "0003_more.sql"), history(db));
    assertEquals(List.of(), migrator().build().validate());
    assertEquals(List.of(), migrator().migrate().applied());
  }

  @Test
  void failingStatementRollsBackTheWholeFileAndStopsTheRun() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_broken.sql", "CREATE TABLE first_half (x);\n"
        + "INSERT INTO first_half VALUES (1);\n"
        + "INSERT INTO missing_table SELECT x FROM first_half;\n"
        + "CREATE TABLE never (y);\n");
    write(dir, "0002_add_nickname.sql", NICKNAME);

    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());

    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("0001_broken.sql: statement 3 of 4 failed"),
        e.getMessage());
    assertTrue(e.getMessage().contains("no such table: missing_table"), e.getMessage());
    assertTrue(e.getMessage().contains("INSERT INTO missing_table SELECT x FROM first_half"),
        e.getMessage());
    assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
    assertTrue(e.getCause() instanceof SQLException);
    // The file before it stays applied; nothing of the failing file or after it.
    assertEquals(List.of("0000_create_users.sql"), history(db));
    assertFalse(tableExists(db, "first_half"));
    assertFalse(tableExists(db, "never"));
    assertEquals(0, longValue(db, "SELECT count(*) FROM pragma_table_info('users')"
        + " WHERE name = 'nickname'"));
    assertEquals(List.of("0000_create_users.sql"),
        column(db, "SELECT name FROM nanoka_migration_checksums"));

    // Fixed, the next run applies it and the rest.
    write(dir, "0001_broken.sql", "CREATE TABLE first_half (x);\n");
    assertEquals(List.of("0001_broken.sql", "0002_add_nickname.sql"), migrator().migrate().applied());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "BEGIN TRANSACTION;\nCREATE TABLE t (x);\nCOMMIT;",
      "CREATE TABLE t (x);\n-- done, so:\nCOMMIT;\nCREATE TABLE u (y);",
      "/* wrapped */ begin immediate;\nCREATE TABLE t (x);\nend transaction;",
      "CREATE TABLE t (x);\nSAVEPOINT sp;\nCREATE TABLE u (y);\nRELEASE sp;",
      "CREATE TABLE t (x);--> statement-breakpoint\nROLLBACK;"})
  void fileControllingItsOwnTransactionIsRefused(String sql) throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_tx.sql", sql);
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("0001_tx.sql: statement "), e.getMessage());
    assertTrue(e.getMessage().contains("controls the transaction itself"), e.getMessage());
    // Every pending file is checked before the first runs: not even the file before it.
    assertEquals(List.of(), history(db));
    assertFalse(tableExists(db, "t"), "nothing of the file may be committed");
    assertFalse(tableExists(db, "u"));
  }

  @Test
  void wordsLikeBeginInsideStatementsAreFine() throws Exception {
    write(dir, "0000_t.sql", "CREATE TABLE t (x);\nCREATE TABLE log (m);\n"
        + "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('BEGIN; COMMIT;');"
        + " END;\nINSERT INTO t VALUES ('END');");
    assertEquals(List.of("0000_t.sql"), migrator().migrate().applied());
    assertEquals(List.of("BEGIN; COMMIT;"), column(db, "SELECT m FROM log"));
  }

  @Test
  void deletedParentRowsAreFoundThoughTheFileNeverNamesTheChild() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_posts.sql", POSTS);
    migrator().migrate();
    // The check reads the tables a file wrote and those referencing them: posts, via users.
    write(dir, "0002_delete.sql", "DELETE FROM `users`;");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(e.getMessage().contains("of posts references a missing row of users"),
        e.getMessage());
  }

  @Test
  void aReplacedParentTableIsCheckedThroughItsChildren() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_posts.sql", POSTS);
    migrator().migrate();
    write(dir, "0002_replace.sql", "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY, `email`"
        + " text NOT NULL);--> statement-breakpoint\nDROP TABLE `users`;--> statement-breakpoint\n"
        + "ALTER TABLE `__new_users` RENAME TO `users`;");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(e.getMessage().contains("of posts references a missing row of users"),
        e.getMessage());
  }

  @Test
  void aViolationInATableTheFileDidNotWriteIsNotItsFault() throws Exception {
    write(dir, "0000_create.sql", "CREATE TABLE `labels` (`id` integer PRIMARY KEY);\n"
        + "CREATE TABLE `tags` (`labelId` integer REFERENCES `labels`(`id`));");
    migrator().migrate();
    Sqlite.exec(db, "INSERT INTO `tags` VALUES (7)"); // written by an app without foreign keys
    write(dir, "0001_users.sql", USERS);
    assertEquals(List.of("0001_users.sql"), migrator().migrate().applied());
    // A statement it cannot follow makes the check read every table, the old orphan included.
    write(dir, "0002_pragma.sql", "PRAGMA user_version = 2;");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(e.getMessage().contains("of tags references a missing row of labels"),
        e.getMessage());
  }

  @Test
  void withTriggersEveryTableIsChecked() throws Exception {
    // The trigger writes an orphan into tags, a table the file never names.
    write(dir, "0000_create.sql", USERS + "--> statement-breakpoint\n"
        + "CREATE TABLE `labels` (`id` integer PRIMARY KEY);--> statement-breakpoint\n"
        + "CREATE TABLE `tags` (`labelId` integer REFERENCES `labels`(`id`));"
        + "--> statement-breakpoint\nCREATE TRIGGER `tag_users` AFTER INSERT ON `users` BEGIN"
        + " INSERT INTO `tags` VALUES (99); END;");
    migrator().migrate();
    write(dir, "0001_user.sql", "INSERT INTO `users` (`email`) VALUES ('a@b');");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(e.getMessage().contains("of tags references a missing row of labels"),
        e.getMessage());
  }

  @Test
  void statementWithoutItsOwnBreakpointInAGeneratedFileIsRun() throws Exception {
    // A hand edit of a generated file: the INSERT has no marker before it. sqlite-jdbc would
    // run only the CREATE TABLE of that piece; wrangler runs both.
    write(dir, "0000_create_users.sql", USERS + "\nINSERT INTO `users` (`email`) VALUES ('a@b');"
        + "\nINSERT INTO `users` (`email`) VALUES ('c@d');");
    migrator().migrate();
    assertEquals(List.of("a@b", "c@d"), column(db, "SELECT email FROM users ORDER BY id"));
  }

  @Test
  void migrationLeavingBrokenForeignKeysIsRolledBack() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_posts.sql", POSTS);
    migrator().migrate();
    // Foreign keys are off while a file runs (table rebuilds need that), so the check after it
    // is what catches this.
    write(dir, "0002_orphans.sql", "CREATE TABLE extra (x);\n"
        + "DELETE FROM users;\n"
        + "INSERT INTO posts (author, title) VALUES (42, 'nobody wrote this');");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("0002_orphans.sql leaves foreign keys broken"),
        e.getMessage());
    assertTrue(e.getMessage().contains("of posts references a missing row of users"),
        e.getMessage());
    assertEquals(List.of("0000_create_users.sql", "0001_posts.sql"), history(db));
    assertFalse(tableExists(db, "extra"));
    assertEquals(1, longValue(db, "SELECT count(*) FROM users"));
    assertEquals(1, longValue(db, "SELECT count(*) FROM posts"));
  }

  @Test
  void editedMigrationIsRefusedUntilRepaired() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_posts.sql", POSTS);
    migrator().migrate();
    write(dir, "0001_posts.sql", POSTS.replace("Hello; world", "Hello, world"));
    write(dir, "0002_add_nickname.sql", NICKNAME);

    List<MigrationStatus> problems = migrator().build().validate();
    assertEquals(List.of("0001_posts.sql"), problems.stream().map(MigrationStatus::name).toList());
    assertEquals(State.EDITED, problems.get(0).state());

    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertEquals(MigrationException.Kind.EDITED, e.kind());
    assertTrue(e.getMessage().contains("0001_posts.sql"), e.getMessage());
    assertTrue(e.getMessage().contains("nanoka repair"), e.getMessage());
    assertEquals(List.of("0000_create_users.sql", "0001_posts.sql"), history(db),
        "the pending file must not be applied");
    assertEquals(List.of("new post; Hello; world"), column(db, "SELECT msg FROM post_log"),
        "the edited file is not run again");

    RepairResult repair = migrator().build().repair();
    assertEquals(List.of("0001_posts.sql"), repair.accepted());
    assertEquals(List.of(), repair.adopted());
    assertEquals(List.of(), repair.missing());
    assertEquals(List.of(Checksums.of(Files.readString(dir.resolve("0001_posts.sql")))),
        column(db, "SELECT checksum FROM nanoka_migration_checksums WHERE name = '0001_posts.sql'"));
    assertEquals(List.of(), migrator().build().validate());
    assertEquals(THREE.subList(0, 2), history(db), "repair applies nothing");

    assertEquals(List.of("0002_add_nickname.sql"), migrator().migrate().applied());
  }

  @Test
  void repairLeavesMissingFilesInTheHistory() throws Exception {
    writeThree();
    migrator().migrate();
    Files.delete(dir.resolve("0002_add_nickname.sql"));
    RepairResult repair = migrator().build().repair();
    assertEquals(List.of("0002_add_nickname.sql"), repair.missing());
    assertEquals(THREE, history(db));
    // A missing file does not stop later migrations.
    write(dir, "0003_more.sql", "CREATE TABLE more (x);");
    assertEquals(List.of("0003_more.sql"), migrator().migrate().applied());
  }

  /**
   * Deleting applied files (a squash) leaves them MISSING, which does not stop migrations; nor
   * may the drift check, which cannot replay such a history.
   */
  @Test
  void deletedAppliedFilesDoNotStopMigrateWithTheDriftCheck() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_add_nickname.sql", NICKNAME);
    migrator().migrate();
    Files.delete(dir.resolve("0000_create_users.sql"));
    write(dir, "0002_more.sql", "CREATE TABLE more (x);");
    List<String> notChecked = new ArrayList<>();
    List<List<String>> drift = new ArrayList<>();
    MigrateResult result = migrator().checkDrift(true).listener(new MigrationListener() {
      @Override
      public void drift(List<String> differences) {
        drift.add(differences);
      }

      @Override
      public void driftNotChecked(String reason) {
        notChecked.add(reason);
      }
    }).migrate();
    assertEquals(List.of("0002_more.sql"), result.applied());
    assertEquals(List.of(), drift);
    assertEquals(1, notChecked.size());
    assertTrue(notChecked.get(0).contains("0000_create_users.sql"), notChecked.get(0));
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().build().drift());
    assertTrue(e.getMessage().contains("without a file (0000_create_users.sql)"), e.getMessage());
  }

  @Test
  void lineEndingChangesAreNoEdits() throws Exception {
    writeThree();
    migrator().migrate();
    for (String name : THREE) {
      Path file = dir.resolve(name);
      Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
    }
    assertEquals(List.of(), migrator().build().validate());
    assertEquals(THREE, migrator().build().status().stream()
        .filter(s -> s.state() == State.APPLIED).map(MigrationStatus::name).toList());
    assertEquals(List.of(), migrator().migrate().applied());

    // And back, or to old Mac endings: still the same file.
    for (String name : THREE) {
      Path file = dir.resolve(name);
      Files.writeString(file, Files.readString(file).replace("\r\n", "\r"));
    }
    assertEquals(List.of(), migrator().build().validate());
  }

  @Test
  void crlfFileAppliesLikeItsLfTwin() throws Exception {
    write(dir, "0000_create_users.sql", USERS.replace("\n", "\r\n"));
    write(dir, "0001_posts.sql", POSTS.replace("\n", "\r\n"));
    migrator().migrate();
    assertEquals(List.of("new post; Hello; world"), column(db, "SELECT msg FROM post_log"));
    assertEquals(List.of(Checksums.of(USERS)), column(db,
        "SELECT checksum FROM nanoka_migration_checksums WHERE name = '0000_create_users.sql'"));
  }

  /**
   * SQLite ends a -- comment at a line feed only: in a file with old Mac line endings (CR only)
   * the header comment swallows the whole file, which used to run nothing and be recorded.
   */
  @Test
  void crOnlyFileIsRefusedBeforeAnythingRunsOrIsRecorded() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    String generated = "-- Generated by Nanoka for Java for schema version 2. You may edit it."
        + " [sha256:00]\nCREATE TABLE `notes` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n"
        + "--> statement-breakpoint\nCREATE INDEX `notes_id_idx` ON `notes` (`id`);";
    write(dir, "0001_notes.sql", generated.replace('\n', '\r'));

    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());

    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("0001_notes.sql, line 1: this -- comment runs on past a"
        + " carriage return (CR), so SQLite would skip line 2 (\"CREATE TABLE `notes` (\") as part"
        + " of it"), e.getMessage());
    assertTrue(e.getMessage().contains("convert it to LF (or CRLF) line endings"), e.getMessage());
    assertTrue(e.getMessage().endsWith("Nothing was applied."), e.getMessage());
    assertEquals(List.of(), history(db));
    assertFalse(tableExists(db, "users"), "not even the file before it ran");
    assertFalse(tableExists(db, "notes"));
    assertFalse(tableExists(db, "nanoka_migration_checksums"));

    write(dir, "0001_notes.sql", generated.replace("\n", "\r\n"));
    assertEquals(List.of("0000_create_users.sql", "0001_notes.sql"), migrator().migrate().applied());
    assertEquals(1,
        longValue(db, "SELECT count(*) FROM sqlite_master WHERE name = 'notes_id_idx'"));
  }

  /** Without a -- comment, CR-only line endings lose nothing: SQLite reads CR as a blank. */
  @Test
  void crOnlyFileWithoutLineCommentsRuns() throws Exception {
    write(dir, "0000_t.sql", "CREATE TABLE a (x);\rCREATE TABLE b (y /* a column */);\r"
        + "INSERT INTO a VALUES ('one\rtwo');\r");
    assertEquals(List.of("0000_t.sql"), migrator().migrate().applied());
    assertTrue(tableExists(db, "b"));
    assertEquals(List.of("one\rtwo"), column(db, "SELECT x FROM a"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/* create the table\nCREATE TABLE t (x);",
      "CREATE TABLE t (x);\nINSERT INTO t VALUES ('it's');\nCREATE TABLE u (y);",
      "CREATE TABLE t (x); -- a note\rCREATE TABLE u (y);\n"})
  void fileSqliteWouldRunOnlyInPartIsRefused(String sql) throws Exception {
    write(dir, "0000_t.sql", sql);
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("0000_t.sql, line "), e.getMessage());
    assertEquals(List.of(), history(db));
    assertFalse(tableExists(db, "t"));
  }

  @Test
  void historyWrittenByWranglerIsAdopted() throws Exception {
    writeThree();
    // What `wrangler d1 migrations apply` leaves: its table, a row per file, no checksums.
    Sqlite.exec(db, Sqlite.WRANGLER_HISTORY_TABLE);
    Sqlite.exec(db, SqlSplitter.split(USERS).toArray(String[]::new));
    Sqlite.exec(db, "INSERT INTO d1_migrations (name) values ('0000_create_users.sql');");
    Sqlite.exec(db, SqlSplitter.split(POSTS).toArray(String[]::new));
    Sqlite.exec(db, "INSERT INTO d1_migrations (name) values ('0001_posts.sql');");

    List<MigrationStatus> status = migrator().build().status();
    assertEquals(List.of(State.APPLIED, State.APPLIED, State.PENDING),
        status.stream().map(MigrationStatus::state).toList());
    assertFalse(tableExists(db, "nanoka_migration_checksums"), "status writes nothing");

    MigrateResult result = migrator().migrate();
    assertEquals(List.of("0002_add_nickname.sql"), result.applied());
    assertEquals(List.of("0000_create_users.sql", "0001_posts.sql"), result.upToDate());
    assertEquals(List.of("0000_create_users.sql", "0001_posts.sql"), result.adopted());
    assertEquals(THREE, history(db));
    assertEquals(List.of("new post; Hello; world"), column(db, "SELECT msg FROM post_log"),
        "adopted files are not run again");
    for (String name : THREE) {
      assertEquals(List.of(Checksums.of(Files.readString(dir.resolve(name)))),
          column(db, "SELECT checksum FROM nanoka_migration_checksums WHERE name = '" + name + "'"));
    }
    // The history table is still exactly wrangler's.
    assertEquals(List.of(Sqlite.WRANGLER_HISTORY_TABLE.replace("IF NOT EXISTS ", "")
        .replace(");", ")")), column(db, "SELECT sql FROM sqlite_master WHERE name = 'd1_migrations'"));

    // Once adopted, edits are noticed like any other.
    assertEquals(List.of(), migrator().migrate().adopted());
    write(dir, "0000_create_users.sql", USERS + "\n-- edited");
    assertEquals(MigrationException.Kind.EDITED,
        assertThrows(MigrationException.class, () -> migrator().migrate()).kind());
  }

  @Test
  void historyTableIsWranglersTable() throws Exception {
    writeThree();
    migrator().migrate();
    Path wrangler = tmp.resolve("wrangler.db");
    Sqlite.exec(wrangler, Sqlite.WRANGLER_HISTORY_TABLE);
    String columns = "SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || coalesce(dflt_value, '')"
        + " || ' ' || pk FROM pragma_table_info('d1_migrations') ORDER BY cid";
    assertEquals(column(wrangler, columns), column(db, columns));
    String indexes = "SELECT \"unique\" || ' ' || origin FROM pragma_index_list('d1_migrations')";
    assertEquals(column(wrangler, indexes), column(db, indexes));
  }

  @Test
  void repairAdoptsWranglerRowsToo() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    Sqlite.exec(db, Sqlite.WRANGLER_HISTORY_TABLE);
    Sqlite.exec(db, SqlSplitter.split(USERS).toArray(String[]::new));
    Sqlite.exec(db, "INSERT INTO d1_migrations (name) values ('0000_create_users.sql');");
    RepairResult repair = migrator().build().repair();
    assertEquals(List.of("0000_create_users.sql"), repair.adopted());
    assertEquals(List.of(), repair.accepted());
  }

  /**
   * A table rebuild as drizzle-kit writes it: new table, copy, drop, rename. Dropping the parent
   * with foreign keys enforced would delete every child row (ON DELETE CASCADE); the migrator
   * turns enforcement off for the file even when the URL turns it on, and back on afterwards.
   */
  @Test
  void tableRebuildKeepsCascadingChildRowsWhenTheUrlEnablesForeignKeys() throws Exception {
    write(dir, "0000_init.sql", "CREATE TABLE `t` (`id` integer PRIMARY KEY NOT NULL,"
        + " `name` text);\n--> statement-breakpoint\n"
        + "CREATE TABLE `c` (`id` integer PRIMARY KEY NOT NULL, `tId` integer NOT NULL,"
        + " FOREIGN KEY (`tId`) REFERENCES `t`(`id`) ON UPDATE no action ON DELETE cascade);"
        + "--> statement-breakpoint\n"
        + "INSERT INTO `t` VALUES (1, 'one'), (2, 'two');--> statement-breakpoint\n"
        + "INSERT INTO `c` VALUES (10, 1), (11, 1), (20, 2);");
    String rebuild = "PRAGMA foreign_keys=OFF;--> statement-breakpoint\n"
        + "CREATE TABLE `__new_t` (`id` integer PRIMARY KEY NOT NULL, `name` text NOT NULL"
        + " DEFAULT '');\n--> statement-breakpoint\n"
        + "INSERT INTO `__new_t`(\"id\", \"name\") SELECT \"id\", coalesce(\"name\", '') FROM `t`;"
        + "--> statement-breakpoint\n"
        + "DROP TABLE `t`;--> statement-breakpoint\n"
        + "ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint\n"
        + "PRAGMA foreign_keys=ON;";
    write(dir, "0001_rebuild_t.sql", rebuild);

    // The control: the same statements in one transaction with foreign keys on lose the rows.
    Path control = tmp.resolve("control.db");
    try (var connection = java.sql.DriverManager.getConnection(
        "jdbc:sqlite:" + control + "?foreign_keys=on");
        var statement = connection.createStatement()) {
      for (String sql : SqlSplitter.split(Files.readString(dir.resolve("0000_init.sql")))) {
        statement.execute(sql);
      }
      statement.execute("BEGIN");
      for (String sql : SqlSplitter.split(rebuild)) {
        statement.execute(sql);
      }
      statement.execute("COMMIT");
    }
    assertEquals(0, longValue(control, "SELECT count(*) FROM c"), "the control lost no rows?");

    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + db + "?foreign_keys=on");
    try (SingleConnectionDataSource single = new SingleConnectionDataSource(dataSource)) {
      assertEquals(List.of("1"), column(single.connection(), "PRAGMA foreign_keys"));
      Migrator.forDataSource(single).source(MigrationSource.folder(dir)).migrate();
      assertEquals(List.of("1"), column(single.connection(), "PRAGMA foreign_keys"),
          "foreign_keys must be restored on the connection");
    }
    assertEquals(List.of("10|1", "11|1", "20|2"),
        column(db, "SELECT id || '|' || tId FROM c ORDER BY id"));
    assertEquals(List.of("one", "two"), column(db, "SELECT name FROM t ORDER BY id"));
    assertEquals(List.of(), column(db, "PRAGMA foreign_key_check"));
  }

  @Test
  void foreignKeysStayOffWhenTheyWereOff() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(Sqlite.url(db));
    try (SingleConnectionDataSource single = new SingleConnectionDataSource(dataSource)) {
      assertEquals(List.of("0"), column(single.connection(), "PRAGMA foreign_keys"));
      Migrator.forDataSource(single).source(MigrationSource.folder(dir)).migrate();
      assertEquals(List.of("0"), column(single.connection(), "PRAGMA foreign_keys"));
    }
  }

  @Test
  void failingFileRestoresForeignKeysToo() throws Exception {
    write(dir, "0000_broken.sql", "CREATE TABLE a (x);\nSELECT * FROM nowhere;");
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + db + "?foreign_keys=on");
    try (SingleConnectionDataSource single = new SingleConnectionDataSource(dataSource)) {
      assertThrows(MigrationException.class,
          () -> Migrator.forDataSource(single).source(MigrationSource.folder(dir)).migrate());
      assertEquals(List.of("1"), column(single.connection(), "PRAGMA foreign_keys"));
      assertTrue(single.connection().getAutoCommit());
      assertEquals(List.of("0"), column(single.connection(),
          "SELECT count(*) FROM sqlite_master WHERE name = 'a'"), "no transaction left open");
    }
  }

  @Test
  void dataSource() throws Exception {
    writeThree();
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(Sqlite.url(db));
    MigrateResult result =
        Migrator.forDataSource(dataSource).source(MigrationSource.folder(dir)).migrate();
    assertEquals(THREE, result.applied());
    assertEquals(THREE, history(db));
    assertEquals(3, Migrator.forDataSource(dataSource).source(MigrationSource.folder(dir))
        .build().status().stream().filter(s -> s.state() == State.APPLIED).count());
  }

  @Test
  void migrationsPackagedWithAnIndex() throws Exception {
    MigrationIndex index = new TestIndex("nanoka/migrations/indextest",
        List.of("0000_create_notes.sql", "0001_seed_notes.sql"));
    MigrateResult result = Migrator.forUrl(Sqlite.url(db))
        .source(MigrationSource.index(index)).migrate();
    assertEquals(List.of("0000_create_notes.sql", "0001_seed_notes.sql"), result.applied());
    assertEquals(List.of("first; note", "second"), column(db, "SELECT body FROM notes ORDER BY id"));
    assertEquals("class path nanoka/migrations/indextest", MigrationSource.index(index).describe());
  }

  @Test
  void indexListingAFileThatIsNotPackaged() {
    MigrationIndex index = new TestIndex("nanoka/migrations/indextest",
        List.of("0000_create_notes.sql", "0001_not_there.sql"));
    MigrationException e = assertThrows(MigrationException.class, () ->
        Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.index(index)).migrate());
    assertEquals(MigrationException.Kind.UNREADABLE, e.kind());
    assertTrue(e.getMessage().contains("nanoka/migrations/indextest/0001_not_there.sql"),
        e.getMessage());
    assertFalse(Files.exists(db), "nothing may be written");
  }

  /** "Input length = 1" said neither which file nor where; the message says both and what to do. */
  @Test
  void fileThatIsNotUtf8IsNamedWithItsOffsetAndLine() throws Exception {
    write(dir, "0000_create_users.sql", USERS);
    Path latin1 = dir.resolve("0001_latin1.sql");
    Files.write(latin1, "CREATE TABLE notes (body text);\n-- caf\u00e9 au lait\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertEquals(MigrationException.Kind.UNREADABLE, e.kind());
    assertTrue(e.getMessage().contains(latin1 + ": not UTF-8: byte 0xE9 at offset 38 (line 2)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Save the file as UTF-8"), e.getMessage());
    assertFalse(Files.exists(db), "nothing is applied, not even the file before it");
  }

  /** The packaged copy too: it used to be decoded with replacement characters and run. */
  @Test
  void packagedFileThatIsNotUtf8IsNamedWithItsOffsetAndLine() {
    MigrationIndex index = new TestIndex("nanoka/migrations/latin1test", List.of("0000_latin1.sql"));
    MigrationException e = assertThrows(MigrationException.class, () ->
        Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.index(index)).migrate());
    assertEquals(MigrationException.Kind.UNREADABLE, e.kind());
    assertTrue(e.getMessage().contains("nanoka/migrations/latin1test/0000_latin1.sql: not UTF-8:"
        + " byte 0xE9 at offset 58 (line 2)"), e.getMessage());
  }

  @Test
  void missingFolderTouchesNoDatabase() {
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertEquals(MigrationException.Kind.UNREADABLE, e.kind());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertFalse(Files.exists(db), "a wrong folder must not create the database");
    assertEquals(MigrationException.Kind.UNREADABLE,
        assertThrows(MigrationException.class, () -> migrator().build().repair()).kind());
    assertFalse(Files.exists(db));
  }

  /**
   * A mistyped path must not become an empty database that is "valid" with nothing applied:
   * only migrate creates one.
   */
  @Test
  void missingDatabaseIsAnErrorForEverythingButMigrateAndIsNotCreated() throws Exception {
    writeThree();
    Path typo = tmp.resolve("tpyo.db");
    Migrator migrator = Migrator.forUrl(Sqlite.url(typo)).source(MigrationSource.folder(dir))
        .build();
    List<org.junit.jupiter.api.function.Executable> reads = List.of(migrator::status,
        migrator::validate, migrator::drift, migrator::repair);
    for (org.junit.jupiter.api.function.Executable read : reads) {
      MigrationException e = assertThrows(MigrationException.class, read);
      assertEquals(MigrationException.Kind.UNREADABLE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().startsWith("No database at " + typo.toAbsolutePath() + ": "),
          e.getMessage());
      assertFalse(Files.exists(typo), "created " + typo);
    }
    assertEquals(THREE, migrator.migrate().applied());
    assertTrue(Files.exists(typo));
    assertEquals(List.of(), migrator.validate());
  }

  /** Without a file behind the URL there is nothing to mistype: in-memory databases still work. */
  @Test
  void inMemoryDatabaseNeedsNoFile() throws Exception {
    writeThree();
    Migrator migrator = Migrator.forUrl("jdbc:sqlite::memory:").source(MigrationSource.folder(dir))
        .build();
    assertEquals(3, migrator.status().size());
    assertEquals(List.of(), migrator.validate());
    assertEquals(List.of(), migrator.drift());
    assertEquals(List.of(), migrator.repair().accepted());
  }

  @Test
  void unusableUrls() throws IOException {
    Files.createDirectories(dir);
    for (String url : List.of("jdbc:nosuchdriver:x", "jdbc:sqlite:" + tmp.resolve("no/such/dir/x.db"))) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> Migrator.forUrl(url).source(MigrationSource.folder(dir)).migrate());
      assertEquals(MigrationException.Kind.UNREADABLE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().startsWith("Cannot open the database"), e.getMessage());
    }
  }

  @Test
  void emptyFolderIsUpToDate() throws Exception {
    Files.createDirectories(dir);
    MigrateResult result = migrator().migrate();
    assertEquals(List.of(), result.applied());
    assertEquals(List.of(), migrator().build().status());
  }

  @Test
  void builderRejectsNegativeLockTimeout() {
    assertThrows(IllegalArgumentException.class,
        () -> migrator().lockTimeout(Duration.ofSeconds(-1)));
    // An operation that needs a source says so; push needs none.
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Migrator.forUrl(Sqlite.url(db)).build().migrate());
    assertTrue(e.getMessage().contains("source("), e.getMessage());
  }

  @Test
  void joinIsPureAndOrdersFoundThenMissing() {
    List<Migration> found = List.of(new Migration("a.sql", "x"), new Migration("b.sql", "y"),
        new Migration("c.sql", "z"));
    List<AppliedMigration> applied = List.of(
        new AppliedMigration("gone.sql", "2025-01-01 00:00:00", Optional.of("c0")),
        new AppliedMigration("a.sql", "2025-01-01 00:00:01", Optional.of(Checksums.of("x"))),
        new AppliedMigration("b.sql", "2025-01-01 00:00:02", Optional.of(Checksums.of("old"))));
    assertEquals(List.of(
        new MigrationStatus("a.sql", State.APPLIED, Optional.of("2025-01-01 00:00:01")),
        new MigrationStatus("b.sql", State.EDITED, Optional.of("2025-01-01 00:00:02")),
        new MigrationStatus("c.sql", State.PENDING, Optional.empty()),
        new MigrationStatus("gone.sql", State.MISSING, Optional.of("2025-01-01 00:00:00"))),
        MigrationInfo.join(found, applied));
    // A row wrangler wrote has no checksum: applied, whatever the file says now.
    assertEquals(State.APPLIED, MigrationInfo.join(List.of(new Migration("a.sql", "new")),
        List.of(new AppliedMigration("a.sql", "t", Optional.empty()))).get(0).state());
  }

  /**
   * A hand-written index, as the annotation processor would generate one, but with checksums
   * that match no file: every run takes the full path, reading the files.
   */
  record TestIndex(String resourceFolder, List<String> files) implements MigrationIndex {
    @Override
    public List<String> checksums() {
      return java.util.Collections.nCopies(files.size(), "not computed");
    }
  }
}
