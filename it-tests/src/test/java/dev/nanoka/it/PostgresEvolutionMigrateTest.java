package dev.nanoka.it;

import static dev.nanoka.runtime.postgres.PostgresHistoryRows.drizzleRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import dev.nanoka.runtime.postgres.PostgresHistoryRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migrations the processor writes for the four versions of
 * {@code src/test/projects/pg-evolution} run on a real server, by both tools: after each
 * version, {@code drizzle-kit migrate} (0.31, node's {@code pg}) applies the new file to
 * database A and the runtime ({@link Migrator}, folder source) to database B. Rows inserted
 * before each step (edge values: extreme integers, the longest email, quotes, newlines, empty
 * strings, bytea, numerics that round) survive in every table the step keeps, in every column
 * whose type it keeps; A and B end each step with the same catalog and the same rows; and each
 * tool then finds nothing to apply on the other's database.
 */
@ExtendWith(PostgresExtension.class)
class PostgresEvolutionMigrateTest {

  private static final String U1 = "'00000000-0000-0000-0000-000000000001'";
  private static final String U2 = "'ffffffff-ffff-ffff-ffff-ffffffffffff'";
  private static final String U3 = "'12345678-9abc-def0-1234-56789abcdef0'";

  /** Rows each version's schema takes, inserted before the next step (none drafts: v4 drops). */
  private static final Map<String, List<String>> ROWS = Map.of(
      "v1", List.of(
          "INSERT INTO users (id, email, name, age, \"createdAt\") VALUES"
              + " (" + U1 + ", 'o''brien+ü@example.com', '', -2147483648, '1970-01-01T00:00:00Z'),"
              + " (" + U2 + ", repeat('x', 300) || '@e.io', 'Zoë \"q\" \\ ' || chr(10) || 'x',"
              + " 2147483647, '9999-12-31T23:59:59.999Z')",
          "INSERT INTO posts (id, \"authorId\", title, status, price, visible, cover) VALUES"
              + " (1, " + U1 + ", '', 'PUBLISHED', 99999999.995, false, '\\x00ff'::bytea),"
              + " (9223372036854775807, " + U2 + ", 'line' || chr(10) || 'break', 'PUBLISHED',"
              + " NULL, true, NULL),"
              + " (2, " + U2 + ", 'ü', 'PUBLISHED', -0.001, true, ''::bytea)"),
      "v2", List.of(
          "INSERT INTO users (id, email, name, age, \"createdAt\", nickname) VALUES"
              + " (" + U3 + ", repeat('y', 314) || '@e.io', 'n', 9223372036854775807,"
              + " '2024-02-29T12:00:00+05:30', '')",
          "INSERT INTO posts (id, \"authorId\", status, price) VALUES"
              + " (3, " + U3 + ", 'REVIEW', 0)",
          "INSERT INTO tags (label) VALUES ('java'), ('it''s'), ('')",
          "INSERT INTO post_tags (\"postId\", \"tagId\") VALUES (1, 1),"
              + " (9223372036854775807, 2), (3, 3)"),
      "v3", List.of(
          "INSERT INTO users (id, email, \"displayName\", \"createdAt\") VALUES"
              + " ('00000000-0000-0000-0000-000000000004', 'v3@e.io', '', '2000-01-01Z')",
          "INSERT INTO posts (id, \"authorId\", title, status, price) VALUES"
              + " (5, " + U3 + ", NULL, 'REVIEW', 9999999999.99)",
          "INSERT INTO tags (label) VALUES ('v3')",
          "INSERT INTO post_tags (\"postId\", \"tagId\") VALUES (5, 4)"),
      "v4", List.of(
          "INSERT INTO posts (id, \"authorId\", title, price) VALUES"
              + " (6, " + U1 + ", 'after v4', -9999999999.99)"));

  @Test
  void drizzleKitAndTheRuntimeApplyEveryVersionAlikeAndKeepTheRows(PostgresDatabase a,
      PostgresDatabase b) throws Exception {
    NodeTools.ensureInstalled();
    Path work = ItPaths.target().resolve("pg-evolution-migrate");
    Path logs = work.resolveSibling("pg-evolution-migrate-logs");
    TestFiles.deleteRecursively(work);
    Files.createDirectories(work);
    Path migrations = work.resolve("drizzle/migrations");
    for (var db : List.of(a, b)) {
      Files.writeString(work.resolve(db.name() + ".config.ts"), "export default {\n"
          + "  dialect: 'postgresql',\n  out: './drizzle/migrations',\n"
          + "  dbCredentials: { url: '" + db.nodeUrl() + "' },\n};\n");
    }
    List<String> versions = List.of("v1", "v2", "v3", "v4");
    for (int i = 0; i < versions.size(); i++) {
      String version = versions.get(i);
      String at = "After " + version + ": ";
      Map<String, Map<String, Snapshot>> before = new LinkedHashMap<>();
      for (var db : List.of(a, b)) {
        before.put(db.name(), snapshot(db));
      }
      PostgresEvolutionTest.compile(work, version);

      CommandResult kit = kitMigrate(work, a, logs.resolve(version + "-kit-a.log"));
      assertTrue(kit.succeeded(), at + "drizzle-kit migrate failed on A:" + kit.describe());
      MigrateResult runtime = runtime(b, migrations).migrate();
      assertEquals(1, runtime.applied().size(), at + "the runtime applied " + runtime);

      // The runtime keeps its checksums beside drizzle's history: A has them from the step
      // before (the cross-check), B from this one; compared in full below.
      assertEquals(withoutChecksums(PostgresCatalog.of(a)),
          withoutChecksums(PostgresCatalog.of(b)),
          at + "drizzle-kit (A) and the runtime (B) left different schemas");
      List<String> tables = PostgresCatalog.tables(a);
      for (String table : tables) {
        assertEquals(PostgresCatalog.rows(a, table), PostgresCatalog.rows(b, table),
            at + "A and B hold different rows in " + table);
      }
      for (var db : List.of(a, b)) {
        for (var table : before.get(db.name()).entrySet()) {
          if (tables.contains(table.getKey())) {
            assertKept(db, table.getKey(), table.getValue(), at);
          }
        }
      }

      // Each tool finds the other's database up to date.
      MigrateResult onA = runtime(a, migrations).migrate();
      assertEquals(List.of(), onA.applied(), at + "the runtime applied again on A: " + onA);
      List<String> historyB = drizzleRows(b);
      CommandResult again = kitMigrate(work, b, logs.resolve(version + "-kit-b.log"));
      assertTrue(again.succeeded(), at + "drizzle-kit migrate failed on B:" + again.describe());
      assertEquals(historyB, drizzleRows(b), at + "drizzle-kit applied again on B");
      assertEquals(i + 1, drizzleRows(a).size(), at + "drizzle's history on A");
      assertEquals(drizzleRows(a).size(), drizzleRows(b).size(), at + "the histories differ");
      assertEquals(PostgresCatalog.of(a), PostgresCatalog.of(b),
          at + "the cross-checks changed a schema");

      for (var db : List.of(a, b)) {
        insert(db, ROWS.get(version));
      }
    }
  }

  private static List<String> withoutChecksums(List<String> catalog) {
    return catalog.stream().filter(line -> !line.contains("nanoka_migration_checksums")).toList();
  }

  private static CommandResult kitMigrate(Path work, PostgresDatabase db, Path log)
      throws Exception {
    return NodeTools.drizzleKit(work, log, "migrate", "--config", db.name() + ".config.ts");
  }

  private static Migrator runtime(PostgresDatabase db, Path dir) {
    return Migrator.forUrl(db.url()).source(MigrationSource.folder(dir)).build();
  }

  private static void insert(PostgresDatabase db, List<String> sql) throws SQLException {
    try (Connection c = db.connect(); Statement statement = c.createStatement()) {
      for (String insert : sql) {
        statement.execute(insert);
      }
    }
  }

  /** A table's columns (name and type) and its rows as JSON over them. */
  private record Snapshot(List<String> columns, List<String> rows) {}

  private static Map<String, Snapshot> snapshot(PostgresDatabase db) throws SQLException {
    Map<String, Snapshot> tables = new LinkedHashMap<>();
    for (String table : PostgresCatalog.tables(db)) {
      List<String> columns = columns(db, table);
      tables.put(table, new Snapshot(columns, project(db, table, columns)));
    }
    return tables;
  }

  /**
   * The rows as they were and as they are, over the columns whose name and type the step kept:
   * a renamed, dropped or retyped column is the migration's declared change, not a lost row.
   */
  private static void assertKept(PostgresDatabase db, String table, Snapshot before, String at)
      throws SQLException {
    List<String> columns = columns(db, table);
    List<String> keys = new ArrayList<>(columns);
    keys.retainAll(before.columns());
    assertTrue(!keys.isEmpty(), at + "no column of " + table + " kept its name and type");
    assertEquals(narrow(db, before.rows(), keys), narrow(db, project(db, table, columns), keys),
        at + "rows inserted before the step changed in " + db.name() + "." + table
            + " (over the columns the step kept: " + keys + ")");
  }

  /** The JSON rows with only the keys given, sorted. */
  private static List<String> narrow(PostgresDatabase db, List<String> rows, List<String> keys)
      throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement statement = c.prepareStatement("SELECT (SELECT coalesce("
            + "json_object_agg(e.key, e.value ORDER BY e.key), '{}')::text"
            + " FROM json_each(j::json) e WHERE e.key = ANY(?)) FROM unnest(?) j ORDER BY 1")) {
      statement.setArray(1, c.createArrayOf("text", keys.toArray()));
      statement.setArray(2, c.createArrayOf("text", rows.toArray()));
      List<String> narrowed = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          narrowed.add(result.getString(1));
        }
      }
      return narrowed;
    }
  }

  private static List<String> columns(PostgresDatabase db, String table) throws SQLException {
    try (Connection c = db.connect()) {
      return PostgresHistoryRows.strings(c, "SELECT column_name || '|' || data_type || '|'"
          + " || udt_name || '|' || coalesce(character_maximum_length::text, '') || '|'"
          + " || coalesce(numeric_scale::text, '') FROM information_schema.columns"
          + " WHERE table_schema = 'public' AND table_name = '" + table + "'"
          + " ORDER BY column_name");
    }
  }

  private static List<String> project(PostgresDatabase db, String table, List<String> columns)
      throws SQLException {
    StringBuilder fields = new StringBuilder();
    for (String column : columns) {
      String name = column.substring(0, column.indexOf('|'));
      fields.append(fields.length() == 0 ? "" : ", ").append("'").append(column.replace("'",
          "''")).append("', \"").append(name).append("\"");
    }
    try (Connection c = db.connect()) {
      return PostgresHistoryRows.strings(c, "SELECT json_build_object(" + fields + ")::text"
          + " FROM \"" + table + "\" ORDER BY 1");
    }
  }
}
