package dev.nanoka.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.SqlType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.sql.SqliteDdl;
import dev.nanoka.core.testing.MutableSchema;
import dev.nanoka.core.testing.MutableSchema.MCol;
import dev.nanoka.core.testing.MutableSchema.MFk;
import dev.nanoka.core.testing.MutableSchema.MTable;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.internal.Pusher;
import dev.nanoka.runtime.internal.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule push must hold for every input: no value or row changes without a refusal, and a
 * refusal changes nothing and names what would be lost.
 *
 * <p>Random schemas (every supported column type, nullability, defaults, unique columns and
 * indexes, single, composite and INTEGER keys, a child table) hold random rows of edge values,
 * some of a storage class other than the column's (SQLite keeps them). Each is pushed to a random
 * evolution (type changes between every pair of types, nullability, defaults, unique, keys,
 * dropped and added columns and tables, narrowed enums):
 * <ul>
 *   <li>refused: the database file is byte for byte what it was; when the same push with
 *       {@code acceptDataLoss} goes through on a copy, every column and table it changed is
 *       named by the refusal;
 *   <li>applied: every row of every table that stays, read back through its old column types,
 *       is what it was (as a multiset: a new key may reorder rows); a dropped column held only
 *       NULLs, a dropped table no rows; a second push has nothing to do.
 * </ul>
 * Everything comes from the seed in the failure message.
 */
class RandomPushTest {

  private static final int CASES = 500;
  private static final Duration LOCK = Duration.ofSeconds(5);

  @TempDir Path dir;

  private int refused;
  private int applied;
  private int unexecutable;
  /** Pushes SQLite refused although no prediction said so: each an unpredicted failure. */
  private final List<String> failedLoudly = new ArrayList<>();

  /**
   * Now and then an update trigger ({@code onRowUpdate}) on a column that is no part of a key,
   * or none any more: a push must carry it through rebuilds without firing it (a fired trigger
   * writes {@link MutableSchema#STAMP}, a changed row), and a second push must find it in place.
   */
  private static void toggleStamps(Random stamps, List<MTable> tables) {
    for (MTable t : tables) {
      if (stamps.nextInt(3) == 0) {
        List<MCol> cols = t.cols.stream().filter(c -> !t.isKey(c)).toList();
        if (!cols.isEmpty()) {
          MCol c = cols.get(stamps.nextInt(cols.size()));
          c.stamp = !c.stamp;
        }
      }
    }
  }

  @Test
  void noChangeWithoutRefusal() throws Exception {
    for (long seed = 1; seed <= CASES; seed++) {
      Random rnd = new Random(seed);
      Path file = dir.resolve("case-" + seed + ".db");
      List<MTable> before = Generator.schema(rnd);
      // update triggers from a generator of their own: the cases of each seed stay the same
      Random stamps = new Random(seed * 31 + 17);
      toggleStamps(stamps, before);
      List<MTable> after = Generator.evolve(rnd, before);
      toggleStamps(stamps, after);
      try (Connection db = Sqlite.open("jdbc:sqlite:" + file)) {
        Sqlite.create(db, MutableSchema.build(before));
        for (MTable table : before) {
          for (int r = 0; r < table.rows; r++) {
            insertRow(db, rnd, table, before);
          }
        }
      }
      pushAndCheck("seed " + seed, file, MutableSchema.build(before), MutableSchema.build(after));
    }
    // The test can only fail if the cases reach what it is about.
    assertTrue(refused > CASES / 5 && applied > CASES / 5 && unexecutable > CASES / 20,
        "refused " + refused + ", applied " + applied + ", unexecutable " + unexecutable);
    assertEquals(List.of(), failedLoudly, "changes SQLite refused that push did not predict");
  }

