package dev.nanoka.processor.ts;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives Drizzle relations from the foreign keys, named as Drizzle users name them by hand: the
 * referencing side after its column without the key's suffix ({@code authorId} → {@code author}),
 * the referenced side after the referencing table ({@code posts}). Pure and deterministic: names
 * depend only on the schema, in its table and key order.
 *
 * <p>Names never clash: a relation's key is never one of its table's column keys (the query
 * result holds both), never another relation's, never {@code __proto__}; a candidate that is
 * taken gets a longer form, then a number.
 */
final class RelationPlanner {

  /** A table's relations and the name of the {@code relations(…)} constant that declares them. */
  record TableRelations(Table table, String exportName, List<Relation> relations) {}

  /** A foreign key seen from the table it points at. */
  private record Incoming(Table child, ForeignKey key) {}

  /** JavaScript's one object key that sets the prototype instead of a property. */
  private static final String PROTO = "__proto__";

  // Compiled once: String.matches compiles its pattern on every call, several per foreign key.
  private static final Pattern IES = Pattern.compile(".*[^aeiou]ies");
  private static final Pattern ES = Pattern.compile(".*(ss|x|z|ch|sh)es");
  private static final Pattern S = Pattern.compile(".*[^su]s");

  private RelationPlanner() {}

  /** The relations of every table that has any, in schema order. */
  static List<TableRelations> plan(DatabaseSchema schema) {
    Map<String, List<Incoming>> incoming = new HashMap<>();
    Map<String, Integer> keysBetween = new HashMap<>();
    for (Table child : schema.tables()) {
      for (ForeignKey key : child.foreignKeys()) {
        Table parent = parent(schema, key);
        incoming.computeIfAbsent(lower(parent.name()), k -> new ArrayList<>())
            .add(new Incoming(child, key));
        keysBetween.merge(pair(child, parent), 1, Integer::sum);
      }
    }

    Map<Table, Set<String>> taken = new IdentityHashMap<>();
    for (Table table : schema.tables()) {
      Set<String> names = new HashSet<>();
      table.columns().forEach(c -> names.add(c.property()));
      names.add(PROTO);
      taken.put(table, names);
    }

    // The referencing side first: the referenced side's names build on these.
    Map<ForeignKey, String> oneNames = new IdentityHashMap<>();
    Map<Table, List<Relation>> relations = new IdentityHashMap<>();
    for (Table child : schema.tables()) {
      for (ForeignKey key : child.foreignKeys()) {
        Table parent = parent(schema, key);
        String base = oneBase(child, parent, key);
        String name = claim(
            taken.get(child), base, base + capitalize(singular(parent.exportName())));
        oneNames.put(key, name);
        relations.computeIfAbsent(child, t -> new ArrayList<>()).add(
            new Relation(name, false, parent, key, relationName(child, parent, key, keysBetween)));
      }
    }
    for (Table parent : schema.tables()) {
      for (Incoming in : incoming.getOrDefault(lower(parent.name()), List.of())) {
        String qualified = in.child().exportName() + "By" + capitalize(oneNames.get(in.key()));
        // Two keys from one table to this one: the plain table name would say neither.
        boolean several = in.child().foreignKeys().stream()
            .filter(k -> k.referencedTable().equalsIgnoreCase(parent.name())).count() > 1;
        String name = several
            ? claim(taken.get(parent), qualified)
            : claim(taken.get(parent), in.child().exportName(), qualified);
        relations.computeIfAbsent(parent, t -> new ArrayList<>()).add(new Relation(
            name, true, in.child(), in.key(),
            relationName(in.child(), parent, in.key(), keysBetween)));
      }
    }

    Set<String> exports = new HashSet<>();
    schema.tables().forEach(t -> exports.add(t.exportName()));
    List<TableRelations> planned = new ArrayList<>();
    for (Table table : schema.tables()) {
      List<Relation> own = relations.get(table);
      if (own != null) {
        planned.add(new TableRelations(table, claim(exports, table.exportName() + "Relations"),
            List.copyOf(own)));
      }
    }
    return planned;
  }

