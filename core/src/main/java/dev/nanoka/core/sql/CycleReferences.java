package dev.nanoka.core.sql;

import static dev.nanoka.core.sql.SqliteDdl.quote;

import dev.nanoka.core.diff.SchemaChange.RebuildTable;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * References from a rebuilt table to its own dependents: a reference cycle such as
 * {@code users.teamId → teams} with {@code teams.ownerId → users}. Where foreign keys are
 * enforced, emptying {@code teams} would fire {@code users.teamId}'s ON DELETE action on the very
 * rows being copied (CASCADE deletes them, SET NULL / SET DEFAULT overwrite the references). So
 * these columns are saved with the row's primary key, set to NULL while the dependents are away,
 * and written back at the end; where foreign keys are not enforced nothing is saved and the
 * statements do nothing. Only nullable, non-key columns of a table whose key is copied can be
 * treated so. A cycle through NOT NULL columns keeps the plain recipe: RESTRICT and NO ACTION
 * then fail loudly (a D1 migration rolls back), CASCADE fails when the dependents are put back,
 * but SET DEFAULT would overwrite the references unnoticed. Such data can only have been written
 * with foreign keys off or deferred.
 *
 * <p>Saved in one statement, and written back by a join on the key (one lookup per saved row).
 */
record CycleReferences(
    String table, Map<String, String> keyColumns, Map<String, String> columns,
    Map<String, Column> targetColumns, Map<String, Column> oldColumns) {

  /** keyColumns and columns: old name → new name. */
  static Optional<CycleReferences> of(Table old, RebuildTable rebuild, List<Table> dependents) {
    Set<String> dependentKeys = new HashSet<>();
    dependents.forEach(d -> dependentKeys.add(TableOrder.key(d.name())));
    Map<String, String> oldToNew = new LinkedHashMap<>();
    rebuild.copied().forEach((now, before) -> oldToNew.put(TableOrder.key(before), now));
    List<String> key = old.primaryKey();
    if (key.isEmpty() || !key.stream().allMatch(k -> oldToNew.containsKey(TableOrder.key(k)))) {
      return Optional.empty();
    }
    Map<String, String> columns = new LinkedHashMap<>();
    for (ForeignKey fk : old.foreignKeys()) {
      boolean intoDependent = dependentKeys.contains(TableOrder.key(fk.referencedTable()));
      boolean clearable = fk.columns().stream().allMatch(c -> old.column(c)
          .filter(col -> !col.notNull() && key.stream().noneMatch(c::equalsIgnoreCase))
          .isPresent());
      if (intoDependent && clearable) {
        fk.columns().forEach(c -> columns.put(old.column(c).orElseThrow().name(),
            oldToNew.get(TableOrder.key(c))));
      }
    }
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> keyColumns = new LinkedHashMap<>();
    key.forEach(k -> keyColumns.put(k, oldToNew.get(TableOrder.key(k))));
    Map<String, Column> targetColumns = new LinkedHashMap<>();
    rebuild.to().columns().forEach(c -> targetColumns.put(c.name(), c));
    Map<String, Column> oldColumns = new LinkedHashMap<>();
    old.columns().forEach(c -> oldColumns.put(c.name(), c));
    return Optional.of(new CycleReferences(old.name(), keyColumns, columns, targetColumns,
        oldColumns));
  }

  String keep() {
    return TableRebuild.keepName(table);
  }

  /** Saves and clears the references, where foreign keys are enforced. */
  List<String> detach() {
    List<String> saved = new ArrayList<>(keyColumns.keySet());
    columns.keySet().stream().filter(c -> !saved.contains(c)).forEach(saved::add);
    List<String> match = new ArrayList<>();
    keyColumns.keySet().forEach(k -> match.add(quote(keep()) + "." + quote(k) + " IS "
        + quote(table) + "." + quote(k)));
    return List.of(
        "CREATE TABLE " + quote(keep()) + " AS SELECT " + SqliteDdl.names(saved, ", ")
            + " FROM " + quote(table) + " LIMIT " + RowBatches.ifForeignKeys("-1", "0") + ";",
        "UPDATE " + quote(table) + " SET " + String.join(", ",
            columns.keySet().stream().map(c -> quote(c) + " = NULL").toList())
            + " FROM " + quote(keep()) + " WHERE " + String.join(" AND ", match) + ";");
  }

  /** Back into the rebuilt table; a column dropped by the rebuild has nothing to get back. */
  List<String> reattach() {
    List<String> assignments = new ArrayList<>();
    List<String> match = new ArrayList<>();
    keyColumns.forEach((before, now) -> match.add(quote(keep()) + "." + quote(before) + " IS "
        + quote(table) + "." + quote(now)));
    columns.forEach((before, now) -> {
      if (now != null) {
        assignments.add(quote(now) + " = " + TableRebuild.copyExpression(quote(keep()) + "." + quote(before),
            oldColumns.get(before), targetColumns.get(now)));
      }
    });
    List<String> statements = new ArrayList<>();
    if (!assignments.isEmpty()) {
      statements.add("UPDATE " + quote(table) + " SET " + String.join(", ", assignments)
          + " FROM " + quote(keep()) + " WHERE " + String.join(" AND ", match) + ";");
    }
    statements.add(SqliteDdl.dropTable(keep()));
    return statements;
  }
}
