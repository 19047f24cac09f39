package dev.nanoka.runtime;

import static dev.nanoka.runtime.postgres.PostgresHistoryRows.columns;
import static dev.nanoka.runtime.postgres.PostgresHistoryRows.drizzleRows;
import static dev.nanoka.runtime.postgres.PostgresHistoryRows.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import dev.nanoka.runtime.postgres.PostgresFolders;
import dev.nanoka.runtime.postgres.PostgresHistoryRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The runtime on a real PostgreSQL server, with folders drizzle-kit 0.31 generated. */
@ExtendWith(PostgresExtension.class)
class PostgresMigrateTest {

  @TempDir Path tmp;

  private static Migrator migrator(PostgresDatabase db, Path dir) {
    return Migrator.forUrl(db.url()).source(MigrationSource.folder(dir)).build();
  }

  @Test
  void migratesAFolderAndRecordsItAsDrizzleDoes(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    MigrateResult result = migrator(db, dir).migrate();

    assertEquals(PostgresFolders.BLOG, result.applied());
    assertEquals(List.of("posts", "users"), tables(db));
    assertEquals(List.of("id", "email", "name", "nickname"), columns(db, "users"));
    // drizzle-orm's own rows: created_at is the journal's when, hash the file's SHA-256.
    List<String> expected = new ArrayList<>();
    for (String file : PostgresFolders.BLOG) {
      expected.add(PostgresFolders.when(dir, file) + ":" + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve(file)))));
    }
    assertEquals(expected, drizzleRows(db));
    assertTrue(migrator(db, dir).migrate().applied().isEmpty());
    List<MigrationStatus> status = migrator(db, dir).status();
    assertTrue(status.stream().allMatch(s -> s.state() == MigrationStatus.State.APPLIED));
    assertTrue(status.get(0).appliedAt().orElseThrow()
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), status.toString());
  }

  @Test
  void aFailingFileNamesItselfTheStatementAndTheServersMessageAndLeavesNothing(
      PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    Path third = dir.resolve("0002_add_users_nickname.sql");
    String good = Files.readString(third);
    Files.writeString(third, good + "--> statement-breakpoint\nALTER TABLE \"nope\" ADD COLUMN"
        + " \"x\" text;");

    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(db, dir).migrate());

    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("0002_add_users_nickname.sql: statement 2 of 2 failed:"
        + " ERROR: relation \"nope\" does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("ALTER TABLE \"nope\" ADD COLUMN \"x\" text;"),
        e.getMessage());
    // Its first statement ran and was rolled back with it; the two files before it stay.
    assertEquals(List.of("id", "email", "name"), columns(db, "users"));
    assertEquals(List.of("posts", "users"), tables(db));
    assertEquals(2, drizzleRows(db).size());

    Files.writeString(third, good);
    assertEquals(List.of("0002_add_users_nickname.sql"), migrator(db, dir).migrate().applied());
    assertEquals(List.of("id", "email", "name", "nickname"), columns(db, "users"));
  }

  @Test
  void eightConcurrentMigratorsApplyEachFileOnce(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    PostgresFolders.addCustom(dir, "0003_rows", "INSERT INTO \"users\" (\"email\")"
        + " VALUES ('once@example.com');");
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<MigrateResult>> runs = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      runs.add(pool.submit(() -> {
        start.await();
        return migrator(db, dir).migrate();
      }));
    }
    List<String> applied = new ArrayList<>();
    for (Future<MigrateResult> run : runs) {
      applied.addAll(run.get().applied());
    }
    pool.shutdown();

    assertEquals(4, applied.size(), applied.toString());
    assertEquals(4, drizzleRows(db).size());
    try (Connection c = db.connect()) {
      assertEquals(List.of("1"), PostgresHistoryRows.strings(c, "SELECT count(*) FROM users"));
    }
  }

  @Test
  void anEditedFileIsReportedAndRefusedUntilRepaired(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    migrator(db, dir).migrate();
    Path second = dir.resolve("0001_create_posts.sql");
    Files.writeString(second, Files.readString(second) + "\n-- reviewed");

    assertEquals(List.of("0001_create_posts.sql"), migrator(db, dir).validate().stream()
        .map(MigrationStatus::name).toList());
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(db, dir).migrate());
    assertEquals(MigrationException.Kind.EDITED, e.kind());

    assertEquals(List.of("0001_create_posts.sql"), migrator(db, dir).repair().accepted());
    assertTrue(migrator(db, dir).validate().isEmpty());
  }

  @Test
  void aFileTheJournalDoesNotListIsRefusedBeforeAnythingRuns(PostgresDatabase db)
      throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    Files.writeString(dir.resolve("0003_by_hand.sql"), "CREATE TABLE \"t\" (\"x\" int);");

    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(db, dir).migrate());

    assertTrue(e.getMessage().startsWith("0003_by_hand.sql has no entry in " + dir.resolve(
        "meta/_journal.json")), e.getMessage());
    assertTrue(e.getMessage().contains("drizzle-kit generate --custom"), e.getMessage());
    assertEquals(List.of(), tables(db));
  }

  @Test
  void twoJournalEntriesWithOneWhenAreRefused(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    Path journal = dir.resolve("meta/_journal.json");
    String first = String.valueOf(PostgresFolders.when(dir, "0000_create_users.sql"));
    String second = String.valueOf(PostgresFolders.when(dir, "0001_create_posts.sql"));
    Files.writeString(journal, Files.readString(journal).replace(second, first));

    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(db, dir).migrate());

    assertTrue(e.getMessage().startsWith("0000_create_users.sql and 0001_create_posts.sql have"
        + " the same `when` (" + first + ")"), e.getMessage());
    assertEquals(List.of(), tables(db));
  }

  @Test
  void aDollarQuotedFunctionBodyRunsWhole(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    PostgresFolders.addCustom(dir, "0003_function", "CREATE FUNCTION lower_email() RETURNS"
        + " trigger AS $$\nBEGIN\n  NEW.email := lower(NEW.email);\n  RETURN NEW;\nEND;\n$$"
        + " LANGUAGE plpgsql;\n--> statement-breakpoint\nCREATE TRIGGER users_lower_email"
        + " BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION lower_email();");
    migrator(db, dir).migrate();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO users (email) VALUES ('Ada@Example.COM')");
      assertEquals(List.of("ada@example.com"),
          PostgresHistoryRows.strings(c, "SELECT email FROM users"));
    }
  }

  @Test
  void anotherHolderOfTheLockTimesMigrateOut(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + 0x6E616E6F6B61L + ")");
      MigrationException e = assertThrows(MigrationException.class,
          () -> Migrator.forUrl(db.url()).source(MigrationSource.folder(dir))
              .lockTimeout(Duration.ofMillis(300)).build().migrate());
      assertEquals(MigrationException.Kind.LOCK_TIMEOUT, e.kind(), e.getMessage());
    }
    assertEquals(List.of(), tables(db));
    assertEquals(PostgresFolders.BLOG, migrator(db, dir).migrate().applied());
  }

  @Test
  void aDrizzleRowNoFileHasShowsAsMissing(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    migrator(db, dir).migrate();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('x', 42)");
    }
    List<MigrationStatus> problems = migrator(db, dir).validate();
    assertEquals(List.of("unknown (created_at 42)"),
        problems.stream().map(MigrationStatus::name).toList());
    assertEquals(MigrationStatus.State.MISSING, problems.get(0).state());
  }

  @Test
  void aDataSourceIsRecognisedAsPostgres(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
    source.setUrl(db.url());
    Migrator.forDataSource(source).source(MigrationSource.folder(dir)).migrate();
    assertEquals(3, drizzleRows(db).size());
    assertEquals(List.of("posts", "users"), tables(db));
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