  /**
   * The referencing side's name: each column without the suffix that names its target
   * ({@code authorId} → {@code author}, {@code editorEmail} → {@code editor},
   * {@code author_id} → {@code author}); columns named exactly like their target (the shared
   * {@code orgId} of a composite key) say nothing and are skipped. Nothing left: the referenced
   * table in the singular ({@code users} → {@code user}).
   */
  private static String oneBase(Table child, Table parent, ForeignKey key) {
    Set<String> parts = new LinkedHashSet<>();
    for (int i = 0; i < key.columns().size(); i++) {
      String column = property(child, key.columns().get(i));
      String target = property(parent, key.referencedColumns().get(i));
      if (column.equals(target)) {
        continue;
      }
      parts.add(stripSuffix(column, target));
    }
    parts.remove("");
    if (parts.isEmpty()) {
      return singular(parent.exportName());
    }
    StringBuilder name = new StringBuilder();
    for (String part : parts) {
      name.append(name.length() == 0 ? part : capitalize(part));
    }
    return name.toString();
  }

  private static String stripSuffix(String column, String target) {
    for (String suffix : List.of(capitalize(target), "_" + target)) {
      if (column.length() > suffix.length() && column.endsWith(suffix)) {
        return column.substring(0, column.length() - suffix.length());
      }
    }
    return column;
  }

  /**
   * Drizzle pairs a {@code many} with the {@code one} pointing back, found by table alone; with
   * more than one key between two tables (either way), or a table pointing at itself, it finds
   * several and needs a name on both sides. drizzle-kit's own introspection names them
   * {@code <table>_<column>_<refTable>_<refColumn>}, which is the key's name without {@code _fk}.
   */
  private static Optional<String> relationName(
      Table child, Table parent, ForeignKey key, Map<String, Integer> keysBetween) {
    boolean self = child.name().equalsIgnoreCase(parent.name());
    if (!self && keysBetween.get(pair(child, parent)) == 1) {
      return Optional.empty();
    }
    String name = key.name();
    return Optional.of(name.endsWith("_fk") ? name.substring(0, name.length() - 3) : name);
  }

  /**
   * The first candidate nobody has, else the first with the smallest free number; claimed. Also
   * {@link ThroughPlanner}'s: a many-to-many name comes from the same namespace.
   */
  static String claim(Set<String> taken, String... candidates) {
    for (String candidate : candidates) {
      if (taken.add(candidate)) {
        return candidate;
      }
    }
    for (int n = 2; ; n++) {
      if (taken.add(candidates[0] + n)) {
        return candidates[0] + n;
      }
    }
  }

  /**
   * English singular by the reverse of the table-name rules ({@code categories} → {@code
   * category}, {@code addresses} → {@code address}, {@code postTags} → {@code postTag}); a name
   * that doesn't look plural is kept.
   */
  static String singular(String name) {
    if (IES.matcher(name).matches()) {
      return name.substring(0, name.length() - 3) + "y";
    }
    if (ES.matcher(name).matches()) {
      return name.substring(0, name.length() - 2);
    }
    if (S.matcher(name).matches() && !name.endsWith("is")) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  private static String capitalize(String name) {
    return name.isEmpty()
        ? name
        : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  private static String pair(Table a, Table b) {
    String x = lower(a.name());
    String y = lower(b.name());
    return x.compareTo(y) <= 0 ? x + " " + y : y + " " + x;
  }

  private static String property(Table table, String columnName) {
    return table.column(columnName).map(Column::property)
        .orElseThrow(() -> new IllegalArgumentException(
            "table " + table.name() + " has no column " + columnName));
  }

  private static Table parent(DatabaseSchema schema, ForeignKey key) {
    return schema.table(key.referencedTable())
        .orElseThrow(() -> new IllegalArgumentException(
            "foreign key " + key.name() + " references unknown table " + key.referencedTable()));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