  /**
   * Every change from one column type to another (the logical types the processor writes, so
   * also boolean to enum and the like), over a column holding every edge value of every storage
   * class, and NULL.
   */
  @Test
  void everyTypeChangeOverEveryEdgeValue() throws Exception {
    List<LogicalType> types = Generator.TYPES;
    List<String> values = new ArrayList<>(List.of("NULL"));
    values.addAll(Values.INTEGERS);
    values.addAll(Values.REALS);
    values.addAll(Values.TEXTS);
    values.addAll(Values.BLOBS);
    int n = 0;
    for (LogicalType from : types) {
      for (LogicalType to : types) {
        if (from.equals(to)) {
          continue;
        }
        Path file = dir.resolve("types-" + n++ + ".db");
        DatabaseSchema before = Schemas.schema(Schemas.table("m").id().nullable("c", from).build());
        try (Connection db = Sqlite.open("jdbc:sqlite:" + file)) {
          Sqlite.create(db, before);
          for (String value : values) {
            Sqlite.exec(db, "INSERT INTO m (c) VALUES (" + value + ")");
          }
        }
        pushAndCheck(from + " -> " + to, file, before,
            Schemas.schema(Schemas.table("m").id().nullable("c", to).build()));
      }
    }
    assertEquals(List.of(), failedLoudly, "changes SQLite refused that push did not predict");
  }

