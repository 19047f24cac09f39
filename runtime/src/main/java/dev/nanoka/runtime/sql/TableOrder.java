package dev.nanoka.runtime.sql;

import dev.nanoka.runtime.schema.ForeignKey;
import dev.nanoka.runtime.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Orders tables so that referenced tables come before the tables that reference them. */
final class TableOrder {

  private TableOrder() {}

  /**
   * Parents first; otherwise the given order. Tables in a reference cycle keep their relative
   * order once nothing else can go first.
   */
  static List<Table> parentsFirst(List<Table> tables) {
    Map<String, Table> pending = new LinkedHashMap<>();
    tables.forEach(t -> pending.put(key(t.name()), t));
    List<Table> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      Table next = pending.values().stream()
          .filter(t -> t.foreignKeys().stream()
              .map(ForeignKey::referencedTable)
              .filter(parent -> !parent.equalsIgnoreCase(t.name()))
              .noneMatch(parent -> pending.containsKey(key(parent))))
          .findFirst()
          .orElse(pending.values().iterator().next());
      ordered.add(next);
      pending.remove(key(next.name()));
    }
    return ordered;
  }

  static List<Table> childrenFirst(List<Table> tables) {
    List<Table> ordered = new ArrayList<>(parentsFirst(tables));
    java.util.Collections.reverse(ordered);
    return ordered;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
