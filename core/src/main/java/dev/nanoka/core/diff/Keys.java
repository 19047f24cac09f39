package dev.nanoka.core.diff;

import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Primary and foreign key comparison. Foreign key names are ignored: SQLite stores none. */
final class Keys {

  private Keys() {}

  static boolean samePrimaryKey(Table a, Table b) {
    return EffectiveIndexes.lower(a.compositePrimaryKey())
        .equals(EffectiveIndexes.lower(b.compositePrimaryKey()));
  }

  static boolean sameForeignKeys(Table a, Table b) {
    return shapes(a.foreignKeys()).equals(shapes(b.foreignKeys()));
  }

  private static Set<List<Object>> shapes(List<ForeignKey> keys) {
    Set<List<Object>> shapes = new HashSet<>();
    for (ForeignKey key : keys) {
      shapes.add(List.of(
          EffectiveIndexes.lower(key.columns()),
          key.referencedTable().toLowerCase(Locale.ROOT),
          EffectiveIndexes.lower(key.referencedColumns()),
          key.onUpdate(),
          key.onDelete()));
    }
    return shapes;
  }
}
