package dev.nanoka.runtime.internal;

import static dev.nanoka.runtime.postgres.PostgresSchemas.storedByName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.core.sql.postgres.PostgresDdl;
import dev.nanoka.core.sql.postgres.PostgresMigrationRenderer;
import dev.nanoka.runtime.DataLossException;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import dev.nanoka.runtime.postgres.PostgresHistoryRows;
import dev.nanoka.runtime.postgres.PostgresRandomSchemas;
import dev.nanoka.runtime.postgres.PostgresSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random schema pairs over edge-value rows, on a real PostgreSQL server, with fixed seeds; each
 * pair both pushed and migrated with the file the core renderer writes:
 *
 * <ul>
 *   <li>push without accepting loss either refuses, leaving schema and rows exactly as they
 *       were, or succeeds having lost nothing: every row of every kept table is there, every
 *       kept value reads back as it was (cast back to its old type), dropped columns and tables
 *       held nothing — no data-loss false negative;
 *   <li>push accepting loss either applies the models exactly or refuses as unexecutable,
 *       changing nothing;
 *   <li>migrate applies the rendered file (the database then reads as the models, keeps every
 *       row of the kept tables, and shows no drift against its replayed history), or fails
 *       leaving everything as it was, and then push had predicted it: unexecutable.
 * </ul>
 */
@ExtendWith(PostgresExtension.class)
class PostgresRandomEvolutionTest {

  /** 60 by default (about 20 s); -Dnanoka.pgSeeds=N for a longer hunt. */
  static final int SEEDS = Integer.getInteger("nanoka.pgSeeds", 60);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path tmp;

  @Test
  void randomEvolutionsKeepTheRowsAndNeverLoseDataUnseen(PostgresDatabase db) throws Exception {
    long started = System.nanoTime();
    int refused = 0;
    int unexecutable = 0;
    int migrateFailed = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      try {
        int[] outcome = run(db, seed);
        refused += outcome[0];
        unexecutable += outcome[1];
        migrateFailed += outcome[2];
      } catch (AssertionError | Exception e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
    System.out.printf("PostgreSQL random evolutions: %d seeds in %d ms; push refused %d,"
        + " unexecutable %d, migrate failed %d%n", SEEDS,
        (System.nanoTime() - started) / 1_000_000, refused, unexecutable, migrateFailed);
    assertTrue(refused > 0 && unexecutable > 0, "the seeds exercise refusals");
  }

  private int[] run(PostgresDatabase db, long seed) throws Exception {
    PostgresRandomSchemas gen = new PostgresRandomSchemas(seed);
    DatabaseSchema a = gen.schema();
    List<String> inserts = gen.rows(a);
    DatabaseSchema b = gen.evolve(a);
    int[] outcome = new int[3];
    PostgresDialect dialect = new PostgresDialect(JournalTimes.NONE);

    // ---- push
    try (Connection c = db.connect()) {
      empty(c);
      Pusher.push(c, dialect, a, false, WAIT);
      exec(c, inserts);
      DatabaseSchema before = PostgresIntrospector.read(c);
      Map<String, Map<String, String>> rows = rows(c, before);
      try {
        Pusher.push(c, dialect, b, false, WAIT);
        assertNothingLost(c, before, rows, b);
        assertEquals(storedByName(b), storedByName(PostgresIntrospector.read(c)));
      } catch (DataLossException refusal) {
        outcome[0]++;
        assertUnchanged(c, before, rows);
        try {
          Pusher.push(c, dialect, b, true, WAIT);
          assertEquals(storedByName(b), storedByName(PostgresIntrospector.read(c)));
          assertKeptRows(c, before, rows, b);
        } catch (DataLossException impossible) {
          outcome[1]++;
          assertFalse(impossible.unexecutable().isEmpty(), impossible.getMessage());
          assertUnchanged(c, before, rows);
        }
      }
    }

    // ---- migrate: the rendered files, then the rows, then the change
    Path dir = Files.createDirectories(tmp.resolve("s" + seed));
    write(dir, List.of(render(PostgresSchemas.EMPTY, a), render(a, b)));
    try (Connection c = db.connect()) {
      empty(c);
    }
    Migrator.forUrl(db.url()).source(MigrationSource.folder(dir)).target(1).build().migrate();
    try (Connection c = db.connect()) {
      exec(c, inserts);
      DatabaseSchema before = PostgresIntrospector.read(c);
      Map<String, Map<String, String>> rows = rows(c, before);
      Migrator migrator = Migrator.forUrl(db.url()).source(MigrationSource.folder(dir)).build();
      try {
        migrator.migrate();
        assertEquals(storedByName(b), storedByName(PostgresIntrospector.read(c)));
        assertKeptRows(c, before, rows, b);
        assertEquals(List.of(), migrator.drift());
        assertEquals(2, PostgresHistoryRows.drizzleRows(db).size());
      } catch (MigrationException failed) {
        outcome[2]++;
        assertUnchanged(c, before, rows);
        assertEquals(1, PostgresHistoryRows.drizzleRows(db).size());
        // the rules saw it coming: push refuses the same change as unexecutable
        try {
          Pusher.push(c, dialect, b, true, WAIT);
          fail("migrate failed (" + failed.getMessage() + ") where push accepting loss ran");
        } catch (DataLossException predicted) {
          assertFalse(predicted.unexecutable().isEmpty(), predicted.getMessage());
        }
      }
    }
    return outcome;
  }

  private static String render(DatabaseSchema from, DatabaseSchema to) {
    return StatementBreakpoints.join(PostgresMigrationRenderer.render(
        SchemaDiffer.diff(from, to, RenameHints.NONE), to));
  }

  private static void write(Path dir, List<String> files) throws Exception {
    Files.createDirectories(dir.resolve("meta"));
    StringBuilder journal = new StringBuilder(
        "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[");
    for (int i = 0; i < files.size(); i++) {
      String tag = String.format("%04d_step", i);
      Files.writeString(dir.resolve(tag + ".sql"), files.get(i).isEmpty()
          ? "SELECT 1;" : files.get(i));
      journal.append(i == 0 ? "" : ",").append("{\"idx\":").append(i)
          .append(",\"version\":\"7\",\"when\":").append(1796294390000L + i)
          .append(",\"tag\":\"").append(tag).append("\",\"breakpoints\":true}");
    }
    Files.writeString(dir.resolve("meta/_journal.json"), journal.append("]}"));
  }

  private static void empty(Connection c) throws SQLException {
    exec(c, List.of("DROP SCHEMA public CASCADE", "CREATE SCHEMA public",
        "DROP SCHEMA IF EXISTS drizzle CASCADE"));
  }

  private static void exec(Connection c, List<String> sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  /** table → "id:column" → value as text. */
  private static Map<String, Map<String, String>> rows(Connection c, DatabaseSchema schema)
      throws SQLException {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Table table : schema.tables()) {
      Map<String, String> values = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT * FROM " + PostgresDdl.quote(table.name()))) {
        while (r.next()) {
          String id = r.getString("id");
          values.put(id, "row");
          for (Column column : table.columns()) {
            values.put(id + ":" + column.name(), r.getString(column.name()));
          }
        }
      }
      out.put(table.name(), values);
    }
    return out;
  }

