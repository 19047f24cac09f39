package dev.nanoka.processor.ts;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.processor.ts.RelationPlanner.TableRelations;
import dev.nanoka.processor.ts.ThroughPlanner.Through;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the relations of drizzle-orm 1.0's relational queries (RQB v2), which replaced 0.45's
 * {@code relations(…)} per table by one {@code defineRelations} over every table, passed to the
 * driver as {@code drizzle(d1, { relations })}:
 *
 * <pre>{@code
 * export const relations = defineRelations({ posts, users }, (r) => ({
 *   posts: {
 *     author: r.one.users({ from: r.posts.authorId, to: r.users.id, optional: false }),
 *   },
 *   users: {
 *     posts: r.many.posts(),
 *   },
 * }))
 * }</pre>
 *
 * <p>The same relations under the same names as {@link RelationsRenderer} ({@link
 * RelationPlanner}), so queries read alike in both layouts: the key's side declares the columns
 * ({@code from}/{@code to}), the other side finds them through it; where 0.45 needs a
 * {@code relationName} (two keys between two tables, a self-reference) both sides carry it as
 * the {@code alias} that pairs them. A key whose columns are all NOT NULL is
 * {@code optional: false}, so its result type isn't {@code | null}. New in 1.0: a join table's
 * two ends also reach each other directly ({@link ThroughPlanner}), with the join table's name as
 * their alias: a relation without {@code from}/{@code to} is paired with the one relation back
 * that has no alias, and a direct key between the same two tables would otherwise make two.
 * Every table is listed, with
 * or without relations: {@code db.query} has only the tables {@code defineRelations} was given.
 */
final class DefineRelationsRenderer {

  private static final int WIDTH = 100;

  private DefineRelationsRenderer() {}

  /** The one {@code export const relations = defineRelations(…)} block; none without tables. */
  static List<String> render(DatabaseSchema schema, TsImports imports) {
    if (schema.tables().isEmpty()) {
      return List.of();
    }
    List<TableRelations> planned = RelationPlanner.plan(schema);
    Map<Table, List<Through>> through = ThroughPlanner.plan(schema, planned);
    Set<String> exports = new HashSet<>();
    schema.tables().forEach(t -> exports.add(t.exportName()));
    String name = claim(exports, "relations");
    // A table exported as defineRelations (table define_relations) keeps its name; the import
    // gives way: import { defineRelations as defineRelations2 }.
    String define = imports.useDefineRelations(claim(exports, "defineRelations"));

    List<String> tables = schema.tables().stream().map(Table::exportName).toList();
    String head = "export const " + name + " = " + define + "({ "
        + String.join(", ", tables) + " }";
    if (head.length() + ", (r) => ({".length() > WIDTH) {
      head = "export const " + name + " = " + define + "({\n"
          + tables.stream().map(t -> "  " + t + ",\n").collect(Collectors.joining()) + "}";
    }
    if (planned.isEmpty()) {
      return List.of(head + ")");
    }
    StringBuilder out = new StringBuilder(head).append(", (r) => ({\n");
    for (Table table : schema.tables()) {
      List<String> entries = new ArrayList<>();
      planned.stream().filter(p -> p.table() == table).findFirst().ifPresent(p -> {
        for (Relation relation : p.relations()) {
          entries.add(relation.property() + ": "
              + (relation.many() ? renderMany(relation) : renderOne(table, relation)));
        }
      });
      for (Through across : through.getOrDefault(table, List.of())) {
        entries.add(across.property() + ": " + renderThrough(across));
      }
      if (entries.isEmpty()) {
        continue;
      }
      out.append("  ").append(table.exportName()).append(": {\n");
      entries.forEach(e -> out.append("    ").append(e).append(",\n"));
      out.append("  },\n");
    }
    return List.of(out.append("}))").toString());
  }

  private static String renderOne(Table table, Relation relation) {
    ForeignKey key = relation.key();
    Table target = relation.target();
    boolean required = key.columns().stream()
        .allMatch(c -> table.column(c).orElseThrow().notNull());
    return "r.one." + target.exportName() + "({ from: " + refs(table, key.columns())
        + ", to: " + refs(target, key.referencedColumns())
        + (required ? ", optional: false" : "")
        + relation.relationName().map(n -> ", alias: " + TsText.quote(n)).orElse("") + " })";
  }

  private static String renderMany(Relation relation) {
    return "r.many." + relation.target().exportName() + "("
        + relation.relationName().map(n -> "{ alias: " + TsText.quote(n) + " }").orElse("")
        + ")";
  }

  private static String renderThrough(Through across) {
    Table join = across.join();
    return "r.many." + across.target().exportName() + "({ from: "
        + throughRefs(across.source(), across.fromKey().referencedColumns(), join,
            across.fromKey().columns())
        + ", to: "
        + throughRefs(across.target(), across.toKey().referencedColumns(), join,
            across.toKey().columns())
        + ", alias: " + TsText.quote(join.name()) + " })";
  }

  /** {@code r.posts.id.through(r.postTags.postId)}, in brackets for a key over several columns. */
  private static String throughRefs(
      Table end, List<String> endColumns, Table join, List<String> joinColumns) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < endColumns.size(); i++) {
      parts.add(ref(end, endColumns.get(i)) + ".through(" + ref(join, joinColumns.get(i)) + ")");
    }
    return bracket(parts);
  }

  private static String refs(Table table, List<String> columns) {
    return bracket(columns.stream().map(c -> ref(table, c)).toList());
  }

  private static String bracket(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "[" + String.join(", ", parts) + "]";
  }

  private static String ref(Table table, String column) {
    return "r." + table.exportName() + "." + table.column(column).orElseThrow().property();
  }

  private static String claim(Set<String> taken, String candidate) {
    if (taken.add(candidate)) {
      return candidate;
    }
    for (int n = 2; ; n++) {
      if (taken.add(candidate + n)) {
        return candidate + n;
      }
    }
  }
}
