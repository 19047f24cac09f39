package dev.nanoka.processor.ts;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.Table;
import dev.nanoka.processor.ts.RelationPlanner.TableRelations;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the relations of drizzle-orm 0.45's relational query API ({@code db.query.users
 * .findMany({ with: { posts: true } })}), one {@code relations(…)} constant per table that has a
 * foreign key or is the target of one:
 *
 * <pre>{@code
 * export const postsRelations = relations(posts, ({ one, many }) => ({
 *   author: one(users, { fields: [posts.authorId], references: [users.id] }),
 *   postTags: many(postTags),
 * }))
 * }</pre>
 *
 * <p>They follow all tables: {@code relations(posts, …)} reads {@code posts} when the module
 * loads. drizzle-kit skips them (they are not tables), so migrations don't change.
 */
final class RelationsRenderer {

  private RelationsRenderer() {}

  /** One block per table with relations, in schema order; none for a schema without keys. */
  static List<String> render(DatabaseSchema schema, TsImports imports) {
    List<String> blocks = new ArrayList<>();
    for (TableRelations planned : RelationPlanner.plan(schema)) {
      blocks.add(renderTable(planned, imports));
    }
    return blocks;
  }

  private static String renderTable(TableRelations planned, TsImports imports) {
    Table table = planned.table();
    boolean one = planned.relations().stream().anyMatch(r -> !r.many());
    boolean many = planned.relations().stream().anyMatch(Relation::many);
    String helpers = one && many ? "one, many" : one ? "one" : "many";
    StringBuilder out = new StringBuilder("export const ").append(planned.exportName())
        .append(" = ").append(imports.useRelations()).append('(').append(table.exportName())
        .append(", ({ ").append(helpers).append(" }) => ({\n");
    for (Relation relation : planned.relations()) {
      out.append("  ").append(relation.property()).append(": ")
          .append(relation.many() ? renderMany(relation) : renderOne(table, relation))
          .append(",\n");
    }
    return out.append("}))").toString();
  }

  private static String renderOne(Table table, Relation relation) {
    Table target = relation.target();
    return "one(" + target.exportName() + ", { fields: ["
        + columnRefs(table, relation.key().columns()) + "], references: ["
        + columnRefs(target, relation.key().referencedColumns()) + "]"
        + relation.relationName().map(n -> ", relationName: " + TsText.quote(n)).orElse("")
        + " })";
  }

  private static String renderMany(Relation relation) {
    return "many(" + relation.target().exportName()
        + relation.relationName().map(n -> ", { relationName: " + TsText.quote(n) + " }")
            .orElse("")
        + ")";
  }

  private static String columnRefs(Table table, List<String> columns) {
    return columns.stream()
        .map(c -> table.exportName() + "." + table.column(c).orElseThrow().property())
        .collect(Collectors.joining(", "));
  }
}
