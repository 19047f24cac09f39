package dev.nanoka.core.testing;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.OnRowUpdate;
import dev.nanoka.core.schema.SqlType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A schema the random generators change in place (the schema records are immutable, and an
 * evolution is many small edits), then {@link #build} into the real model. {@code origin} names
 * what a table or column was called in the schema it evolved from, for the declared renames.
 */
public final class MutableSchema {

  private MutableSchema() {}

  /**
   * What a stamped column's trigger writes: a constant no generated row holds, so a migration
   * whose own UPDATEs fired a trigger shows as a changed row.
   */
  public static final OnRowUpdate STAMP = new OnRowUpdate("(-424242)");

  public static final class MCol {
    public String name;
    public String origin;
    public LogicalType type;
    public boolean notNull;
    public boolean pk;
    public boolean autoInc;
    public boolean unique;
    public Optional<ColumnDefault> def = Optional.empty();
    /** An update trigger sets it to {@link #STAMP} ({@code Column.onRowUpdate}). */
    public boolean stamp;

    public MCol copy() {
      MCol c = new MCol();
      c.name = name;
      c.origin = origin;
      c.type = type;
      c.notNull = notNull;
      c.pk = pk;
      c.autoInc = autoInc;
      c.unique = unique;
      c.def = def;
      c.stamp = stamp;
      return c;
    }
  }

  public static final class MFk {
    public List<String> cols;
    public String refTable;
    public List<String> refCols;
    public Action onUpdate;
    public Action onDelete;

    public MFk copy() {
      MFk f = new MFk();
      f.cols = new ArrayList<>(cols);
      f.refTable = refTable;
      f.refCols = new ArrayList<>(refCols);
      f.onUpdate = onUpdate;
      f.onDelete = onDelete;
      return f;
    }
  }

  public static final class MTable {
    public String name;
    public String origin;
    public List<MCol> cols = new ArrayList<>();
    public List<String> compositeKey = new ArrayList<>();
    public List<TableIndex> indexes = new ArrayList<>();
    public List<MFk> fks = new ArrayList<>();
    /** How many rows the generator puts in. */
    public int rows;

    public MTable copy() {
      MTable t = new MTable();
      t.name = name;
      t.origin = origin;
      cols.forEach(c -> t.cols.add(c.copy()));
      t.compositeKey = new ArrayList<>(compositeKey);
      t.indexes = new ArrayList<>(indexes);
      fks.forEach(f -> t.fks.add(f.copy()));
      t.rows = rows;
      return t;
    }

    /** The declared key: the composite one, or the columns marked as key. */
    public List<String> key() {
      return compositeKey.isEmpty()
          ? cols.stream().filter(c -> c.pk).map(c -> c.name).toList() : compositeKey;
    }

    public MCol col(String n) {
      return cols.stream().filter(c -> c.name.equals(n)).findFirst().orElseThrow();
    }

    public boolean hasCol(String n) {
      return cols.stream().anyMatch(c -> c.name.equals(n));
    }

    public boolean isReference(MCol c) {
      return fks.stream().anyMatch(f -> f.cols.contains(c.name));
    }

    public boolean isKey(MCol c) {
      return c.pk || compositeKey.contains(c.name);
    }

    /** One or two distinct columns outside the key, at random, for an index; none if none. */
    public List<String> indexableColumns(Random rnd) {
      List<MCol> candidates = cols.stream().filter(c -> !isKey(c)).toList();
      List<String> picked = new ArrayList<>();
      if (candidates.isEmpty()) {
        return picked;
      }
      int n = 1 + rnd.nextInt(Math.min(2, candidates.size()));
      while (picked.size() < n) {
        String c = candidates.get(rnd.nextInt(candidates.size())).name;
        if (!picked.contains(c)) {
          picked.add(c);
        }
      }
      return picked;
    }
  }

  public static List<MTable> copy(List<MTable> tables) {
    List<MTable> out = new ArrayList<>();
    tables.forEach(t -> out.add(t.copy()));
    return out;
  }

  /** The schema model; AUTOINCREMENT only where SQLite has it, on an INTEGER primary key. */
  public static DatabaseSchema build(List<MTable> tables) {
    List<Table> out = new ArrayList<>();
    for (MTable t : tables) {
      List<Column> cols = t.cols.stream()
          .map(c -> new Column(c.name, c.name, c.type, c.notNull, c.pk,
              c.autoInc && c.pk && c.type.sqlType() == SqlType.INTEGER, c.unique, c.def,
              c.stamp ? Optional.of(STAMP) : Optional.empty()))
          .toList();
      List<ForeignKey> fks = t.fks.stream()
          .map(f -> new ForeignKey(ForeignKey.defaultName(t.name, f.cols, f.refTable, f.refCols),
              f.cols, f.refTable, f.refCols, f.onUpdate, f.onDelete))
          .toList();
      out.add(new Table(t.name, t.name, cols, t.compositeKey, t.indexes, fks));
    }
    return new DatabaseSchema(out);
  }
}
