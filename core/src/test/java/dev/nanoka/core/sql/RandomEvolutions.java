package dev.nanoka.core.sql;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.SqlType;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.testing.MigrationCheck;
import dev.nanoka.core.testing.MigrationCheck.Evolution;
import dev.nanoka.core.testing.MutableSchema;
import dev.nanoka.core.testing.MutableSchema.MCol;
import dev.nanoka.core.testing.MutableSchema.MFk;
import dev.nanoka.core.testing.MutableSchema.MTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Random schemas with rows, and random evolutions of them with the declarations a user would
 * write (renames, drops). Everything comes from one seed. An evolution the rows cannot satisfy
 * whatever the migration does (a unique column added with a default to a table with two rows, a
 * foreign key the existing values break, …) is recognised by building the expected database and
 * is replaced by another one; which ones those are depends only on the seed, never on the
 * renderer under test.
 */
public final class RandomEvolutions {

  private static final Action[] ACTIONS = Action.values();

  private final long seed;
  private final Random rnd;
  /**
   * Update triggers come and go from a generator of their own, so the evolutions each seed made
   * before triggers existed (and the coverage they were tuned for) stay the same.
   */
  private final Random stamps;
  private int counter;

  private RandomEvolutions(long seed) {
    this.seed = seed;
    this.rnd = new Random(seed);
    this.stamps = new Random(seed * 31 + 17);
  }

  /** A checked-valid evolution for this seed, ready to be applied in every mode. */
  public static MigrationCheck generate(long seed) {
    RandomEvolutions gen = new RandomEvolutions(seed);
    List<MTable> a = gen.randomSchema();
    gen.toggleStamps(a, new ArrayList<>());
    List<String> inserts = gen.populate(a);
    DatabaseSchema from = MutableSchema.build(a);
    List<String> rejected = new ArrayList<>();
    for (int attempt = 0; attempt < 40; attempt++) {
      List<MTable> b = MutableSchema.copy(a);
      List<String> log = new ArrayList<>();
      int ops = 1 + gen.rnd.nextInt(4);
      for (int i = 0; i < ops; i++) {
        gen.evolve(b, log);
      }
      gen.toggleStamps(b, log);
      DatabaseSchema to = MutableSchema.build(b);
      String label = "seed " + seed + " (attempt " + attempt + "): " + String.join("; ", log)
          + "\n--- rows of A ---\n" + String.join("\n", inserts);
      try {
        return MigrationCheck.prepare(new Evolution(label, from, to, hints(a, b), inserts));
      } catch (MigrationCheck.InvalidForData e) {
        rejected.add(e.getMessage());
      }
    }
    throw new AssertionError("seed " + seed + ": no evolution fits the rows; last reasons "
        + rejected.subList(Math.max(0, rejected.size() - 3), rejected.size()));
  }

  /** What the user declares: renames (new → old) and the drops. */
  static RenameHints hints(List<MTable> a, List<MTable> b) {
    Map<String, String> tables = new HashMap<>();
    Map<String, Map<String, String>> columns = new HashMap<>();
    Set<String> droppedTables = new HashSet<>();
    Map<String, Set<String>> droppedColumns = new HashMap<>();
    for (MTable old : a) {
      Optional<MTable> now = b.stream().filter(t -> old.name.equals(t.origin)).findFirst();
      if (now.isEmpty()) {
        droppedTables.add(old.name);
        continue;
      }
      MTable t = now.get();
      if (!t.name.equals(old.name)) {
        tables.put(t.name, old.name);
      }
      Map<String, String> renamed = new HashMap<>();
      Set<String> dropped = new HashSet<>();
      for (MCol c : old.cols) {
        Optional<MCol> kept = t.cols.stream().filter(n -> c.name.equals(n.origin)).findFirst();
        if (kept.isEmpty()) {
          dropped.add(c.name);
        } else if (!kept.get().name.equals(c.name)) {
          renamed.put(kept.get().name, c.name);
        }
      }
      if (!renamed.isEmpty()) {
        columns.put(t.name, renamed);
      }
      if (!dropped.isEmpty()) {
        droppedColumns.put(t.name, dropped);
      }
    }
    return new RenameHints(tables, columns, droppedTables, droppedColumns);
  }

  // ---------------------------------------------------------------- schema A

  private String fresh(String prefix) {
    return prefix + (counter++);
  }

