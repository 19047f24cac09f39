package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nanoka.core.testing.LibraryRebuild;
import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table rebuild at scale, applied by every kind of runner and then counted row by row: the
 * rebuild of {@code authors} under 100,000 {@code books} and 100,000 {@code reviews}, two levels
 * of ON DELETE CASCADE ({@link LibraryRebuild}), as the renderer writes it.
 *
 * <ul>
 *   <li>{@code wrangler d1 migrations apply --local}: D1 enforces foreign keys in a migration and
 *       ignores {@code PRAGMA foreign_keys=OFF}, so the dependents' rows must be set aside and
 *       put back — here in 16 statements per table of 6,251 rows each;
 *   <li>Nanoka's runtime, on a connection with foreign keys on and one with them off (it turns
 *       them off while migrating either way): nothing but {@code authors} needs copying;
 *   <li>plain SQLite, the file in one transaction, with foreign keys on (D1's model: every
 *       dependent row moves out and back) and off (only the rows of {@code authors} are
 *       written, as SQLite itself counts them).
 * </ul>
 *
 * Each database holds, after the rebuild, what it held before: per table the row count and sums
 * over every column, the rows that join reviews to books to authors, and no table left over by
 * the rebuild.
 */
class RebuildAtScaleTest {

  private static final int ROWS = 100_000;

  /** Per table: rows and sums over the columns; then the rows joined through both keys. */
  private static final String FINGERPRINT = "SELECT 'authors' AS t, count(*) AS n,"
      + " coalesce(sum(id), 0) AS a, coalesce(sum(length(name)), 0) AS b FROM authors"
      + " UNION ALL SELECT 'books', count(*), coalesce(sum(id + authorId), 0),"
      + " coalesce(sum(length(title)), 0) FROM books"
      + " UNION ALL SELECT 'reviews', count(*), coalesce(sum(bookId * 5 + stars), 0),"
      + " coalesce(sum(length(code) + length(body)), 0) FROM reviews"
      + " UNION ALL SELECT 'joined', count(*), 0, 0 FROM reviews r JOIN books b ON b.id ="
      + " r.bookId JOIN authors a ON a.id = b.authorId"
      + " UNION ALL SELECT 'rebuild tables left', count(*), 0, 0 FROM sqlite_master"
      + " WHERE name LIKE '\\_\\_%' ESCAPE '\\';";

  private static Path work;
  private static Path createOnly;
  private static Path both;

  @BeforeAll
  static void writeMigrations() throws IOException {
    work = ItPaths.target().resolve("it").resolve("rebuild-at-scale");
    TestFiles.deleteRecursively(work);
    createOnly = Files.createDirectories(work.resolve("create-only"));
    both = Files.createDirectories(work.resolve("migrations"));
    Files.writeString(createOnly.resolve("0000_create.sql"), LibraryRebuild.createFile());
    Files.writeString(both.resolve("0000_create.sql"), LibraryRebuild.createFile());
    Files.writeString(both.resolve("0001_rebuild_authors.sql"), LibraryRebuild.rebuildFile());
  }

  @Test
  void wranglerLocalKeepsEveryRow() throws Exception {
    NodeTools.ensureInstalled();
    LocalD1 d1 = new LocalD1(work.resolve("d1"));
    d1.useMigrations(createOnly);
    CommandResult created = d1.applyMigrations("create");
    assertTrue(created.succeeded(), created.describe());
    List<String> fill = new ArrayList<>(LibraryRebuild.rows(ROWS));
    fill.add(FINGERPRINT);
    List<String> before = rows(d1.execute("fill", fill).get(fill.size() - 1));
    assertFilled(before);

    d1.useMigrations(both);
    CommandResult rebuilt = d1.applyMigrations("rebuild");
    assertTrue(rebuilt.succeeded(), rebuilt.describe());
    assertEquals(before, rows(d1.execute("count", List.of(FINGERPRINT)).get(0)),
        "rows after wrangler applied the rebuild");
  }

