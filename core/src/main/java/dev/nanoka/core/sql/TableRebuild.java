package dev.nanoka.core.sql;

import static dev.nanoka.core.sql.SqliteDdl.quote;

import dev.nanoka.core.diff.SchemaChange.RebuildTable;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.ReservedNames;
import dev.nanoka.core.schema.SqlType;
import dev.nanoka.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements that re-create one table SQLite cannot ALTER, keeping every row on plain SQLite
 * (foreign keys enforced or not) and on D1.
 *
 * <p>On D1 foreign keys stay enforced inside the migration's transaction and
 * {@code PRAGMA foreign_keys=OFF} does nothing, so dropping the old table deletes its rows first
 * and fires ON DELETE actions on the tables that reference it (drizzle-orm #4938). Hence, where
 * foreign keys are enforced:
 * <ol>
 *   <li>references from the table to tables that reference it back (a cycle) are saved and
 *       cleared, so that emptying those tables cannot fire on this one ({@link CycleReferences});
 *   <li>the rows of every table that references it, directly or through others (its
 *       dependents), are set aside in {@code __nanoka_keep_<table>} and deleted, children first
 *       ({@link DependentRows});
 *   <li>{@code __new_<table>} is created and the old rows copied, only from columns that existed
 *       before (drizzle-kit also copies columns added in the same migration, and SQLite stores
 *       their double-quoted names as text); the AUTOINCREMENT sequence comes along;
 *   <li>the old table is emptied, dropped, and the new one renamed into its place;
 *   <li>the dependents' rows are put back, parents first, and the saved references restored.
 * </ol>
 * Where foreign keys are not enforced, dropping the old table touches no other table: steps 1, 2
 * and 5 and the emptying in step 4 move no row, and the rebuild costs what copying the one table
 * costs. Rows move in a fixed number of statements of a bounded share each ({@link RowBatches}),
 * which keeps each statement of a large table within D1's time limit for a query.
 */
final class TableRebuild {

  private final RebuildTable rebuild;
  /** The table as the database has it now (renames and earlier steps applied). */
  private final Table old;
  private final List<Table> dependents;
  /** The dependents' rows, by table key. */
  private final Map<String, DependentRows> rows = new LinkedHashMap<>();
  /** Whether any table references this one, so that dropping it deletes its rows first. */
  private final boolean referenced;
  private final String name;
  private final String temporary;
  private final List<String> steps = new ArrayList<>();

  private TableRebuild(RebuildTable rebuild, Table old, List<Table> dependents,
      boolean referenced) {
    this.rebuild = rebuild;
    this.old = old;
    this.dependents = dependents;
    this.referenced = referenced;
    this.name = rebuild.to().name();
    this.temporary = ReservedNames.rebuildTable(name);
    dependents.forEach(d -> rows.put(TableOrder.key(d.name()), new DependentRows(d)));
  }

  /**
   * @param old the table as the database has it just before the rebuild
   * @param dependents the tables that reference it, directly or through others, and may hold rows
   * @param referenced whether any table references it (dependents, and tables created empty)
   */
  static List<MigrationStatement> statements(RebuildTable rebuild, Table old,
      List<Table> dependents, boolean referenced, List<String> lossComments) {
    TableRebuild recipe = new TableRebuild(rebuild, old, dependents, referenced);
    recipe.render();
    List<String> comments = new ArrayList<>(recipe.comments());
    comments.addAll(lossComments);
    List<MigrationStatement> out = new ArrayList<>();
    for (String step : recipe.steps) {
      out.add(out.isEmpty() ? new MigrationStatement(step, comments) : MigrationStatement.of(step));
    }
    return out;
  }

  /** What the statements do, for the file's reader (and a reviewer). */
  private List<String> comments() {
    List<String> out = new ArrayList<>();
    out.add("Rebuild " + name + ": SQLite cannot ALTER this change. Its rows are copied;"
        + " nothing is deleted.");
    if (!dependents.isEmpty()) {
      out.add("Where foreign keys are enforced (always on D1), the rows of "
          + String.join(", ", dependents.stream().map(Table::name).toList()) + ", which"
          + " reference " + name + ", are set aside and put back; elsewhere they stay in place.");
    }
    List<String> whole = movedWhole();
    int tables = dependents.size() + (rebuild.copied().isEmpty() ? 0 : 1);
    if (whole.size() < tables) {
      out.add((dependents.isEmpty() ? "Where foreign keys are enforced (always on D1), its"
          : "There, each table's") + " rows move in " + RowBatches.STATEMENTS
          + " statements of 1/" + RowBatches.STATEMENTS + " of them each (D1 limits the time of"
          + " a query)" + (whole.isEmpty() ? "" : "; those of " + String.join(", ", whole)
          + " in one") + ".");
    }
    return out;
  }

  /** The tables whose rows move in one statement rather than in bounded batches. */
  private List<String> movedWhole() {
    List<String> whole = new ArrayList<>();
    if (!rebuild.copied().isEmpty() && copyOrder().isEmpty()) {
      whole.add(name);
    }
    dependents.stream().filter(d -> !rows(d).batched()).map(Table::name).forEach(whole::add);
    return whole;
  }

  /** What the rebuild touches, for a reviewer. */
  static RebuildOutline outline(RebuildTable rebuild, Table old, List<Table> dependents,
      boolean referenced) {
    TableRebuild recipe = new TableRebuild(rebuild, old, dependents, referenced);
    return new RebuildOutline(recipe.name, dependents.stream().map(Table::name).toList(),
        recipe.movedWhole());
  }

  private void render() {
    Optional<CycleReferences> cycle = CycleReferences.of(old, rebuild, dependents);
    cycle.ifPresent(c -> steps.addAll(c.detach()));
    for (Table dependent : dependents) {
      steps.addAll(rows(dependent).setAside());
    }
    for (Table dependent : TableOrder.childrenFirst(dependents)) {
      steps.addAll(rows(dependent).delete());
    }
    steps.add(SqliteDdl.createTable(rebuild.to(), temporary));
    Optional<CopyOrder> order = copyOrder();
    steps.addAll(copyRows(order));
    steps.addAll(keepSequence());
    releaseSelfReferences(old, Optional.of(RowBatches.FOREIGN_KEYS)).forEach(steps::add);
    if (referenced && order.isPresent()) {
      steps.addAll(emptyOldTable(order.get()));
    }
    steps.add(SqliteDdl.dropTable(name));
    steps.add(SqliteDdl.renameTable(temporary, name));
    for (Table dependent : TableOrder.parentsFirst(dependents)) {
      steps.addAll(rows(dependent).restore());
    }
    cycle.ifPresent(c -> steps.addAll(c.reattach()));
  }

  private DependentRows rows(Table dependent) {
    return rows.get(TableOrder.key(dependent.name()));
  }

  /**
   * The order in which the old rows can be copied in batches: a key whose value in a copied row
   * is the same in both tables, so that each batch starts after the largest one copied. The new
   * table's row id when it has no INTEGER PRIMARY KEY (set from the old row id), else that key
   * when it is copied unchanged from the old one's. None for a table referencing itself: a batch
   * may reference a row of a later one.
   */
  private record CopyOrder(String oldKey, String newKey, boolean explicitRowid) {}

  private Optional<CopyOrder> copyOrder() {
    Table target = rebuild.to();
    if (rebuild.copied().isEmpty() || RowBatches.referencesItself(old)
        || RowBatches.referencesItself(target)) {
      return Optional.empty();
    }
    Optional<Column> newKey = target.columns().stream()
        .filter(c -> RowBatches.isRowidAlias(target, c)).findFirst();
    if (newKey.isEmpty()) {
      return RowBatches.rowid(old, target).map(id -> new CopyOrder(id, id, true));
    }
    String source = rebuild.copied().get(newKey.get().name());
    List<String> oldKey = old.primaryKey();
    Optional<Column> oldColumn = source == null ? Optional.empty() : old.column(source);
    boolean sameKey = oldColumn.isPresent() && oldKey.size() == 1
        && oldKey.get(0).equalsIgnoreCase(source)
        && oldColumn.get().type().sqlType() == SqlType.INTEGER
        && copyExpression(quote(source), oldColumn.get(), newKey.get()).equals(quote(source));
    return sameKey
        ? Optional.of(new CopyOrder(quote(source), quote(newKey.get().name()), false))
        : Optional.empty();
  }

  private List<String> copyRows(Optional<CopyOrder> order) {
    if (rebuild.copied().isEmpty()) {
      return List.of();
    }
    List<String> targetColumns = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Column column : rebuild.to().columns()) {
      String source = rebuild.copied().get(column.name());
      if (source != null) {
        targetColumns.add(column.name());
        sources.add(copyExpression(quote(source),
            rebuild.from().column(source).orElseThrow(), column));
      }
    }
    if (order.isEmpty()) {
      return List.of(SqliteDdl.copyRows(temporary, targetColumns, name, sources));
    }
    CopyOrder by = order.get();
    String into = "INSERT INTO " + quote(temporary) + "("
        + (by.explicitRowid() ? by.newKey() + ", " : "") + SqliteDdl.names(targetColumns, ", ")
        + ") SELECT " + (by.explicitRowid() ? by.oldKey() + ", " : "")
        + String.join(", ", sources) + " FROM " + quote(name);
    String share = RowBatches.share(name, RowBatches.STATEMENTS);
    String rest = " ORDER BY " + by.oldKey() + " LIMIT ";
    List<String> out = new ArrayList<>();
    // Without foreign keys the first statement copies every row, as one statement always did.
    out.add(into + rest + RowBatches.ifForeignKeys(share, "-1") + ";");
    for (int i = 1; i < RowBatches.STATEMENTS; i++) {
      out.add(into + " WHERE " + by.oldKey() + " > (SELECT max(" + by.newKey() + ") FROM "
          + quote(temporary) + ")" + rest + RowBatches.ifForeignKeys(share, "0") + ";");
    }
    return out;
  }

  /**
   * Where foreign keys are enforced, DROP TABLE deletes the rows of a referenced table one by one
   * in one statement; deleting them beforehand in batches keeps each statement bounded.
   */
  private List<String> emptyOldTable(CopyOrder order) {
    String delete = "DELETE FROM " + quote(name) + " WHERE " + order.oldKey() + " IN (SELECT "
        + order.oldKey() + " FROM " + quote(name) + " ORDER BY " + order.oldKey() + " LIMIT "
        + RowBatches.ifForeignKeys(RowBatches.share(temporary, RowBatches.STATEMENTS), "0")
        + ");";
    List<String> out = new ArrayList<>();
    for (int i = 0; i < RowBatches.STATEMENTS; i++) {
      out.add(delete);
    }
    return out;
  }

  /**
   * Statements to run just before every row of {@code table} is deleted, by DELETE or by the
   * implicit DELETE of DROP TABLE when foreign keys are enforced. Rows go in rowid order, so a
   * row referencing another row of the same table can outlive its parent for a moment: ON DELETE
   * RESTRICT then aborts, and SET NULL / SET DEFAULT can write NULL into a NOT NULL column. SQLite
   * ignores a row's reference to itself when deleting that row, so each referencing row is first
   * pointed at itself; the rows are set aside or meant to go, so nothing of value changes. Only
   * for the self-references whose action can fail: the rest need no extra statement.
   *
   * @param rows a condition limiting the rows changed (those about to be deleted), if any
   */
  static List<String> releaseSelfReferences(Table table, Optional<String> rows) {
    List<String> statements = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      if (!key.referencedTable().equalsIgnoreCase(table.name()) || !canFailOnDelete(table, key)) {
        continue;
      }
      List<String> assignments = new ArrayList<>();
      List<String> conditions = new ArrayList<>();
      for (int i = 0; i < key.columns().size(); i++) {
        String column = quote(key.columns().get(i));
        assignments.add(column + " = " + quote(key.referencedColumns().get(i)));
        conditions.add(column + " IS NOT NULL");
      }
      rows.ifPresent(conditions::add);
      statements.add("UPDATE " + quote(table.name()) + " SET " + String.join(", ", assignments)
          + " WHERE " + String.join(" AND ", conditions) + ";");
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
  private List<String> keepSequence() {
    if (!hasAutoIncrement(old) || !hasAutoIncrement(rebuild.to())) {
      return List.of();
    }
    return List.of(
        "DELETE FROM sqlite_sequence WHERE name = " + literal(temporary) + ";",
        "INSERT INTO sqlite_sequence (name, seq) SELECT " + literal(temporary)
            + ", seq FROM sqlite_sequence WHERE name = " + literal(name) + ";");
  }

  private static boolean hasAutoIncrement(Table table) {
    return table.columns().stream().anyMatch(Column::autoIncrement);
  }

  /** The old value, or the new default where a column became NOT NULL and has one. */
  static String copyExpression(String source, Column before, Column after) {
    var fallback = after.defaultValue().flatMap(d -> d.sql());
    if (after.notNull() && !before.notNull() && fallback.isPresent()) {
      return "coalesce(" + source + ", " + fallback.get() + ")";
    }
    return source;
  }

  static String keepName(String table) {
    return ReservedNames.rebuildKeep(table);
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