  /**
   * Pushes {@code to} into the database file holding {@code from} and its rows, and checks that
   * nothing changed without a refusal, and that a refusal changed nothing.
   */
  private void pushAndCheck(String label, Path file, DatabaseSchema from, DatabaseSchema to)
      throws Exception {
    label = label + "\nfrom " + from + "\nto   " + to;
    Path copy = file.resolveSibling(file.getFileName() + "-accepted");
    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    byte[] bytes = Files.readAllBytes(file);
    try (Connection db = Sqlite.open("jdbc:sqlite:" + file)) {
      Map<String, List<String>> rows = snapshot(db, from);
      try {
        Pusher.push(db, SqliteDialect.INSTANCE, to, false, LOCK);
        applied++;
      } catch (DataLossException e) {
        refused++;
        if (!e.unexecutable().isEmpty()) {
          unexecutable++;
        }
        assertTrue(!e.problems().isEmpty(), label);
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(file)),
            "a refused push changed the file\n" + label);
        checkAccepted(copy, from, to, rows, e, label);
        return;
      } catch (MigrationException e) {
        failedLoudly.add(label.lines().findFirst().orElse("") + ": " + e.getMessage());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(file)),
            "a failed push changed the file: " + e.getMessage() + "\n" + label);
        return;
      }
      List<String> changed = changes(db, from, to, rows);
      assertEquals(List.of(), changed, "changed without refusal\n" + label);
      assertEquals(
          List.of(),
          Pusher.plan(db, SqliteDialect.INSTANCE, to),
          "a second push would still change\n" + label);
    }
  }

  /** The same push, accepted, on a copy: what it changes must be what the refusal named. */
  private void checkAccepted(
      Path copy,
      DatabaseSchema from,
      DatabaseSchema to,
      Map<String, List<String>> rows,
      DataLossException refusal,
      String label)
      throws Exception {
    try (Connection db = Sqlite.open("jdbc:sqlite:" + copy)) {
      PushResult result;
      try {
        result = Pusher.push(db, SqliteDialect.INSTANCE, to, true, LOCK);
      } catch (DataLossException e) {
        assertTrue(!e.unexecutable().isEmpty(), "accepted, yet refused for losses\n" + label);
        return;
      } catch (MigrationException e) {
        failedLoudly.add(label.lines().findFirst().orElse("") + " (accepted): " + e.getMessage());
        return;
      }
      assertTrue(refusal.unexecutable().isEmpty(),
          "refused as unexecutable, yet applied when accepted: " + refusal.unexecutable()
              + "\n" + label);
      assertEquals(refusal.losses(), result.acceptedLosses(), label);
      for (String change : changes(db, from, to, rows)) {
        String table = change.substring(0, change.indexOf('.'));
        String column = change.substring(change.indexOf('.') + 1, change.indexOf(':'));
        // A lost row is named by its table; a changed value by its column, or by its table.
        Pattern named = Pattern.compile((column.equals("*") ? ""
            : "\\b" + table + "\\." + column + "\\b|") + "\\b(drops table|re-creates) "
            + table + "\\b");
        assertTrue(refusal.losses().stream().anyMatch(l -> named.matcher(l).find()),
            "changed " + change + ", but the refusal said only " + refusal.losses() + "\n"
                + label);
      }
    }
  }

  /**
   * What changed in the database since {@code rows} were read, one line per column or table:
   * {@code table.column: …}, or {@code table.*: …} for rows gone or added.
   */
  private static List<String> changes(Connection db, DatabaseSchema from, DatabaseSchema to,
      Map<String, List<String>> rows) throws SQLException {
    List<String> changes = new ArrayList<>();
    for (Table old : from.tables()) {
      Optional<Table> now = to.table(old.name());
      List<String> before = rows.get(old.name());
      if (now.isEmpty()) {
        if (!before.isEmpty()) {
          changes.add(old.name() + ".*: " + before.size() + " rows dropped with the table");
        }
        continue;
      }
      List<Column> kept = old.columns().stream()
          .filter(c -> now.get().column(c.name()).isPresent()).toList();
      if (kept.isEmpty()) {
        long count = Sqlite.count(db, old.name());
        if (count != before.size()) {
          changes.add(old.name() + ".*: " + before.size() + " rows became " + count);
        }
        continue;
      }
      for (Column dropped : old.columns()) {
        if (!kept.contains(dropped) && nonNullBefore(rows, old, dropped)) {
          changes.add(old.name() + "." + dropped.name() + ": dropped with values");
        }
      }
      // The rows after, each value read back through its old column type.
      String back = "temp." + SqliteDdl.quote("__back");
      Sqlite.exec(db, "DROP TABLE IF EXISTS " + back, "CREATE TABLE " + back + " ("
          + kept.stream().map(c -> SqliteDdl.quote(c.name()) + " " + c.type().sqlType().sql())
              .collect(Collectors.joining(", ")) + ")",
          "INSERT INTO " + back + " SELECT " + names(kept) + " FROM "
              + SqliteDdl.quote(old.name()));
      List<String> after = sorted(Sqlite.rows(db, "SELECT " + quoted(kept) + " FROM " + back));
      List<String> expected = sorted(project(before, old, kept));
      Sqlite.exec(db, "DROP TABLE " + back);
      if (expected.size() != after.size()) {
        changes.add(old.name() + ".*: " + expected.size() + " rows became " + after.size());
        continue;
      }
      for (int i = 0; i < kept.size(); i++) {
        int column = i;
        List<String> was = sorted(expected.stream().map(r -> field(r, column)).toList());
        List<String> is = sorted(after.stream().map(r -> field(r, column)).toList());
        if (!was.equals(is)) {
          changes.add(old.name() + "." + kept.get(i).name() + ": " + was + " became " + is);
        }
      }
      if (!expected.equals(after) && changes.stream().noneMatch(
          c -> c.startsWith(old.name() + "."))) {
        changes.add(old.name() + ".*: rows recombined " + expected + " became " + after);
      }
    }
    return changes;
  }

  /** Every row of every table: each column's value as {@code quote()} shows it, '\u0001'-separated. */
  private static Map<String, List<String>> snapshot(Connection db, DatabaseSchema schema)
      throws SQLException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (Table table : schema.tables()) {
      rows.put(table.name(), Sqlite.rows(db, "SELECT " + quoted(table.columns()) + " FROM "
          + SqliteDdl.quote(table.name())));
    }
    return rows;
  }

  private static List<String> project(List<String> rows, Table table, List<Column> kept) {
    List<String> projected = new ArrayList<>();
    for (String row : rows) {
      List<String> fields = new ArrayList<>();
      for (Column column : kept) {
        fields.add(field(row, table.columns().indexOf(table.column(column.name()).orElseThrow())));
      }
      projected.add(String.join("\u0001", fields));
    }
    return projected;
  }

  private static boolean nonNullBefore(Map<String, List<String>> rows, Table table,
      Column column) {
    int index = table.columns().indexOf(column);
    return rows.get(table.name()).stream().anyMatch(r -> !field(r, index).equals("NULL"));
  }

  private static String field(String row, int index) {
    return row.split("\u0001", -1)[index];
  }

  private static String quoted(List<Column> columns) {
    return columns.stream().map(c -> "quote(" + SqliteDdl.quote(c.name()) + ")")
        .collect(Collectors.joining(" || char(1) || "));
  }

  private static String names(List<Column> columns) {
    return columns.stream().map(c -> SqliteDdl.quote(c.name())).collect(Collectors.joining(", "));
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  /** Inserts one row of random edge values; a row the constraints refuse is left out. */
  private static void insertRow(Connection db, Random rnd, MTable table, List<MTable> all)
      throws SQLException {
    // A reference points at one row of the parent, all its columns at once, or is NULL.
    List<String> parentRow = List.of();
    List<String> references = table.fks.isEmpty() ? List.of() : table.fks.get(0).cols;
    if (!references.isEmpty()) {
      MTable parent = all.stream().filter(t -> t.name.equals(table.fks.get(0).refTable))
          .findFirst().orElseThrow();
      List<String> keys =
          Sqlite.rows(
              db,
              "SELECT "
                  + parent.key().stream()
                      .map(k -> "quote(" + SqliteDdl.quote(k) + ")")
                      .collect(Collectors.joining(" || char(1) || "))
                  + " FROM "
                  + SqliteDdl.quote(parent.name));
      if (!keys.isEmpty() && rnd.nextInt(4) > 0) {
        parentRow = List.of(keys.get(rnd.nextInt(keys.size())).split("\u0001", -1));
      }
    }
    List<String> values = new ArrayList<>();
    for (MCol column : table.cols) {
      int reference = references.indexOf(column.name);
      values.add(reference < 0 ? Values.literal(rnd, column, table)
          : parentRow.isEmpty() ? "NULL" : parentRow.get(reference));
    }
    try {
      Sqlite.exec(db, "INSERT INTO " + SqliteDdl.quote(table.name) + " (" + table.cols.stream()
          .map(c -> SqliteDdl.quote(c.name)).collect(Collectors.joining(", ")) + ") VALUES ("
          + String.join(", ", values) + ")");
    } catch (SQLException e) {
      // a repeated key or unique value: the table keeps the rows it can hold
    }
  }

  /** Random schemas and evolutions over the mutable model. */
  static final class Generator {

    private static final String[] TABLES = {"ta", "tb", "tc"};

    static List<MTable> schema(Random rnd) {
      List<MTable> tables = new ArrayList<>();
      MTable first = table(rnd, TABLES[0]);
      tables.add(first);
      if (rnd.nextInt(3) == 0) {
        MTable child = table(rnd, TABLES[1]);
        MFk reference = new MFk();
        reference.cols = new ArrayList<>();
        reference.refTable = first.name;
        reference.refCols = new ArrayList<>(first.key());
        reference.onUpdate = ForeignKey.Action.NO_ACTION;
        reference.onDelete = ForeignKey.Action.CASCADE;
        for (String key : first.key()) {
          MCol ref = column(rnd, "r" + key, first.col(key).type);
          ref.notNull = false;
          ref.def = Optional.empty();
          ref.unique = false;
          child.cols.add(ref);
          reference.cols.add(ref.name);
        }
        child.fks.add(reference);
        tables.add(child);
      }
      return tables;
    }

    private static MTable table(Random rnd, String name) {
      MTable t = new MTable();
      t.name = name;
      t.rows = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(6);
      switch (rnd.nextInt(4)) {
        case 0 -> {
          MCol id = column(rnd, "id", new LogicalType.Int());
          id.pk = true;
          id.notNull = true;
          id.autoInc = rnd.nextBoolean();
          id.def = Optional.empty();
          id.unique = false;
          t.cols.add(id);
        }
        case 1 -> {
          MCol code = column(rnd, "code", new LogicalType.Text());
          code.pk = true;
          code.notNull = true;
          code.def = Optional.empty();
          code.unique = false;
          t.cols.add(code);
        }
        case 2 -> {
          MCol a = column(rnd, "ka", new LogicalType.Int());
          MCol b = column(rnd, "kb", new LogicalType.Text());
          for (MCol k : List.of(a, b)) {
            k.notNull = true;
            k.def = Optional.empty();
            k.unique = false;
            t.cols.add(k);
          }
          t.compositeKey = new ArrayList<>(List.of("ka", "kb"));
        }
        default -> { } // no declared key: the models always have one, databases need not
      }
      int data = 1 + rnd.nextInt(4);
      for (int i = 0; i < data; i++) {
        t.cols.add(column(rnd, "c" + i, type(rnd)));
      }
      if (t.key().isEmpty()) {
        // A table of the models has a key: make the first data column one.
        MCol first = t.cols.get(0);
        first.pk = true;
        first.notNull = true;
        first.unique = false;
        first.def = Optional.empty();
        first.autoInc = false;
      }
      if (rnd.nextInt(4) == 0) {
        addIndex(rnd, t);
      }
      return t;
    }

    static MCol column(Random rnd, String name, LogicalType type) {
      MCol c = new MCol();
      c.name = name;
      c.type = type;
      c.notNull = rnd.nextInt(3) == 0;
      c.unique = rnd.nextInt(6) == 0 && !(type instanceof LogicalType.Bool);
      if (rnd.nextInt(3) == 0) {
        c.def = Optional.of(Values.defaultFor(rnd, type));
      }
      return c;
    }

    /** Every logical column type the processor writes. */
    static final List<LogicalType> TYPES =
        List.of(
            new LogicalType.Text(),
            new LogicalType.Int(),
            new LogicalType.Real(),
            new LogicalType.Numeric(),
            new LogicalType.Blob(),
            new LogicalType.Bool(),
            new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.MILLISECONDS),
            new LogicalType.EnumText(List.of("A", "B", "C")),
            new LogicalType.Json("string[]"));

    static LogicalType type(Random rnd) {
      return TYPES.get(rnd.nextInt(TYPES.size()));
    }

    private static void addIndex(Random rnd, MTable t) {
      List<String> cols = t.indexableColumns(rnd);
      if (cols.isEmpty()) {
        return;
      }
      String name = t.name + "_ix" + t.indexes.size() + "_" + rnd.nextInt(1000);
      t.indexes.add(new TableIndex(name, cols, rnd.nextBoolean()));
    }

    static List<MTable> evolve(Random rnd, List<MTable> before) {
      List<MTable> after = MutableSchema.copy(before);
      int ops = 1 + rnd.nextInt(3);
      for (int i = 0; i < ops; i++) {
        evolveOnce(rnd, after);
      }
      return after;
    }

    private static void evolveOnce(Random rnd, List<MTable> tables) {
      MTable t = tables.get(rnd.nextInt(tables.size()));
      List<MCol> data = t.cols.stream().filter(c -> !t.isKey(c) && !t.isReference(c)).toList();
      MCol c = data.isEmpty() ? null : data.get(rnd.nextInt(data.size()));
      switch (rnd.nextInt(12)) {
        case 0, 1, 2 -> {
          if (c != null) {
            c.type = type(rnd);
            c.def = c.def.map(d -> Values.defaultFor(rnd, c.type));
            if (c.type instanceof LogicalType.Bool) {
              c.unique = false;
            }
          }
        }
        case 3 -> {
          if (c != null) {
            c.notNull = !c.notNull;
            if (c.notNull && rnd.nextBoolean()) {
              c.def = Optional.of(Values.defaultFor(rnd, c.type));
            }
          }
        }
        case 4 -> {
          if (c != null && !(c.type instanceof LogicalType.Bool)) {
            c.unique = !c.unique;
          }
        }
        case 5 -> {
          if (c != null && data.size() > 1) {
            t.cols.remove(c);
            t.indexes.removeIf(ix -> ix.columns().contains(c.name));
          }
        }
        case 6 -> {
          MCol added = column(rnd, "n" + rnd.nextInt(100), type(rnd));
          if (!t.hasCol(added.name)) {
            if (added.notNull && added.def.isEmpty() && rnd.nextBoolean()) {
              added.def = Optional.of(Values.defaultFor(rnd, added.type));
            }
            t.cols.add(added);
          }
        }
        case 7 -> {
          // Another key: a data column alone, or the key made of fewer or more columns.
          if (c != null && t.fks.isEmpty() && tables.stream().flatMap(o -> o.fks.stream())
              .noneMatch(f -> f.refTable.equals(t.name))) {
            t.cols.forEach(k -> {
              k.pk = false;
              k.autoInc = false;
            });
            t.compositeKey.clear();
            c.pk = true;
            c.notNull = true;
            c.unique = false;
            c.def = Optional.empty();
            t.indexes.removeIf(ix -> ix.columns().contains(c.name));
          }
        }
        case 8 -> addIndex(rnd, t);
        case 9 -> {
          if (!t.indexes.isEmpty()) {
            t.indexes.remove(rnd.nextInt(t.indexes.size()));
          }
        }
        case 10 -> {
          // Drop the child table, or add one.
          Optional<MTable> child = tables.stream().filter(o -> !o.fks.isEmpty()).findFirst();
          if (child.isPresent()) {
            tables.remove(child.get());
          } else if (tables.size() < TABLES.length) {
            MTable fresh = table(rnd, TABLES[tables.size()]);
            tables.add(fresh);
          }
        }
        default -> {
          if (c != null && c.type instanceof LogicalType.EnumText) {
            c.type = new LogicalType.EnumText(List.of("A", "B"));
          } else if (c != null) {
            c.type = new LogicalType.EnumText(List.of("A", "B", "C"));
            c.def = c.def.map(d -> new ColumnDefault.Text("A"));
          }
        }
      }
    }
  }

  /** Edge values, mostly of the column's own kind, sometimes of any storage class. */
  static final class Values {

    private static final String LONG_TEXT = "x".repeat(5000);

    static final List<String> INTEGERS = List.of("0", "1", "-1", "42", "9007199254740991",
        "9007199254740992", "9007199254740993", "-9007199254740993", "9223372036854775807",
        "-9223372036854775808");
    static final List<String> REALS = List.of("0.30000000000000004", "0.1", "1.5", "-2.5",
        "3.0", "-0.0", "1e308", "1.7976931348623157e308", "4.9e-324",
        "2.2250738585072014e-308", "123456789.12345679", "1e-7");
    static final List<String> TEXTS = List.of("''", "'abc'", "'007'", "'1.50'", "' 5'", "'1e3'",
        "'12345678901234567890'", "'it''s'", "'ünïcödé'", "'3.0'", "'A'", "'B'", "'C'", "'D'",
        "'[\"a\"]'", "'" + LONG_TEXT + "'");
    static final List<String> BLOBS = List.of("X''", "X'00ff'", "X'deadbeef'",
        "X'" + "ab".repeat(2000) + "'");

    static String literal(Random rnd, MCol column, MTable table) {
      if (!column.notNull && !table.isKey(column) && rnd.nextInt(5) == 0) {
        return "NULL";
      }
      if (rnd.nextInt(4) == 0 && !(column.pk && column.type.sqlType() == SqlType.INTEGER)) {
        return any(rnd);
      }
      if (column.type instanceof LogicalType.Bool) {
        return rnd.nextBoolean() ? "1" : "0";
      } else if (column.type instanceof LogicalType.EnumText) {
        return pick(rnd, List.of("'A'", "'B'", "'C'"));
      } else if (column.type instanceof LogicalType.Json) {
        return pick(rnd, List.of("'[]'", "'[\"a\"]'", "'[\"b\",\"c\"]'"));
      }
      return switch (column.type.sqlType()) {
        case INTEGER -> pick(rnd, INTEGERS);
        case REAL -> pick(rnd, REALS);
        case NUMERIC -> rnd.nextBoolean() ? pick(rnd, INTEGERS) : pick(rnd, REALS);
        case TEXT -> pick(rnd, TEXTS);
        case BLOB -> pick(rnd, BLOBS);
      };
    }

    static String any(Random rnd) {
      return switch (rnd.nextInt(4)) {
        case 0 -> pick(rnd, INTEGERS);
        case 1 -> pick(rnd, REALS);
        case 2 -> pick(rnd, TEXTS);
        default -> pick(rnd, BLOBS);
      };
    }

    static ColumnDefault defaultFor(Random rnd, LogicalType type) {
      if (type instanceof LogicalType.Bool) {
        return new ColumnDefault.Bool(rnd.nextBoolean());
      } else if (type instanceof LogicalType.EnumText) {
        return new ColumnDefault.Text("A");
      }
      return switch (type.sqlType()) {
        case INTEGER -> new ColumnDefault.Number(String.valueOf(rnd.nextInt(200) - 100));
        case REAL, NUMERIC -> new ColumnDefault.Number(rnd.nextInt(9) + ".5");
        case TEXT, BLOB -> new ColumnDefault.Text(rnd.nextBoolean() ? "" : "d" + rnd.nextInt(9));
      };
    }

    private static String pick(Random rnd, List<String> values) {
      return values.get(rnd.nextInt(values.size()));
    }
  }
}
