package dev.nanoka.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.DataLoss.Effect;
import dev.nanoka.core.diff.DownMigration;
import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.RandomEvolutions;
import dev.nanoka.core.sql.SqliteDdl;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.core.testing.MigrationCheck;
import dev.nanoka.core.testing.MigrationMode;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Up, then down, over the randomized evolutions, in the three ways a file gets applied (FKs off;
 * FKs on in one transaction as on D1; FKs on, statement by statement): the database's schema is
 * the old one again (introspected and diffed: nothing), and every row of every table the up
 * migration did not create or drop is back — each value of a column the up migration neither
 * dropped, converted, nor filled.
 *
 * <p>A down migration may fail over the rows only where the up migration destroyed data it
 * would need: a dropped unique column comes back with one default in every row, a dropped
 * parent comes back empty under children that reference it. It then fails loudly (a constraint,
 * or {@code foreign_key_check}), which a rollback turns into a refusal; it never runs into a
 * wrong state. Such cases must stay few, or the test would prove little.
 */
class DownMigrationRoundTripTest {

  static final long COUNT = Long.getLong("nanoka.seed.count", 150);

  private final AtomicInteger unrestorable = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> upThenDownRestoresTheSchemaAndKeepsTheRows() {
    Stream<DynamicTest> seeds = LongStream.rangeClosed(1, COUNT).mapToObj(seed ->
        DynamicTest.dynamicTest("seed " + seed, () -> roundTrip(seed)));
    return Stream.concat(seeds, Stream.of(DynamicTest.dynamicTest("few cannot be undone", () ->
        assertTrue(unrestorable.get() <= COUNT / 8, unrestorable + " of " + COUNT
            + " evolutions could not be undone over their rows"))));
  }

  private void roundTrip(long seed) throws Exception {
    MigrationCheck check = RandomEvolutions.generate(seed);
    MigrationCheck.Evolution evolution = check.evolution();
    DatabaseSchema from = evolution.from();
    DatabaseSchema to = evolution.to();
    SchemaDiff downDiff = DownMigration.of(from, to, evolution.hints());
    assertEquals(List.of(), downDiff.ambiguities(), "seed " + seed);
    List<String> down = StatementBreakpoints.split(
        StatementBreakpoints.join(SqliteMigrationRenderer.render(downDiff)));
    String context = evolution.label() + "\n--- up ---\n" + check.file() + "\n--- down ---\n"
        + String.join("\n--> statement-breakpoint\n", down);
    for (MigrationMode mode : MigrationMode.values()) {
      try (Connection c = mode.open()) {
        List<String> a = new ArrayList<>(Migrations.creation(from));
        a.addAll(evolution.inserts());
        Sqlite.applyAll(c, a, true, context + "\n(creating A)");
        List<List<String>> before = rowsKept(c, from, to, check.diff());
        mode.apply(c, check.statements(), context + " [" + mode + ", up]");
        String failure = null;
        try {
          mode.apply(c, down, context + " [" + mode + ", down]");
          List<String> broken = Sqlite.rows(c, "PRAGMA foreign_key_check");
          failure = broken.isEmpty() ? null : "foreign keys broken: " + broken;
        } catch (AssertionError e) {
          failure = e.getMessage();
        }
        if (failure != null) {
          assertTrue(check.diff().losses().stream().anyMatch(l -> l.effect() == Effect.LOSES),
              context + " [" + mode + "]\nthe down migration failed although the up migration"
                  + " lost nothing:\n" + failure);
          unrestorable.incrementAndGet();
          return;
        }

        SchemaDiff left = SchemaDiffer.diff(SqliteIntrospector.read(c), from, RenameHints.NONE);
        assertEquals(List.of(), left.changes(), context + " [" + mode + "]\nschema after down");
        assertEquals(before, rowsKept(c, from, to, check.diff()),
            context + " [" + mode + "]\nrows after down");
      }
    }
  }

  /**
   * Per table of A the up migration keeps (by name in A), its rows as sorted text over the
   * columns whose values come back unchanged: not dropped, renamed back, not converted to
   * another type, not filled from a default.
   */
  private static List<List<String>> rowsKept(Connection c, DatabaseSchema from,
      DatabaseSchema to, SchemaDiff up) throws Exception {
    List<List<String>> out = new ArrayList<>();
    for (Table table : from.tables()) {
      // Renames keep the order of tables and columns: the same position is the same thing.
      Table renamedTable = up.renamed().tables().get(from.tables().indexOf(table));
      Optional<Table> after = Optional.of(renamedTable)
          .filter(t -> to.table(t.name()).isPresent());
      if (after.isEmpty()) {
        continue; // dropped by the up migration: its rows went with it
      }
      Table now = to.table(after.get().name()).orElseThrow();
      List<String> columns = new ArrayList<>();
      for (Column column : table.columns()) {
        Optional<Column> renamed = Optional.of(
            after.get().columns().get(table.columns().indexOf(column)));
        Optional<Column> kept = renamed.flatMap(r -> now.column(r.name()));
        if (kept.isPresent() && kept.get().type().sqlType() == column.type().sqlType()
            && (column.notNull() || !kept.get().notNull())) {
          columns.add(column.name());
        }
      }
      if (columns.isEmpty()) {
        out.add(List.of(table.name() + ": " + Sqlite.count(c, table.name()) + " rows"));
        continue;
      }
      List<String> rows = new ArrayList<>(Sqlite.rows(c, "SELECT " + columns.stream()
          .map(col -> "quote(" + SqliteDdl.quote(col) + ")")
          .collect(Collectors.joining(" || '|' || ")) + " FROM " + SqliteDdl.quote(table.name())));
      Collections.sort(rows);
      rows.add(0, table.name() + columns);
      out.add(rows);
    }
    return out;
  }
}
