package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Sqlite.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.core.text.Checksums;
import dev.nanoka.runtime.internal.AppliedMigration;
import dev.nanoka.runtime.internal.Migration;
import dev.nanoka.runtime.internal.MigrationChecksum;
import dev.nanoka.runtime.internal.MigrationInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application start with nothing to apply: decided from one read of the history, reading no
 * migration file and writing nothing, when the source knows its checksums.
 */
class UpToDateStartTest {

  static final List<String> FILES = List.of("0000_create_notes.sql", "0001_seed_notes.sql");

  @TempDir Path tmp;

  /** A source that knows its checksums and counts how often its files are read. */
  static final class CountingSource extends MigrationSource {
    final List<Migration> migrations;
    int loads;

    CountingSource(List<Migration> migrations) {
      this.migrations = migrations;
    }

    @Override
    List<Migration> load() {
      loads++;
      return migrations;
    }

    @Override
    java.util.Map<String, Migration> loadDown(List<Migration> found) {
      return java.util.Map.of();
    }

    @Override
    Optional<List<MigrationChecksum>> checksums() {
      return Optional.of(migrations.stream()
          .map(m -> new MigrationChecksum(m.name(), m.checksum())).toList());
    }

    @Override
    public String describe() {
      return "counting source";
    }
  }

  static final List<Migration> TWO = List.of(
      new Migration("0000_a.sql", "CREATE TABLE a (x);"),
      new Migration("0001_b.sql", "CREATE TABLE b (x);"));

  Migrator.Builder migrator(Path db, MigrationSource source) {
    return Migrator.forUrl(Sqlite.url(db)).source(source);
  }

  @Test
  void upToDateStartReadsNoFileAndTakesNoLock() throws Exception {
    Path db = tmp.resolve("app.db");
    CountingSource source = new CountingSource(TWO);
    assertEquals(List.of("0000_a.sql", "0001_b.sql"), migrator(db, source).migrate().applied());
    assertEquals(1, source.loads);

    try (Connection writer = Sqlite.open(db); Statement statement = writer.createStatement()) {
      statement.execute("BEGIN IMMEDIATE"); // another process is writing
      MigrateResult result = migrator(db, source).lockTimeout(Duration.ZERO).migrate();
      statement.execute("COMMIT");
      assertEquals(List.of(), result.applied());
      assertEquals(List.of("0000_a.sql", "0001_b.sql"), result.upToDate());
    }
    assertEquals(1, source.loads, "no file may be read when the history matches the checksums");
  }

  @Test
  void anythingElseTakesTheFullRun() throws Exception {
    Path db = tmp.resolve("app.db");
    migrator(db, new CountingSource(TWO.subList(0, 1))).migrate();

    CountingSource pending = new CountingSource(TWO);
    assertEquals(List.of("0001_b.sql"), migrator(db, pending).migrate().applied());
    assertEquals(1, pending.loads);

    CountingSource edited = new CountingSource(List.of(TWO.get(0),
        new Migration("0001_b.sql", "CREATE TABLE b (x, y);")));
    assertEquals(MigrationException.Kind.EDITED,
        assertThrows(MigrationException.class, () -> migrator(db, edited).migrate()).kind());
    assertEquals(1, edited.loads);

    // The drift check needs the files' text.
    CountingSource drift = new CountingSource(TWO);
    migrator(db, drift).checkDrift(true).migrate();
    assertEquals(1, drift.loads);
  }

  @Test
  void rowsWranglerWroteAreAdoptedByTheFullRunThenStartsAreQuick() throws Exception {
    Path db = tmp.resolve("app.db");
    Sqlite.exec(db, Sqlite.WRANGLER_HISTORY_TABLE);
    Sqlite.exec(db, "CREATE TABLE a (x)");
    Sqlite.exec(db, "INSERT INTO d1_migrations (name) VALUES ('0000_a.sql')");
    CountingSource source = new CountingSource(TWO);
    MigrateResult first = migrator(db, source).migrate();
    assertEquals(List.of("0000_a.sql"), first.adopted());
    assertEquals(List.of("0001_b.sql"), first.applied());
    migrator(db, source).migrate();
    assertEquals(1, source.loads);
  }

  @Test
  void indexWithChecksumsUsesThemAndStillReportsAFileNotPackaged() throws Exception {
    Path db = tmp.resolve("app.db");
    List<String> checksums = FILES.stream().map(UpToDateStartTest::resourceChecksum).toList();
    MigrationIndex index = new ChecksummedIndex("nanoka/migrations/indextest", FILES, checksums);
    assertEquals(FILES, Migrator.forUrl(Sqlite.url(db))
        .source(MigrationSource.index(index)).migrate().applied());
    assertEquals(FILES, Migrator.forUrl(Sqlite.url(db))
        .source(MigrationSource.index(index)).migrate().upToDate());
    assertEquals(FILES, history(db));

    Path fresh = tmp.resolve("fresh.db");
    MigrationIndex broken = new ChecksummedIndex("nanoka/migrations/indextest",
        List.of("0000_create_notes.sql", "0001_not_there.sql"), List.of("c0", "c1"));
    MigrationException e = assertThrows(MigrationException.class, () ->
        Migrator.forUrl(Sqlite.url(fresh)).source(MigrationSource.index(broken)).migrate());
    assertEquals(MigrationException.Kind.UNREADABLE, e.kind());
    assertTrue(e.getMessage().contains("0001_not_there.sql"), e.getMessage());
    assertFalse(Files.exists(fresh), "nothing may be written");
  }

  @Test
  void indexWhoseChecksumsDoNotMatchItsFilesIsABuildProblem() {
    MigrationIndex index = new ChecksummedIndex("nanoka/migrations/indextest", FILES, List.of());
    MigrationException e = assertThrows(MigrationException.class, () -> Migrator.forUrl(
        Sqlite.url(tmp.resolve("app.db"))).source(MigrationSource.index(index)).migrate());
    assertEquals(MigrationException.Kind.UNREADABLE, e.kind());
    assertTrue(e.getMessage().contains("lists 2 files but 0 checksums: rebuild the project"),
        e.getMessage());
  }

  @Test
  void allAppliedIsPure() {
    List<MigrationChecksum> listed = List.of(new MigrationChecksum("a.sql", "ca"),
        new MigrationChecksum("b.sql", "cb"));
    AppliedMigration a = new AppliedMigration("a.sql", "t", Optional.of("ca"));
    AppliedMigration b = new AppliedMigration("b.sql", "t", Optional.of("cb"));
    AppliedMigration gone = new AppliedMigration("gone.sql", "t", Optional.of("cg"));
    assertEquals(Optional.of(List.of("a.sql", "b.sql")),
        MigrationInfo.allApplied(listed, List.of(gone, a, b)));
    assertEquals(Optional.empty(), MigrationInfo.allApplied(listed, List.of(a)));
    assertEquals(Optional.empty(), MigrationInfo.allApplied(listed,
        List.of(a, new AppliedMigration("b.sql", "t", Optional.of("other")))));
    assertEquals(Optional.empty(), MigrationInfo.allApplied(listed,
        List.of(a, new AppliedMigration("b.sql", "t", Optional.empty()))));
  }

  private static String resourceChecksum(String file) {
    try (var in = UpToDateStartTest.class.getClassLoader()
        .getResourceAsStream("nanoka/migrations/indextest/" + file)) {
      return Checksums.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  record ChecksummedIndex(String resourceFolder, List<String> files, List<String> checksums)
      implements MigrationIndex {}
}
