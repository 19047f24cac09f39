package dev.nanoka.runtime.sql;

import dev.nanoka.runtime.diff.SchemaChange;
import dev.nanoka.runtime.diff.SchemaChange.AddColumn;
import dev.nanoka.runtime.diff.SchemaChange.CreateIndex;
import dev.nanoka.runtime.diff.SchemaChange.CreateTable;
import dev.nanoka.runtime.diff.SchemaChange.DropColumn;
import dev.nanoka.runtime.diff.SchemaChange.DropIndex;
import dev.nanoka.runtime.diff.SchemaChange.DropTable;
import dev.nanoka.runtime.diff.SchemaChange.RebuildTable;
import dev.nanoka.runtime.diff.SchemaChange.RenameColumn;
import dev.nanoka.runtime.diff.SchemaChange.RenameTable;
import dev.nanoka.runtime.diff.SchemaDiff;
import dev.nanoka.runtime.schema.Column;
import dev.nanoka.runtime.schema.ForeignKey;
import dev.nanoka.runtime.schema.Schema;
import dev.nanoka.runtime.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a diff into the ordered statements of one SQLite/D1 migration.
 *
 * <p>Order: drop changed indexes, renames, new tables (parents first), added and dropped
 * columns, dropped tables that nothing staying references (children first), rebuilds (parents
 * first), the other dropped tables, new indexes.
 *
 * <p>Rebuilds keep every row on plain SQLite and on D1, where foreign keys stay enforced inside
 * the migration's transaction and {@code PRAGMA foreign_keys=OFF} does nothing: dropping the old
 * table would delete its rows first, firing ON DELETE actions on child tables (drizzle-orm
 * #4938). So before the old table is dropped, the rows of every table that references it,
 * directly or through others, are set aside in {@code __nanoka_keep_<table>} and removed
 * (children first, so no action fires), and put back once the new table is in place. Only
 * columns that existed before are copied (drizzle-kit also copies columns added in the same
 * migration, and SQLite stores their quoted names as text).
 */
public final class SqliteMigrationRenderer {

  private final Map<String, Table> current = new LinkedHashMap<>();
  private final Set<String> createdNow = new HashSet<>();
  private final List<MigrationStatement> out = new ArrayList<>();

  private SqliteMigrationRenderer(Schema renamed) {
    renamed.tables().forEach(t -> current.put(TableOrder.key(t.name()), t));
  }

  /** The statements that apply the diff to a database holding the diff's old schema. */
  public static List<MigrationStatement> render(SchemaDiff diff) {
    SqliteMigrationRenderer renderer = new SqliteMigrationRenderer(diff.renamed());
    renderer.renderAll(diff.changes());
    return List.copyOf(renderer.out);
  }

  private void renderAll(List<SchemaChange> changes) {
    for (SchemaChange change : changes) {
      if (change instanceof DropIndex drop) {
        out.add(MigrationStatement.of(SqliteDdl.dropIndex(drop.index().name())));
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof RenameTable rename) {
        out.add(MigrationStatement.of(SqliteDdl.renameTable(rename.from(), rename.to())));
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof RenameColumn rename) {
        out.add(MigrationStatement.of(
            SqliteDdl.renameColumn(rename.table(), rename.from(), rename.to())));
      }
    }
    List<Table> created = new ArrayList<>();
    changes.stream().filter(c -> c instanceof CreateTable)
        .forEach(c -> created.add(((CreateTable) c).table()));
    for (Table table : TableOrder.parentsFirst(created)) {
      out.add(MigrationStatement.of(SqliteDdl.createTable(table)));
      put(table);
      createdNow.add(TableOrder.key(table.name()));
    }
    for (SchemaChange change : changes) {
      if (change instanceof AddColumn add) {
        out.add(MigrationStatement.of(SqliteDdl.addColumn(add.table(), add.column())));
        Table table = table(add.table());
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(add.column());
        put(withColumns(table, columns));
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof DropColumn drop) {
        out.add(new MigrationStatement(
            SqliteDdl.dropColumn(drop.table(), drop.column().name()), lossComments(drop)));
        Table table = table(drop.table());
        put(withColumns(table, table.columns().stream()
            .filter(c -> !c.name().equalsIgnoreCase(drop.column().name())).toList()));
      }
    }
    List<Table> dropped = new ArrayList<>();
    changes.stream().filter(c -> c instanceof DropTable)
        .forEach(c -> dropped.add(table(((DropTable) c).table().name())));
    List<Table> droppedLater = referencedBySurvivors(dropped);
    // Before the rebuilds: a dropped table still there during a rebuild of a table it references
    // would have its rows set aside and restored, which fails once the key it references is gone.
    dropTables(dropped.stream().filter(t -> !droppedLater.contains(t)).toList());
    Map<String, RebuildTable> rebuilds = new LinkedHashMap<>();
    changes.stream().filter(c -> c instanceof RebuildTable)
        .forEach(c -> rebuilds.put(TableOrder.key(((RebuildTable) c).to().name()), (RebuildTable) c));
    for (Table table : TableOrder.parentsFirst(rebuilds.values().stream().map(RebuildTable::to).toList())) {
      rebuild(rebuilds.get(TableOrder.key(table.name())));
    }
    dropTables(droppedLater);
    for (SchemaChange change : changes) {
      if (change instanceof CreateIndex create) {
        out.add(MigrationStatement.of(SqliteDdl.createIndex(create.table(), create.index())));
      }
    }
  }

  /**
   * The dropped tables that a table staying in the schema still references, directly or through
   * other dropped tables. They can only go once the rebuilds that remove those references are
   * done: dropping a parent first would fire the references' ON DELETE actions on the rows of
   * tables that stay, or fail on RESTRICT.
   */
  private List<Table> referencedBySurvivors(List<Table> dropped) {
    Set<String> droppedKeys = new HashSet<>();
    dropped.forEach(t -> droppedKeys.add(TableOrder.key(t.name())));
    Set<String> later = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Table table : current.values()) {
        String key = TableOrder.key(table.name());
        if (droppedKeys.contains(key) && !later.contains(key)) {
          continue;
        }
        for (ForeignKey fk : table.foreignKeys()) {
          String parent = TableOrder.key(fk.referencedTable());
          if (!parent.equals(key) && droppedKeys.contains(parent) && later.add(parent)) {
            grew = true;
          }
        }
      }
    }
    return dropped.stream().filter(t -> later.contains(TableOrder.key(t.name()))).toList();
  }

  private void dropTables(List<Table> tables) {
    for (Table table : TableOrder.childrenFirst(tables)) {
      List<MigrationStatement> release = releaseSelfReferences(table);
      List<String> comments = lossComments(new DropTable(table));
      if (release.isEmpty()) {
        out.add(new MigrationStatement(SqliteDdl.dropTable(table.name()), comments));
      } else {
        out.add(new MigrationStatement(release.get(0).sql(), comments));
        out.addAll(release.subList(1, release.size()));
        out.add(MigrationStatement.of(SqliteDdl.dropTable(table.name())));
      }
      current.remove(TableOrder.key(table.name()));
    }
  }

  private void rebuild(RebuildTable rebuild) {
    Table target = rebuild.to();
    String name = target.name();
    String temporary = "__new_" + name;
    List<Table> dependents = dependents(name);

    List<String> comments = new ArrayList<>();
    comments.add("Rebuild " + name + ": SQLite cannot ALTER this change. Rows are copied;"
        + (dependents.isEmpty() ? "" : " rows of tables that reference it are set aside and"
            + " restored;") + " nothing is deleted.");
    comments.addAll(lossComments(rebuild));

    List<MigrationStatement> steps = new ArrayList<>();
    for (Table dependent : dependents) {
      steps.add(MigrationStatement.of("CREATE TABLE " + SqliteDdl.quote(keepName(dependent))
          + " AS SELECT " + SqliteDdl.names(columnNames(dependent), ", ") + " FROM "
          + SqliteDdl.quote(dependent.name()) + ";"));
    }
    for (Table dependent : TableOrder.childrenFirst(dependents)) {
      steps.addAll(releaseSelfReferences(dependent));
      steps.add(MigrationStatement.of("DELETE FROM " + SqliteDdl.quote(dependent.name()) + ";"));
    }
    steps.add(MigrationStatement.of(SqliteDdl.createTable(target, temporary)));
    if (!rebuild.copied().isEmpty()) {
      List<String> targetColumns = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      for (Column column : target.columns()) {
        String source = rebuild.copied().get(column.name());
        if (source != null) {
          targetColumns.add(column.name());
          sources.add(copyExpression(rebuild.from().column(source).orElseThrow(), column));
        }
      }
      steps.add(MigrationStatement.of(SqliteDdl.copyRows(temporary, targetColumns, name, sources)));
    }
    steps.addAll(releaseSelfReferences(table(name)));
    steps.add(MigrationStatement.of(SqliteDdl.dropTable(name)));
    steps.add(MigrationStatement.of(SqliteDdl.renameTable(temporary, name)));
    put(target);
    for (Table dependent : TableOrder.parentsFirst(dependents)) {
      List<String> columns = columnNames(dependent);
      steps.add(MigrationStatement.of(SqliteDdl.copyRows(dependent.name(), columns,
          keepName(dependent), columns.stream().map(SqliteDdl::quote).toList())));
      steps.add(MigrationStatement.of(SqliteDdl.dropTable(keepName(dependent))));
    }
    steps.set(0, new MigrationStatement(steps.get(0).sql(), comments));
    out.addAll(steps);
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
  private static List<MigrationStatement> releaseSelfReferences(Table table) {
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
      statements.add(MigrationStatement.of("UPDATE " + SqliteDdl.quote(table.name()) + " SET "
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

  /** The old value, or the new default where a column became NOT NULL and has one. */
  private static String copyExpression(Column before, Column after) {
    String source = SqliteDdl.quote(before.name());
    var fallback = after.defaultValue().flatMap(d -> d.sql());
    if (after.notNull() && !before.notNull() && fallback.isPresent()) {
      return "coalesce(" + source + ", " + fallback.get() + ")";
    }
    return source;
  }

  /** Tables that reference {@code name} directly or through others, and may hold rows. */
  private List<Table> dependents(String name) {
    List<Table> found = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(TableOrder.key(name)));
    List<String> frontier = new ArrayList<>(List.of(name));
    while (!frontier.isEmpty()) {
      String parent = frontier.remove(0);
      for (Table table : current.values()) {
        boolean references = table.foreignKeys().stream()
            .anyMatch(fk -> fk.referencedTable().equalsIgnoreCase(parent));
        if (references && seen.add(TableOrder.key(table.name()))) {
          frontier.add(table.name());
          if (!createdNow.contains(TableOrder.key(table.name()))) {
            found.add(table);
          }
        }
      }
    }
    return found;
  }

  private static String keepName(Table table) {
    return "__nanoka_keep_" + table.name();
  }

  private static List<String> columnNames(Table table) {
    return table.columns().stream().map(Column::name).toList();
  }

  private static List<String> lossComments(SchemaChange change) {
    return change.dataLoss().stream().map(l -> "Data loss: " + l).toList();
  }

  private Table table(String name) {
    Table table = current.get(TableOrder.key(name));
    if (table == null) {
      throw new IllegalStateException("no table " + name + " at this point of the migration");
    }
    return table;
  }

  private void put(Table table) {
    current.put(TableOrder.key(table.name()), table);
  }

  private static Table withColumns(Table table, List<Column> columns) {
    return new Table(table.name(), table.exportName(), columns, table.compositePrimaryKey(),
        table.indexes(), table.foreignKeys());
  }
}