  private static void assertUnchanged(Connection c, DatabaseSchema before,
      Map<String, Map<String, String>> rows) throws SQLException {
    assertTrue(c.getAutoCommit());
    assertEquals(before, PostgresIntrospector.read(c));
    assertEquals(rows, rows(c, before));
  }

  /** Every row of every kept table is still there (by id). */
  private static void assertKeptRows(Connection c, DatabaseSchema before,
      Map<String, Map<String, String>> rows, DatabaseSchema after) throws SQLException {
    Map<String, Map<String, String>> now = rows(c, after);
    for (Table table : after.tables()) {
      if (before.table(table.name()).isEmpty()) {
        continue;
      }
      List<String> ids = new ArrayList<>(rows.get(table.name()).keySet().stream()
          .filter(k -> !k.contains(":")).toList());
      List<String> idsNow = now.get(table.name()).keySet().stream()
          .filter(k -> !k.contains(":")).toList();
      assertEquals(ids, idsNow, "rows of " + table.name());
    }
  }

  /**
   * Push without accepting loss succeeded: kept rows, every kept value cast back to its old
   * type reads as before, dropped columns held only NULLs, dropped tables were empty.
   */
  private static void assertNothingLost(Connection c, DatabaseSchema before,
      Map<String, Map<String, String>> rows, DatabaseSchema after) throws SQLException {
    assertKeptRows(c, before, rows, after);
    for (Table old : before.tables()) {
      Map<String, String> values = rows.get(old.name());
      if (after.table(old.name()).isEmpty()) {
        assertTrue(values.isEmpty(), "dropped table " + old.name() + " held " + values);
        continue;
      }
      Table now = after.table(old.name()).get();
      for (Column column : old.columns()) {
        if (now.column(column.name()).isEmpty()) {
          values.forEach((k, v) -> assertTrue(!k.endsWith(":" + column.name()) || v == null,
              "dropped column " + old.name() + "." + column.name() + " held " + v));
          continue;
        }
        String back = backCast(column);
        try (Statement s = c.createStatement();
            ResultSet r = s.executeQuery("SELECT id, (" + PostgresDdl.quote(column.name())
                + "::text)::" + back + " FROM " + PostgresDdl.quote(old.name()))) {
          while (r.next()) {
            assertEquals(values.get(r.getString(1) + ":" + column.name()), r.getString(2),
                old.name() + "." + column.name() + " of row " + r.getString(1)
                    + " changed without a reported loss");
          }
        }
      }
    }
  }

  /** The old type to read a value back as (an enum as text: its type may be rebuilt). */
  private static String backCast(Column column) {
    LogicalType.Native n = (LogicalType.Native) column.type();
    if (n.meaning() instanceof LogicalType.EnumText) {
      return "text";
    }
    return switch (n.sql()) {
      case "serial" -> "integer";
      case "bigserial" -> "bigint";
      default -> n.sql();
    };
  }
}
