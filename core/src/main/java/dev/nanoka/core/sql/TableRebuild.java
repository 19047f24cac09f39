package dev.nanoka.core.sql;

import dev.nanoka.core.diff.SchemaChange.RebuildTable;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.ReservedNames;
import dev.nanoka.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The statements that re-create one table SQLite cannot ALTER, keeping every row on plain SQLite
 * and on D1.
 *
 * <p>On D1 foreign keys stay enforced inside the migration's transaction and
 * {@code PRAGMA foreign_keys=OFF} does nothing, so dropping the old table deletes its rows first
 * and fires ON DELETE actions on the tables that reference it (drizzle-orm #4938). Hence:
 * <ol>
 *   <li>references from the table to tables that reference it back (a cycle) are saved and
 *       cleared, so that emptying those tables cannot fire on this one;
 *   <li>the rows of every table that references it, directly or through others (its
 *       dependents), are set aside in {@code __nanoka_keep_<table>} and deleted, children first;
 *   <li>{@code __new_<table>} is created and the old rows copied, only from columns that existed
 *       before (drizzle-kit also copies columns added in the same migration, and SQLite stores
 *       their double-quoted names as text); the AUTOINCREMENT sequence comes along;
 *   <li>the old table is dropped and the new one renamed into its place;
 *   <li>the dependents' rows are put back, parents first, and the saved references restored.
 * </ol>
 */
final class TableRebuild {

  private final RebuildTable rebuild;
  /** The table as the database has it now (renames and earlier steps applied). */
  private final Table old;
  private final List<Table> dependents;
  private final String name;
  private final String temporary;
  private final List<MigrationStatement> steps = new ArrayList<>();

  private TableRebuild(RebuildTable rebuild, Table old, List<Table> dependents) {
    this.rebuild = rebuild;
    this.old = old;
    this.dependents = dependents;
    this.name = rebuild.to().name();
    this.temporary = ReservedNames.rebuildTable(name);
  }

  /**
   * @param old the table as the database has it just before the rebuild
   * @param dependents the tables that reference it, directly or through others, and may hold rows
   */
  static List<MigrationStatement> statements(
      RebuildTable rebuild, Table old, List<Table> dependents, List<String> comments) {
    TableRebuild recipe = new TableRebuild(rebuild, old, dependents);
    recipe.render();
    List<MigrationStatement> steps = recipe.steps;
    steps.set(0, new MigrationStatement(steps.get(0).sql(), comments));
    return steps;
  }

  private void render() {
    Table target = rebuild.to();
    Optional<CycleReferences> cycle = CycleReferences.of(old, rebuild, dependents);
    cycle.ifPresent(c -> steps.addAll(c.detach()));
    for (Table dependent : dependents) {
      steps.add(sql("CREATE TABLE " + SqliteDdl.quote(keepName(dependent.name())) + " AS SELECT "
          + SqliteDdl.names(columnNames(dependent), ", ") + " FROM "
          + SqliteDdl.quote(dependent.name()) + ";"));
    }
    for (Table dependent : TableOrder.childrenFirst(dependents)) {
      steps.addAll(releaseSelfReferences(dependent));
      steps.add(sql("DELETE FROM " + SqliteDdl.quote(dependent.name()) + ";"));
    }
    steps.add(sql(SqliteDdl.createTable(target, temporary)));
    if (!rebuild.copied().isEmpty()) {
      List<String> targetColumns = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      for (Column column : target.columns()) {
        String source = rebuild.copied().get(column.name());
        if (source != null) {
          targetColumns.add(column.name());
          sources.add(copyExpression(SqliteDdl.quote(source),
              rebuild.from().column(source).orElseThrow(), column));
        }
      }
      steps.add(sql(SqliteDdl.copyRows(temporary, targetColumns, name, sources)));
    }
    steps.addAll(keepSequence());
    steps.addAll(releaseSelfReferences(old));
    steps.add(sql(SqliteDdl.dropTable(name)));
    steps.add(sql(SqliteDdl.renameTable(temporary, name)));
    for (Table dependent : TableOrder.parentsFirst(dependents)) {
      List<String> columns = columnNames(dependent);
      steps.add(sql(SqliteDdl.copyRows(dependent.name(), columns, keepName(dependent.name()),
          columns.stream().map(SqliteDdl::quote).toList())));
      steps.add(sql(SqliteDdl.dropTable(keepName(dependent.name()))));
    }
    cycle.ifPresent(c -> steps.addAll(c.reattach()));
  }

  /**
   * Statements to run just before every row of {@code table} is deleted, by DELETE or by the
   * implicit DELETE of DROP TABLE when foreign keys are enforced. Rows go in rowid order, so a
   * row referencing another row of the same table can outlive its parent for a moment: ON DELETE
   * RESTRICT then aborts, and SET NULL / SET DEFAULT can write NULL into a NOT NULL column. SQLite
   * ignores a row's reference to itself when deleting that row, so each referencing row is first
   * pointed at itself; the rows are set aside or meant to go, so nothing of value changes. Only
   * for the self-references whose action can fail: the rest need no extra statement.
   */
  static List<MigrationStatement> releaseSelfReferences(Table table) {
    List<MigrationStatement> statements = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      if (!key.referencedTable().equalsIgnoreCase(table.name()) || !canFailOnDelete(table, key)) {
        continue;
      }
      List<String> assignments = new ArrayList<>();
      List<String> referencing = new ArrayList<>();
      for (int i = 0; i < key.columns().size(); i++) {
        String column = SqliteDdl.quote(key.columns().get(i));
        assignments.add(column + " = " + SqliteDdl.quote(key.referencedColumns().get(i)));
        referencing.add(column + " IS NOT NULL");
      }
      statements.add(sql("UPDATE " + SqliteDdl.quote(table.name()) + " SET "
          + String.join(", ", assignments) + " WHERE " + String.join(" AND ", referencing) + ";"));
    }
    return statements;
  }

  private static boolean canFailOnDelete(Table table, ForeignKey key) {
    boolean notNull = key.columns().stream()
        .anyMatch(c -> table.column(c).map(Column::notNull).orElse(false));
    return switch (key.onDelete()) {
      case RESTRICT -> true;
      case SET_NULL, SET_DEFAULT -> notNull;
      case NO_ACTION, CASCADE -> false;
    };
  }

  /**
   * AUTOINCREMENT promises never to hand out an id again, even one whose row was deleted; SQLite
   * keeps that promise in {@code sqlite_sequence}, per table. The copy leaves the new table's
   * entry at the largest id copied, so the old entry is carried over before the old table (and
   * its entry) is dropped; the rename then moves it to the table's name.
   */
  private List<MigrationStatement> keepSequence() {
    if (!hasAutoIncrement(old) || !hasAutoIncrement(rebuild.to())) {
      return List.of();
    }
    return List.of(
        sql("DELETE FROM sqlite_sequence WHERE name = " + literal(temporary) + ";"),
        sql("INSERT INTO sqlite_sequence (name, seq) SELECT " + literal(temporary)
            + ", seq FROM sqlite_sequence WHERE name = " + literal(name) + ";"));
  }

  private static boolean hasAutoIncrement(Table table) {
    return table.columns().stream().anyMatch(Column::autoIncrement);
  }

  /** The old value, or the new default where a column became NOT NULL and has one. */
  private static String copyExpression(String source, Column before, Column after) {
    var fallback = after.defaultValue().flatMap(d -> d.sql());
    if (after.notNull() && !before.notNull() && fallback.isPresent()) {
      return "coalesce(" + source + ", " + fallback.get() + ")";
    }
    return source;
  }

  static String keepName(String table) {
    return ReservedNames.rebuildKeep(table);
  }

  private static List<String> columnNames(Table table) {
    return table.columns().stream().map(Column::name).toList();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static MigrationStatement sql(String text) {
    return MigrationStatement.of(text);
  }

  /**
   * References from the rebuilt table to its own dependents: a reference cycle such as
   * {@code users.teamId → teams} with {@code teams.ownerId → users}. Emptying {@code teams}
   * would fire {@code users.teamId}'s ON DELETE action on the very rows being copied (CASCADE
   * deletes them, SET NULL / SET DEFAULT overwrite the references). So these columns are saved
   * with the row's primary key, set to NULL while the dependents are away, and written back at
   * the end. Only nullable, non-key columns of a table whose key is copied can be treated so.
   * A cycle through NOT NULL columns keeps the plain recipe: RESTRICT and NO ACTION then fail
   * loudly (a D1 migration rolls back), CASCADE fails when the dependents are put back, but
   * SET DEFAULT would overwrite the references unnoticed. Such data can only have been written
   * with foreign keys off or deferred.
   */
  private record CycleReferences(
      String table, Map<String, String> keyColumns, Map<String, String> columns,
      Map<String, Column> targetColumns, Map<String, Column> oldColumns) {

    /** keyColumns and columns: old name → new name. */
    static Optional<CycleReferences> of(Table old, RebuildTable rebuild, List<Table> dependents) {
      Set<String> dependentKeys = new java.util.HashSet<>();
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
      return keepName(table);
    }

    List<MigrationStatement> detach() {
      List<String> saved = new ArrayList<>(keyColumns.keySet());
      columns.keySet().stream().filter(c -> !saved.contains(c)).forEach(saved::add);
      return List.of(
          sql("CREATE TABLE " + SqliteDdl.quote(keep()) + " AS SELECT "
              + SqliteDdl.names(saved, ", ") + " FROM " + SqliteDdl.quote(table) + ";"),
          sql("UPDATE " + SqliteDdl.quote(table) + " SET " + String.join(", ",
              columns.keySet().stream().map(c -> SqliteDdl.quote(c) + " = NULL").toList())
              + ";"));
    }

    /** Back into the rebuilt table; a column dropped by the rebuild has nothing to get back. */
    List<MigrationStatement> reattach() {
      List<String> assignments = new ArrayList<>();
      List<String> match = new ArrayList<>();
      keyColumns.forEach((before, now) -> match.add("k." + SqliteDdl.quote(before) + " IS "
          + SqliteDdl.quote(table) + "." + SqliteDdl.quote(now)));
      columns.forEach((before, now) -> {
        if (now != null) {
          String value = copyExpression("k." + SqliteDdl.quote(before), oldColumns.get(before),
              targetColumns.get(now));
          assignments.add(SqliteDdl.quote(now) + " = (SELECT " + value + " FROM "
              + SqliteDdl.quote(keep()) + " AS k WHERE " + String.join(" AND ", match) + ")");
        }
      });
      List<MigrationStatement> statements = new ArrayList<>();
      if (!assignments.isEmpty()) {
        statements.add(sql("UPDATE " + SqliteDdl.quote(table) + " SET "
            + String.join(", ", assignments) + ";"));
      }
      statements.add(sql(SqliteDdl.dropTable(keep())));
      return statements;
    }
  }
}
