package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The indexes a table really has, however they were declared. */
public final class EffectiveIndexes {

  private EffectiveIndexes() {}

  /**
   * Declared indexes plus one unique index per unique column, named
   * {@code <table>_<column>_unique} as drizzle-kit names it. A schema read back from a snapshot
   * or a database has those as plain indexes already; both forms compare equal.
   */
  public static List<TableIndex> effective(Table table) {
    List<TableIndex> all = new ArrayList<>(table.indexes());
    for (Column column : table.columns()) {
      if (column.unique()) {
        String name = table.name() + "_" + column.name() + "_unique";
        if (all.stream().noneMatch(i -> i.name().equalsIgnoreCase(name))) {
          all.add(new TableIndex(name, List.of(column.name()), true));
        }
      }
    }
    return all;
  }

  static boolean containsSame(List<TableIndex> indexes, TableIndex index) {
    return indexes.stream().anyMatch(i -> same(i, index));
  }

  static boolean same(TableIndex a, TableIndex b) {
    return a.name().equalsIgnoreCase(b.name())
        && a.unique() == b.unique()
        && lower(a.columns()).equals(lower(b.columns()));
  }

  static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }
}