  @ParameterizedTest(name = "foreign_keys={0}")
  @ValueSource(booleans = {true, false})
  void nanokaRuntimeKeepsEveryRow(boolean foreignKeys) throws Exception {
    Path file = work.resolve("runtime-foreign-keys-" + foreignKeys + ".db");
    String url = "jdbc:sqlite:" + file + "?foreign_keys=" + foreignKeys;
    migrate(url, createOnly, 1);
    List<String> before;
    try (SqliteDatabase db = SqliteDatabase.open(file, "runtime")) {
      db.execute("rows", LibraryRebuild.rows(ROWS), true);
      before = fingerprint(db);
    }
    assertFilled(before);
    migrate(url, both, 1);
    try (SqliteDatabase db = SqliteDatabase.open(file, "runtime")) {
      assertEquals(before, fingerprint(db), "rows after the runtime applied the rebuild");
      assertEquals(List.of(), db.query("PRAGMA foreign_key_check"));
    }
  }

  @ParameterizedTest(name = "foreign_keys={0}")
  @ValueSource(booleans = {true, false})
  void sqliteInOneTransactionKeepsEveryRow(boolean foreignKeys) throws Exception {
    Path file = work.resolve("sqlite-foreign-keys-" + foreignKeys + ".db");
    try (SqliteDatabase db = SqliteDatabase.open(file, "SQLite")) {
      db.execute("create", statements(LibraryRebuild.createFile()), foreignKeys);
      db.execute("rows", LibraryRebuild.rows(ROWS), foreignKeys);
      List<String> before = fingerprint(db);
      assertFilled(before);
      long changes = changes(db);
      db.execute("rebuild", statements(LibraryRebuild.rebuildFile()), foreignKeys);
      assertEquals(before, fingerprint(db), "rows after the rebuild");
      assertEquals(List.of(), db.query("PRAGMA foreign_key_check"));
      // Rows inserted, updated or deleted (ON DELETE actions included): without foreign keys
      // the copy of authors alone; with them, books and reviews out and back as well.
      long authors = LibraryRebuild.authors(ROWS);
      assertEquals(foreignKeys ? 2 * authors + 6L * ROWS - firstBatches() : authors,
          changes(db) - changes, "rows written by the rebuild");
    }
  }

  /** The rows the first set-aside statement of books and of reviews copies: CREATE TABLE … AS
   * SELECT counts none of them. */
  private static long firstBatches() {
    return 2L * (ROWS / 16 + 1);
  }

  private static long changes(SqliteDatabase db) throws SQLException {
    return Long.parseLong(db.query("SELECT total_changes()").get(0).get(0));
  }

  private static void migrate(String url, Path folder, int expected) throws Exception {
    MigrateResult result = Migrator.forUrl(url).source(MigrationSource.folder(folder)).migrate();
    assertEquals(expected, result.applied().size(), result.toString());
  }

  /** The rows as inserted: counted per table, all joined, no table of a rebuild. */
  private static void assertFilled(List<String> fingerprint) {
    List<String> counts = new ArrayList<>();
    LibraryRebuild.counts(ROWS).forEach((table, rows) -> counts.add("'" + table + "'|" + rows));
    counts.add("'joined'|" + ROWS);
    counts.add("'rebuild tables left'|0");
    assertEquals(counts, fingerprint.stream()
        .map(row -> row.substring(0, row.indexOf('|', row.indexOf('|') + 1))).toList(),
        String.join("\n", fingerprint));
  }

  private static List<String> statements(String file) throws IOException {
    Path path = Files.writeString(work.resolve("statements.sql"), file);
    return MigrationScript.read(path).statements();
  }

  private static List<String> fingerprint(SqliteDatabase db) throws SQLException {
    return db.query(FINGERPRINT).stream().map(row -> String.join("|", row)).toList();
  }

  private static List<String> rows(JsonNode result) {
    List<String> out = new ArrayList<>();
    for (JsonNode row : result) {
      out.add(String.join("|", List.of("t", "n", "a", "b").stream()
          .map(column -> DatabaseContent.value(row.get(column))).toList()));
    }
    return out;
  }
}
