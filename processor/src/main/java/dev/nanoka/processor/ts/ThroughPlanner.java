package dev.nanoka.processor.ts;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.processor.ts.RelationPlanner.TableRelations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the many-to-many relations of drizzle-orm 1.0's relational queries, which reach across a
 * join table in one step ({@code r.many.tags({ from: r.posts.id.through(r.postTags.postId), to:
 * r.tags.id.through(r.postTags.tagId) })}) where 0.45 needs two ({@code postTags: { with: { tag:
 * true } }}). A join table is one whose primary key is exactly the columns of its two foreign
 * keys, to two other, different tables: nothing but the pairing identifies a row. Each end gets
 * the relation to the other, named after the other table ({@code tags}), or with the join
 * table's name when that is taken ({@code tagsThroughPostTags}), then a number.
 */
final class ThroughPlanner {

  /**
   * A relation across a join table.
   *
   * @param property the relation's key on {@code source}
   * @param source the table the relation belongs to
   * @param target the table at the other end
   * @param join the join table
   * @param fromKey the join table's key to {@code source}
   * @param toKey the join table's key to {@code target}
   */
  record Through(
      String property, Table source, Table target, Table join, ForeignKey fromKey,
      ForeignKey toKey) {}

  private ThroughPlanner() {}

  /** The relations across every join table, grouped by their table, in schema order. */
  static Map<Table, List<Through>> plan(DatabaseSchema schema, List<TableRelations> planned) {
    Map<Table, Set<String>> taken = new IdentityHashMap<>();
    for (Table table : schema.tables()) {
      Set<String> names = new HashSet<>();
      table.columns().forEach(c -> names.add(c.property()));
      names.add("__proto__");
      taken.put(table, names);
    }
    for (TableRelations relations : planned) {
      relations.relations().forEach(r -> taken.get(relations.table()).add(r.property()));
    }
    Map<Table, List<Through>> through = new IdentityHashMap<>();
    for (Table join : schema.tables()) {
      if (!isJoinTable(schema, join)) {
        continue;
      }
      ForeignKey first = join.foreignKeys().get(0);
      ForeignKey second = join.foreignKeys().get(1);
      Table a = schema.table(first.referencedTable()).orElseThrow();
      Table b = schema.table(second.referencedTable()).orElseThrow();
      add(through, taken, join, a, b, first, second);
      add(through, taken, join, b, a, second, first);
    }
    return through;
  }

  private static void add(Map<Table, List<Through>> through, Map<Table, Set<String>> taken,
      Table join, Table source, Table target, ForeignKey fromKey, ForeignKey toKey) {
    String name = RelationPlanner.claim(taken.get(source), target.exportName(),
        target.exportName() + "Through" + capitalize(join.exportName()));
    through.computeIfAbsent(source, t -> new ArrayList<>())
        .add(new Through(name, source, target, join, fromKey, toKey));
  }

  private static boolean isJoinTable(DatabaseSchema schema, Table table) {
    List<ForeignKey> keys = table.foreignKeys();
    if (keys.size() != 2) {
      return false;
    }
    Set<String> self = Set.of(lower(table.name()));
    String a = lower(keys.get(0).referencedTable());
    String b = lower(keys.get(1).referencedTable());
    if (a.equals(b) || self.contains(a) || self.contains(b)
        || schema.table(a).isEmpty() || schema.table(b).isEmpty()) {
      return false;
    }
    Set<String> keyColumns = new HashSet<>();
    keys.forEach(k -> k.columns().forEach(c -> keyColumns.add(lower(c))));
    Set<String> primaryKey = new HashSet<>();
    table.primaryKey().forEach(c -> primaryKey.add(lower(c)));
    int keyColumnCount = keys.get(0).columns().size() + keys.get(1).columns().size();
    // Other columns (a createdAt) may follow: they describe the pairing, not a third entity.
    return primaryKey.equals(keyColumns) && keyColumns.size() == keyColumnCount;
  }

  private static String capitalize(String name) {
    return name.isEmpty()
        ? name
        : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
