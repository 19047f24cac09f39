package dev.nanoka.core.sql;

import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/** Orders tables so that referenced tables come before the tables that reference them. */
final class TableOrder {

  private TableOrder() {}

  /**
   * Parents first; otherwise the given order: each step takes the earliest table whose parents
   * are all placed. Tables in a reference cycle keep their relative order once nothing else can
   * go first. Linear-logarithmic (ready tables in a heap by position), since a push or a first
   * migration orders every table of the schema.
   */
  static List<Table> parentsFirst(List<Table> tables) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      position.putIfAbsent(key(tables.get(i).name()), i);
    }
    int[] pendingParents = new int[tables.size()];
    List<List<Integer>> children = new ArrayList<>();
    tables.forEach(t -> children.add(new ArrayList<>()));
    for (int i = 0; i < tables.size(); i++) {
      Table table = tables.get(i);
      Set<Integer> parents = new HashSet<>();
      for (ForeignKey fk : table.foreignKeys()) {
        Integer parent = position.get(key(fk.referencedTable()));
        if (parent != null && parent != i && parents.add(parent)) {
          children.get(parent).add(i);
        }
      }
      pendingParents[i] = parents.size();
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    TreeSet<Integer> pending = new TreeSet<>();
    for (int i = 0; i < tables.size(); i++) {
      pending.add(i);
      if (pendingParents[i] == 0) {
        ready.add(i);
      }
    }
    List<Table> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      // Nothing ready means the rest is in a cycle: break it at the earliest table.
      int next = ready.isEmpty() ? pending.first() : ready.poll();
      pending.remove(next);
      ordered.add(tables.get(next));
      for (int child : children.get(next)) {
        if (--pendingParents[child] == 0 && pending.contains(child)) {
          ready.add(child);
        }
      }
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