  private List<MTable> randomSchema() {
    List<MTable> tables = new ArrayList<>();
    int n = 2 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      MTable t = randomTable(tables);
      t.origin = t.name;
      t.cols.forEach(c -> c.origin = c.name);
      t.rows = rnd.nextInt(7) == 0 ? 0 : 1 + rnd.nextInt(5);
      tables.add(t);
    }
    return tables;
  }

  private MTable randomTable(List<MTable> earlier) {
    MTable t = new MTable();
    t.name = fresh("t");
    int key = rnd.nextInt(8);
    if (key < 4) {
      MCol id = column(fresh("id"), new LogicalType.Int());
      id.pk = true;
      id.notNull = true;
      id.autoInc = key == 0;
      t.cols.add(id);
    } else if (key < 6) {
      MCol id = column(fresh("code"), new LogicalType.Text());
      id.pk = true;
      id.notNull = true;
      t.cols.add(id);
    } else {
      MCol a = column(fresh("ka"), new LogicalType.Int());
      a.notNull = true;
      MCol b = column(fresh("kb"), new LogicalType.Text());
      b.notNull = true;
      t.cols.add(a);
      t.cols.add(b);
      t.compositeKey = new ArrayList<>(List.of(a.name, b.name));
    }
    int data = 1 + rnd.nextInt(4);
    for (int i = 0; i < data; i++) {
      t.cols.add(randomDataColumn());
    }
    int fks = rnd.nextInt(3);
    for (int i = 0; i < fks; i++) {
      boolean self = earlier.isEmpty() || rnd.nextInt(4) == 0;
      MTable parent = self ? t : earlier.get(rnd.nextInt(earlier.size()));
      addForeignKey(t, parent, !self && rnd.nextInt(4) == 0);
    }
    for (MCol c : t.cols) {
      if (!t.isKey(c) && !isBool(c) && !t.isReference(c) && rnd.nextInt(6) == 0) {
        c.unique = true;
      }
    }
    int indexes = rnd.nextInt(3);
    for (int i = 0; i < indexes; i++) {
      addRandomIndex(t);
    }
    return t;
  }

  private MCol column(String name, LogicalType type) {
    MCol c = new MCol();
    c.name = name;
    c.type = type;
    return c;
  }

  private MCol randomDataColumn() {
    MCol c = column(fresh("c"), randomType());
    c.notNull = rnd.nextInt(5) < 2;
    if (rnd.nextInt(3) == 0 || c.notNull && rnd.nextBoolean()) {
      c.def = Optional.of(randomLiteral(c.type));
    }
    return c;
  }

  private LogicalType randomType() {
    return switch (rnd.nextInt(8)) {
      case 0, 1 -> new LogicalType.Text();
      case 2, 3 -> new LogicalType.Int();
      case 4 -> new LogicalType.Real();
      case 5 -> new LogicalType.Numeric();
      case 6 -> new LogicalType.Blob();
      default -> new LogicalType.Bool();
    };
  }

  private ColumnDefault randomLiteral(LogicalType type) {
    return switch (type.sqlType()) {
      case TEXT -> new ColumnDefault.Text(rnd.nextBoolean() ? "d" + rnd.nextInt(9) : "it's");
      case INTEGER -> type instanceof LogicalType.Bool
          ? new ColumnDefault.Bool(rnd.nextBoolean())
          : new ColumnDefault.Number(String.valueOf(rnd.nextInt(200) - 100));
      case REAL -> new ColumnDefault.Number(rnd.nextInt(9) + ".5");
      case NUMERIC -> new ColumnDefault.Number(String.valueOf(rnd.nextInt(50)));
      case BLOB -> new ColumnDefault.Text("b" + rnd.nextInt(9));
    };
  }

  private static boolean isBool(MCol c) {
    return c.type instanceof LogicalType.Bool;
  }

  /** New columns on {@code t} referencing {@code parent}'s key. */
  private void addForeignKey(MTable t, MTable parent, boolean notNull) {
    List<String> refCols = new ArrayList<>(parent.key());
    List<String> cols = new ArrayList<>();
    for (String ref : refCols) {
      MCol c = column(fresh("fk"), parent.col(ref).type);
      c.notNull = notNull;
      t.cols.add(c);
      cols.add(c.name);
    }
    MFk fk = new MFk();
    fk.cols = cols;
    fk.refTable = parent.name;
    fk.refCols = refCols;
    fk.onUpdate = ACTIONS[rnd.nextInt(ACTIONS.length)];
    fk.onDelete = ACTIONS[rnd.nextInt(ACTIONS.length)];
    t.fks.add(fk);
  }

  private void addRandomIndex(MTable t) {
    List<String> cols = t.indexableColumns(rnd);
    if (cols.isEmpty()) {
      return;
    }
    // Rows of A have distinct values except in booleans and references.
    boolean unique = rnd.nextInt(4) == 0
        && cols.stream().noneMatch(c -> isBool(t.col(c)) || t.isReference(t.col(c)));
    t.indexes.add(new TableIndex(fresh("ix"), cols, unique));
  }

  // ---------------------------------------------------------------- rows of A

  /** INSERTs for A: keys, references to existing rows, distinct values so unique indexes hold. */
  private List<String> populate(List<MTable> tables) {
    Map<String, List<Map<String, Object>>> data = new HashMap<>();
    List<String> inserts = new ArrayList<>();
    for (MTable t : tables) {
      for (MFk fk : t.fks) {
        boolean required = fk.cols.stream().anyMatch(c -> t.col(c).notNull);
        if (required && !fk.refTable.equals(t.name) && data.get(fk.refTable).isEmpty()) {
          t.rows = 0;
        }
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int r = 0; r < t.rows; r++) {
        Map<String, Object> row = new HashMap<>();
        for (MCol c : t.cols) {
          row.put(c.name, value(t, c, r));
        }
        for (MFk fk : t.fks) {
          List<Map<String, Object>> parents = fk.refTable.equals(t.name) ? rows
              : data.get(fk.refTable);
          boolean nullable = fk.cols.stream().noneMatch(c -> t.col(c).notNull);
          Map<String, Object> parent;
          if (nullable && (parents.isEmpty() || rnd.nextInt(4) == 0)) {
            parent = null;
          } else if (parents.isEmpty()) {
            parent = row; // a NOT NULL self-reference: the first row points at itself
          } else {
            parent = parents.get(rnd.nextInt(parents.size()));
          }
          for (int i = 0; i < fk.cols.size(); i++) {
            row.put(fk.cols.get(i), parent == null ? null : parent.get(fk.refCols.get(i)));
          }
        }
        rows.add(row);
        inserts.add(insert(t, row));
      }
      if (!rows.isEmpty() && t.cols.stream().anyMatch(c -> c.autoInc) && rnd.nextBoolean()) {
        // As after deleting the newest rows: the sequence is ahead of the largest id.
        inserts.add("UPDATE sqlite_sequence SET seq = seq + " + (1 + rnd.nextInt(9))
            + " WHERE name = '" + t.name + "'");
      }
      data.put(t.name, rows);
    }
    return inserts;
  }

  private Object value(MTable t, MCol c, int r) {
    if (c.pk || t.compositeKey.contains(c.name)) {
      return c.type.sqlType() == SqlType.INTEGER ? (Object) (long) (r + 1) : "k" + (r + 1);
    }
    if (!c.notNull && rnd.nextInt(5) == 0) {
      return null;
    }
    int salt = rnd.nextInt(1000);
    return switch (c.type.sqlType()) {
      case TEXT -> switch (rnd.nextInt(4)) {
        case 0 -> "v" + r + "_" + salt;
        case 1 -> String.valueOf(r * 1000 + salt); // looks like a number
        case 2 -> "it's " + r;
        default -> r + "." + salt + "0";
      };
      case INTEGER -> isBool(c) ? (Object) (long) (r % 2)
          : rnd.nextInt(5) == 0 ? (Object) ((1L << 53) + 1 + r) // beyond a double's precision
          : (Object) (long) (r * 1000 + salt - 500);
      case REAL -> rnd.nextBoolean() ? (Object) (r + salt / 1000.0) : (Object) (r * 1e10 + 0.5);
      case NUMERIC -> rnd.nextBoolean() ? (Object) (long) (r * 1000 + salt) : (Object) (r + 0.5);
      case BLOB -> new byte[] {(byte) r, (byte) salt, (byte) (salt >> 8)};
    };
  }

  private static String insert(MTable t, Map<String, Object> row) {
    return "INSERT INTO " + q(t.name) + " ("
        + t.cols.stream().map(c -> q(c.name)).collect(Collectors.joining(", ")) + ") VALUES ("
        + t.cols.stream().map(c -> literal(row.get(c.name))).collect(Collectors.joining(", "))
        + ")";
  }

  private static String literal(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (v instanceof byte[] b) {
      StringBuilder hex = new StringBuilder("X'");
      for (byte x : b) {
        hex.append(String.format("%02x", x));
      }
      return hex.append('\'').toString();
    }
    return v.toString();
  }

  private static String q(String name) {
    return "`" + name + "`";
  }

  // ---------------------------------------------------------------- evolution

  private <T> T pick(List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }

  private void evolve(List<MTable> b, List<String> log) {
    if (b.isEmpty()) {
      addTable(b, log);
      return;
    }
    MTable t = pick(b);
    switch (rnd.nextInt(17)) {
      case 0 -> addTable(b, log);
      case 1 -> {
        if (b.size() > 1) {
          b.remove(t);
          for (MTable other : b) {
            other.fks.removeIf(f -> f.refTable.equals(t.name));
          }
          log.add("drop table " + t.name);
        }
      }
      case 2 -> {
        String old = t.name;
        t.name = fresh("t");
        for (MTable other : b) {
          other.fks.stream().filter(f -> f.refTable.equals(old)).forEach(f -> f.refTable = t.name);
        }
        log.add("rename table " + old + " to " + t.name);
      }
      case 3, 4 -> addColumn(b, t, log);
      case 5 -> dropColumn(t, log);
      case 6 -> renameColumn(b, t, log);
      case 7 -> {
        List<MCol> cols = t.cols.stream().filter(c -> !c.autoInc
            && (!t.isKey(c) || rnd.nextInt(4) == 0)).toList();
        if (!cols.isEmpty()) {
          MCol c = pick(cols);
          LogicalType type = randomType();
          log.add("type of " + t.name + "." + c.name + " " + c.type.sqlType() + " -> "
              + type.sqlType());
          c.type = type;
          if (c.def.isPresent() && rnd.nextBoolean()) {
            c.def = Optional.of(randomLiteral(type));
          }
        }
      }
      case 8 -> {
        List<MCol> cols = t.cols.stream().filter(c -> !t.isKey(c)).toList();
        if (!cols.isEmpty()) {
          MCol c = pick(cols);
          c.notNull = !c.notNull;
          if (c.notNull && c.def.isEmpty() && rnd.nextInt(3) > 0) {
            c.def = Optional.of(randomLiteral(c.type));
          }
          log.add((c.notNull ? "NOT NULL " : "nullable ") + t.name + "." + c.name
              + c.def.flatMap(ColumnDefault::sql).map(d -> " default " + d).orElse(""));
        }
      }
      case 9 -> {
        List<MCol> cols = t.cols.stream().filter(c -> !t.isKey(c)).toList();
        if (!cols.isEmpty()) {
          MCol c = pick(cols);
          c.def = rnd.nextInt(3) == 0 ? Optional.empty() : Optional.of(randomLiteral(c.type));
          log.add("default of " + t.name + "." + c.name + " "
              + c.def.flatMap(ColumnDefault::sql).orElse("none"));
        }
      }
      case 10 -> {
        if (!t.fks.isEmpty()) {
          MFk fk = pick(t.fks);
          t.fks.remove(fk);
          log.add("drop foreign key " + t.name + fk.cols + " -> " + fk.refTable);
        }
      }
      case 11 -> {
        if (!t.fks.isEmpty()) {
          MFk fk = pick(t.fks);
          fk.onDelete = ACTIONS[rnd.nextInt(ACTIONS.length)];
          fk.onUpdate = ACTIONS[rnd.nextInt(ACTIONS.length)];
          log.add("actions of " + t.name + fk.cols + " -> " + fk.onUpdate + "/" + fk.onDelete);
        }
      }
      case 12 -> {
        addRandomIndex(t);
        log.add("index on " + t.name);
      }
      case 13 -> {
        if (!t.indexes.isEmpty()) {
          TableIndex ix = pick(t.indexes);
          t.indexes.remove(ix);
          if (rnd.nextBoolean()) {
            boolean unique = !ix.unique() && ix.columns().stream().noneMatch(c -> isBool(t.col(c)));
            List<String> cols = new ArrayList<>(ix.columns());
            java.util.Collections.reverse(cols);
            t.indexes.add(new TableIndex(ix.name(), cols.size() > 1 ? cols : ix.columns(), unique));
            log.add("change index " + ix.name());
          } else {
            log.add("drop index " + ix.name());
          }
        }
      }
      case 14 -> {
        List<MCol> cols = t.cols.stream().filter(c -> !t.isKey(c) && !isBool(c)).toList();
        if (!cols.isEmpty()) {
          MCol c = pick(cols);
          c.unique = !c.unique;
          log.add((c.unique ? "unique " : "not unique ") + t.name + "." + c.name);
        }
      }
      case 15 -> {
        if (t.compositeKey.size() > 1) {
          java.util.Collections.reverse(t.compositeKey);
          log.add("key order of " + t.name);
        } else {
          t.cols.stream().filter(c -> c.pk && c.type.sqlType() == SqlType.INTEGER).findFirst()
              .ifPresent(c -> {
                c.autoInc = !c.autoInc;
                log.add("autoincrement of " + t.name + "." + c.name + " " + c.autoInc);
              });
        }
      }
      default -> {
        // Earlier tables or itself: rows of A go in parents first, so no cycles.
        List<MTable> earlier = b.subList(0, b.indexOf(t));
        MTable parent = earlier.isEmpty() || rnd.nextInt(3) == 0 ? t : pick(earlier);
        addForeignKey(t, parent, false);
        log.add("new reference " + t.name + " -> " + parent.name);
      }
    }
  }

  /** Now and then an update trigger on a column that is no part of a key, or none any more. */
  private void toggleStamps(List<MTable> tables, List<String> log) {
    for (MTable t : tables) {
      if (stamps.nextInt(3) == 0) {
        List<MCol> cols = t.cols.stream().filter(c -> !t.isKey(c)).toList();
        if (!cols.isEmpty()) {
          MCol c = cols.get(stamps.nextInt(cols.size()));
          c.stamp = !c.stamp;
          log.add((c.stamp ? "stamp " : "no stamp ") + t.name + "." + c.name);
        }
      }
    }
  }

  private void addTable(List<MTable> b, List<String> log) {
    MTable t = randomTable(b);
    t.origin = null;
    b.add(t);
    log.add("new table " + t.name);
  }

  private void addColumn(List<MTable> b, MTable t, List<String> log) {
    MCol c = randomDataColumn();
    switch (rnd.nextInt(6)) {
      case 0 -> {
        c.notNull = true;
        c.def = Optional.of(randomLiteral(c.type));
      }
      case 1 -> c.notNull = true; // valid only while the table is empty
      case 2 -> {
        if (c.type.sqlType() == SqlType.TEXT) {
          c.def = Optional.of(new ColumnDefault.Expression("CURRENT_TIMESTAMP"));
        } else {
          c.def = Optional.of(new ColumnDefault.Expression("(1 + 2)"));
        }
        c.notNull = rnd.nextBoolean();
      }
      case 3 -> {
        if (!isBool(c)) {
          c.unique = true;
        }
      }
      default -> { }
    }
    t.cols.add(c);
    log.add("add column " + t.name + "." + c.name + " " + c.type.sqlType()
        + (c.notNull ? " NOT NULL" : "") + (c.unique ? " UNIQUE" : "")
        + c.def.flatMap(ColumnDefault::sql).map(d -> " default " + d).orElse(""));
  }

  private void dropColumn(MTable t, List<String> log) {
    List<MCol> cols = t.cols.stream().filter(c -> !t.isKey(c)).toList();
    if (cols.size() < 2) {
      return;
    }
    MCol c = pick(cols);
    t.cols.remove(c);
    t.indexes.removeIf(i -> i.columns().contains(c.name));
    t.fks.removeIf(f -> f.cols.contains(c.name));
    log.add("drop column " + t.name + "." + c.name);
  }

  private void renameColumn(List<MTable> b, MTable t, List<String> log) {
    MCol c = pick(t.cols);
    String old = c.name;
    c.name = fresh("r");
    t.compositeKey.replaceAll(k -> k.equals(old) ? c.name : k);
    t.indexes.replaceAll(i -> new TableIndex(i.name(),
        i.columns().stream().map(k -> k.equals(old) ? c.name : k).toList(), i.unique()));
    for (MFk f : t.fks) {
      f.cols.replaceAll(k -> k.equals(old) ? c.name : k);
    }
    for (MTable other : b) {
      for (MFk f : other.fks) {
        if (f.refTable.equals(t.name)) {
          f.refCols.replaceAll(k -> k.equals(old) ? c.name : k);
        }
      }
    }
    log.add("rename column " + t.name + "." + old + " to " + c.name);
  }
}
