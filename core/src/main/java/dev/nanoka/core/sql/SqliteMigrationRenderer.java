package dev.nanoka.core.sql;

import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.diff.SchemaChange.AddColumn;
import dev.nanoka.core.diff.SchemaChange.CreateIndex;
import dev.nanoka.core.diff.SchemaChange.CreateTable;
import dev.nanoka.core.diff.SchemaChange.CreateTrigger;
import dev.nanoka.core.diff.SchemaChange.DropColumn;
import dev.nanoka.core.diff.SchemaChange.DropIndex;
import dev.nanoka.core.diff.SchemaChange.DropTable;
import dev.nanoka.core.diff.SchemaChange.DropTrigger;
import dev.nanoka.core.diff.SchemaChange.RebuildTable;
import dev.nanoka.core.diff.SchemaChange.RenameColumn;
import dev.nanoka.core.diff.SchemaChange.RenameTable;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.UpdateTrigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a diff into the ordered statements of one SQLite/D1 migration.
 *
 * <p>Order: drop update triggers that go or change, drop changed indexes, renames, new tables
 * (parents first), added and dropped columns, dropped tables that nothing staying references
 * (children first), rebuilds (parents first, see {@link TableRebuild} for how they keep every
 * row on D1), the other dropped tables, new indexes, new and re-created update triggers
 * (including those of tables whose rows a rebuild set aside and put back: they are dropped just
 * before it).
 */
public final class SqliteMigrationRenderer {

  private final Map<String, Table> current = new LinkedHashMap<>();
  private final Set<String> createdNow = new HashSet<>();
  private final List<MigrationStatement> out = new ArrayList<>();
  private final List<RebuildOutline> outlines = new ArrayList<>();
  /** Update triggers in the database at this point of the migration, in schema order. */
  private final Set<UpdateTrigger> liveTriggers = new LinkedHashSet<>();
  /** Triggers dropped for a rebuild's restored rows, created again at the end. */
  private final List<UpdateTrigger> setAsideTriggers = new ArrayList<>();

  private SqliteMigrationRenderer(DatabaseSchema renamed) {
    renamed.tables().forEach(t -> current.put(TableOrder.key(t.name()), t));
  }

  /** The statements that apply the diff to a database holding the diff's old schema. */
  public static List<MigrationStatement> render(SchemaDiff diff) {
    SqliteMigrationRenderer renderer = new SqliteMigrationRenderer(diff.renamed());
    renderer.renderAll(diff.changes());
    return List.copyOf(renderer.out);
  }

  /**
   * What each rebuild of the migration {@link #render} writes touches, in the order they run:
   * the rebuilt table, the tables whose rows it sets aside and puts back, those whose rows move
   * in one statement. The statements themselves say the same in their comments.
   */
  public static List<RebuildOutline> rebuilds(SchemaDiff diff) {
    SqliteMigrationRenderer renderer = new SqliteMigrationRenderer(diff.renamed());
    renderer.renderAll(diff.changes());
    return List.copyOf(renderer.outlines);
  }

  private void renderAll(List<SchemaChange> changes) {
    for (SchemaChange change : changes) {
      if (change instanceof DropTrigger drop) {
        out.add(MigrationStatement.of(SqliteDdl.dropTrigger(drop.trigger())));
      }
    }
    // The update triggers still in the database once those are gone: every one of the renamed
    // schema that the diff neither drops nor creates anew, on a table whose name and columns'
    // names stay (the renamed schema gives the others their new names, which no trigger has yet).
    Set<UpdateTrigger> changedTriggers = new HashSet<>();
    Set<String> renamedTables = new HashSet<>();
    for (SchemaChange change : changes) {
      if (change instanceof CreateTrigger create) {
        changedTriggers.add(create.trigger());
      } else if (change instanceof DropTrigger drop) {
        changedTriggers.add(drop.trigger());
      } else if (change instanceof RenameTable rename) {
        renamedTables.add(TableOrder.key(rename.to()));
      } else if (change instanceof RenameColumn rename) {
        renamedTables.add(TableOrder.key(rename.table()));
      }
    }
    current.values().stream().filter(t -> !renamedTables.contains(TableOrder.key(t.name())))
        .forEach(t -> UpdateTrigger.of(t).stream()
            .filter(u -> !changedTriggers.contains(u)).forEach(liveTriggers::add));
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
    changes.stream()
        .filter(c -> c instanceof RebuildTable)
        .forEach(
            c -> rebuilds.put(TableOrder.key(((RebuildTable) c).to().name()), (RebuildTable) c));
    for (Table table :
        TableOrder.parentsFirst(rebuilds.values().stream().map(RebuildTable::to).toList())) {
      rebuild(rebuilds.get(TableOrder.key(table.name())));
    }
    dropTables(droppedLater);
    for (SchemaChange change : changes) {
      if (change instanceof CreateIndex create) {
        out.add(new MigrationStatement(SqliteDdl.createIndex(create.table(), create.index()),
            lossComments(create)));
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof CreateTrigger create) {
        out.add(MigrationStatement.of(SqliteDdl.createTrigger(create.trigger())));
      }
    }
    setAsideTriggers.forEach(t -> out.add(MigrationStatement.of(SqliteDdl.createTrigger(t))));
  }

  /**
   * Drops the update triggers of tables whose rows a rebuild sets aside and puts back: restoring
   * their references is an UPDATE, which would stamp every such row with the migration's time
   * (and a trigger that fired on a column a reference checks could break it). They come back
   * with the other triggers at the end.
   */
  private void setAsideTriggers(List<Table> tables) {
    Set<String> keys = new HashSet<>();
    tables.forEach(t -> keys.add(TableOrder.key(t.name())));
    for (UpdateTrigger trigger : List.copyOf(liveTriggers)) {
      if (keys.contains(TableOrder.key(trigger.table()))) {
        out.add(MigrationStatement.of(SqliteDdl.dropTrigger(trigger)));
        liveTriggers.remove(trigger);
        setAsideTriggers.add(trigger);
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
      List<String> release =
          TableRebuild.releaseSelfReferences(table, Optional.of(RowBatches.FOREIGN_KEYS));
      List<String> comments = lossComments(new DropTable(table));
      if (release.isEmpty()) {
        out.add(new MigrationStatement(SqliteDdl.dropTable(table.name()), comments));
      } else {
        out.add(new MigrationStatement(release.get(0), comments));
        release.subList(1, release.size()).forEach(r -> out.add(MigrationStatement.of(r)));
        out.add(MigrationStatement.of(SqliteDdl.dropTable(table.name())));
      }
      current.remove(TableOrder.key(table.name()));
    }
  }

  private void rebuild(RebuildTable rebuild) {
    String name = rebuild.to().name();
    List<Table> dependents = dependents(name);
    boolean referenced = current.values().stream().anyMatch(t -> t.foreignKeys().stream()
        .anyMatch(fk -> fk.referencedTable().equalsIgnoreCase(name)));
    List<String> comments = new ArrayList<>(lossComments(rebuild));
    setAsideTriggers(dependents);
    out.addAll(TableRebuild.statements(rebuild, table(name), dependents, referenced, comments));
    outlines.add(TableRebuild.outline(rebuild, table(name), dependents, referenced));
    put(rebuild.to());
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

  private static List<String> lossComments(SchemaChange change) {
    return change.dataLoss().stream().map(l -> "Data loss: " + l.describe()).toList();
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
