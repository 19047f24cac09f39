package dev.nanoka.core.sql.postgres;

import static dev.nanoka.core.sql.postgres.PostgresDdl.typeSql;

import dev.nanoka.core.diff.EffectiveIndexes;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.diff.SchemaChange.AddColumn;
import dev.nanoka.core.diff.SchemaChange.CreateIndex;
import dev.nanoka.core.diff.SchemaChange.CreateTable;
import dev.nanoka.core.diff.SchemaChange.DropColumn;
import dev.nanoka.core.diff.SchemaChange.DropIndex;
import dev.nanoka.core.diff.SchemaChange.DropTable;
import dev.nanoka.core.diff.SchemaChange.RebuildTable;
import dev.nanoka.core.diff.SchemaChange.RenameColumn;
import dev.nanoka.core.diff.SchemaChange.RenameTable;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.sql.MigrationStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a diff into the ordered statements of one PostgreSQL migration.
 *
 * <p>The differ is the SQLite one: what SQLite must rebuild a table for comes as a
 * {@link RebuildTable}. PostgreSQL can alter all of it in place, so a rebuild is taken apart
 * here into the ALTERs it stands for (type with {@code USING}, nullability, default, primary
 * key, foreign keys), keeping the table, its rows and its indexes where they are. Data loss is
 * the differ's, written above the first statement of the change as in SQLite migrations.
 *
 * <p>Order, as drizzle-kit orders a PostgreSQL migration where it has an order: new enum types
 * and values, dropped foreign keys and indexes, renames, enum types rebuilt for removed values,
 * new tables (foreign keys later, so cycles need no care), column changes, dropped tables,
 * unused enum types, new foreign keys, new indexes and unique constraints.
 */
public final class PostgresMigrationRenderer {

  private final SchemaDiff diff;
  private final DatabaseSchema to;
  private final List<MigrationStatement> out = new ArrayList<>();

  private PostgresMigrationRenderer(SchemaDiff diff, DatabaseSchema to) {
    this.diff = diff;
    this.to = to;
  }

  /** The statements that turn a database holding the diff's old schema into {@code to}. */
  public static List<MigrationStatement> render(SchemaDiff diff, DatabaseSchema to) {
    PostgresMigrationRenderer renderer = new PostgresMigrationRenderer(diff, to);
    renderer.renderAll();
    return List.copyOf(renderer.out);
  }

  private void renderAll() {
    List<SchemaChange> changes = diff.changes();
    EnumTypes oldEnums = EnumTypes.of(diff.renamed());
    EnumTypes newEnums = EnumTypes.of(to);
    List<String> rebuiltEnums = new ArrayList<>();
    for (var entry : newEnums.values().entrySet()) {
      Optional<List<String>> old = oldEnums.get(entry.getKey());
      if (old.isEmpty()) {
        add(PostgresDdl.createEnum(entry.getKey(), entry.getValue()));
      } else if (EnumTypes.onlyAdds(old.get(), entry.getValue())
          && !EnumStatements.defaultsToAdded(to, entry.getKey(), old.get())) {
        out.addAll(EnumStatements.addValues(entry.getKey(), old.get(), entry.getValue()));
      } else {
        rebuiltEnums.add(entry.getKey());
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof RebuildTable rebuild) {
        for (ForeignKey key : rebuild.from().foreignKeys()) {
          if (!containsKey(rebuild.to().foreignKeys(), key)) {
            add(PostgresDdl.dropConstraint(rebuild.from().name(), key.name()));
          }
        }
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof RenameTable rename) {
        add(PostgresDdl.renameTable(rename.from(), rename.to()));
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof RenameColumn rename) {
        add(PostgresDdl.renameColumn(rename.table(), rename.from(), rename.to()));
      }
    }
    renameConstraints();
    // after the renames: a unique constraint is dropped through its table, by the table's name now
    for (SchemaChange change : changes) {
      if (change instanceof DropIndex drop) {
        Table table = diff.renamed().table(drop.table()).orElseThrow();
        dropIndex(table, drop.index());
      } else if (change instanceof RebuildTable rebuild) {
        List<TableIndex> kept = EffectiveIndexes.effective(rebuild.to());
        for (TableIndex index : EffectiveIndexes.effective(rebuild.from())) {
          if (!containsIndex(kept, index)) {
            dropIndex(rebuild.from(), index);
          }
        }
      }
    }
    for (String name : rebuiltEnums) {
      out.addAll(EnumStatements.rebuild(name, oldEnums.get(name).orElseThrow(),
          newEnums.get(name).orElseThrow(), diff.renamed(), to));
    }
    for (SchemaChange change : changes) {
      if (change instanceof CreateTable create) {
        add(PostgresDdl.createTable(create.table()));
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof AddColumn add) {
        Table table = diff.renamed().table(add.table()).orElseThrow();
        add(PostgresDdl.addColumn(table, add.column()), add);
      } else if (change instanceof DropColumn drop) {
        add(PostgresDdl.dropColumn(drop.table(), drop.column().name()), drop);
      } else if (change instanceof RebuildTable rebuild) {
        alterInPlace(rebuild);
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof DropTable drop) {
        add(PostgresDdl.dropTable(drop.table().name()), drop);
      }
    }
    for (String name : oldEnums.values().keySet()) {
      if (newEnums.get(name).isEmpty()) {
        add(PostgresDdl.dropEnum(name));
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof CreateTable create) {
        create.table().foreignKeys()
            .forEach(k -> add(PostgresDdl.addForeignKey(create.table().name(), k)));
      } else if (change instanceof RebuildTable rebuild) {
        for (ForeignKey key : rebuild.to().foreignKeys()) {
          if (!containsKey(rebuild.from().foreignKeys(), key)) {
            add(PostgresDdl.addForeignKey(rebuild.to().name(), key));
          }
        }
      }
    }
    for (SchemaChange change : changes) {
      if (change instanceof CreateIndex create) {
        createIndex(create);
      }
    }
  }

  /** A rebuild said as ALTERs of the table in place. */
  private void alterInPlace(RebuildTable rebuild) {
    Table from = rebuild.from();
    Table after = rebuild.to();
    String name = after.name();
    List<String> comments = lossComments(rebuild);
    int first = out.size();
    boolean keyChanged = !samePrimaryKey(from, after);
    if (keyChanged && !from.primaryKey().isEmpty()) {
      add(PostgresDdl.dropConstraint(name, keyNameBefore(from)));
    }
    Set<String> copiedFrom = new HashSet<>(lower(List.copyOf(rebuild.copied().values())));
    for (Column column : from.columns()) {
      if (!copiedFrom.contains(column.name().toLowerCase(Locale.ROOT))) {
        add(PostgresDdl.dropColumn(name, column.name()));
      }
    }
    for (Column column : after.columns()) {
      String source = rebuild.copied().get(column.name());
      if (source == null) {
        Column added = keyChanged ? withoutKey(column) : column;
        add(PostgresDdl.addColumn(after, added));
        continue;
      }
      Column old = from.column(source).orElseThrow();
      boolean typeChanged = !typeSql(old).equals(typeSql(column));
      boolean defaultChanged =
          !PostgresDdl.defaultSql(old).equals(PostgresDdl.defaultSql(column));
      if ((typeChanged || defaultChanged) && PostgresDdl.defaultSql(old).isPresent()) {
        // a default of the old type may not cast to the new one: set it again afterwards
        add(PostgresDdl.alterColumn(name, column.name(), "DROP DEFAULT"));
      }
      if (typeChanged) {
        add(PostgresDdl.setType(name, old, column));
      }
      if (typeChanged || defaultChanged) {
        PostgresDdl.defaultSql(column).ifPresent(
            d -> add(PostgresDdl.alterColumn(name, column.name(), "SET DEFAULT " + d)));
      }
      if (!old.notNull() && column.notNull() && PostgresDdl.defaultSql(column).isPresent()) {
        // the differ's NullsFilled: SQLite's rebuild copies NULLs as the default; SET NOT NULL
        // alone would refuse them instead
        add(PostgresDdl.fillNulls(name, column.name(), PostgresDdl.defaultSql(column).get()));
      }
      if (old.notNull() != column.notNull()) {
        add(PostgresDdl.alterColumn(name, column.name(),
            column.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
      }
    }
    if (keyChanged && !after.primaryKey().isEmpty()) {
      add(PostgresDdl.addPrimaryKey(after));
    }
    if (!comments.isEmpty() && out.size() > first) {
      MigrationStatement head = out.get(first);
      out.set(first, new MigrationStatement(head.sql(), comments));
    }
  }

  /**
   * Keeps constraint names what drizzle-kit derives from the table and column names, which
   * renames change: PostgreSQL keeps the old names, and a later migration drops constraints by
   * the names the snapshot has. Foreign keys kept under a new name, and a primary key kept
   * whole, are renamed; the others are dropped by their real names where they change.
   */
  private void renameConstraints() {
    for (Table before : diff.renamed().tables()) {
      Optional<Table> now = to.table(before.name());
      if (now.isEmpty()) {
        continue;
      }
      for (ForeignKey key : before.foreignKeys()) {
        sameKey(now.get().foreignKeys(), key).filter(k -> !k.name().equals(key.name()))
            .ifPresent(k -> add(PostgresDdl.renameConstraint(before.name(), key.name(),
                k.name())));
      }
      if (!before.primaryKey().isEmpty() && samePrimaryKey(before, now.get())) {
        String real = keyNameBefore(before);
        String wanted = now.get().compositePrimaryKey().isEmpty()
            ? now.get().name() + "_pkey" : PostgresDdl.compositeKeyName(now.get());
        if (!real.equals(wanted)) {
          add(PostgresDdl.renameConstraint(before.name(), real, wanted));
        }
      }
    }
  }

  private static boolean samePrimaryKey(Table a, Table b) {
    return lower(a.primaryKey()).equals(lower(b.primaryKey()))
        && a.compositePrimaryKey().isEmpty() == b.compositePrimaryKey().isEmpty();
  }

  /**
   * The name the table's primary key has in the database before this migration: named after
   * the table and columns as they were before the migration's renames. PostgreSQL names a
   * column's own key {@code <table>_pkey}; drizzle-kit names a composite one.
   */
  private String keyNameBefore(Table renamed) {
    String table = diff.changes().stream()
        .filter(c -> c instanceof RenameTable r && r.to().equalsIgnoreCase(renamed.name()))
        .map(c -> ((RenameTable) c).from()).findFirst().orElse(renamed.name());
    if (renamed.compositePrimaryKey().isEmpty()) {
      return table + "_pkey";
    }
    List<String> columns = renamed.compositePrimaryKey().stream()
        .map(c -> diff.changes().stream()
            .filter(x -> x instanceof RenameColumn r && r.table().equalsIgnoreCase(renamed.name())
                && r.to().equalsIgnoreCase(c))
            .map(x -> ((RenameColumn) x).from()).findFirst().orElse(c))
        .toList();
    return table + "_" + String.join("_", columns) + "_pk";
  }

  private static Column withoutKey(Column c) {
    return new Column(c.name(), c.property(), c.type(), c.notNull(), false, false, c.unique(),
        c.defaultValue());
  }

  private void dropIndex(Table table, TableIndex index) {
    // the constraint keeps the name and column it had before renames, so only its shape can tell
    boolean constraint = index.unique() && index.columns().size() == 1
        && index.name().endsWith("_unique");
    add(constraint
        ? PostgresDdl.dropConstraint(table.name(), index.name())
        : PostgresDdl.dropIndex(index.name()));
  }

  private void createIndex(CreateIndex create) {
    Table table = to.table(create.table()).orElseThrow();
    boolean newTable = diff.changes().stream().anyMatch(c -> c instanceof CreateTable t
        && t.table().name().equalsIgnoreCase(table.name()));
    boolean constraint = PostgresDdl.isUniqueConstraint(table, create.index());
    if (newTable && constraint) {
      return; // written inside CREATE TABLE
    }
    Optional<RebuildTable> rebuild = diff.changes().stream()
        .filter(c -> c instanceof RebuildTable r && r.to().name().equalsIgnoreCase(table.name()))
        .map(c -> (RebuildTable) c).findFirst();
    if (rebuild.isPresent()
        && containsIndex(EffectiveIndexes.effective(rebuild.get().from()), create.index())) {
      return; // the table was altered in place: the index is still there
    }
    String sql = constraint
        ? PostgresDdl.addUnique(table.name(), create.index().name(), create.index().columns())
        : PostgresDdl.createIndex(table.name(), create.index());
    add(sql, create);
  }

  private static boolean containsIndex(List<TableIndex> indexes, TableIndex index) {
    return indexes.stream().anyMatch(i -> i.name().equalsIgnoreCase(index.name())
        && i.unique() == index.unique() && lower(i.columns()).equals(lower(index.columns())));
  }

  /**
   * Foreign keys compared by what they do: one kept under another name was renamed by
   * {@link #renameConstraints}, so only the others are dropped (by their name) or added.
   */
  private static boolean containsKey(List<ForeignKey> keys, ForeignKey key) {
    return sameKey(keys, key).isPresent();
  }

  private static Optional<ForeignKey> sameKey(List<ForeignKey> keys, ForeignKey key) {
    return keys.stream().filter(k -> lower(k.columns()).equals(lower(key.columns()))
        && k.referencedTable().equalsIgnoreCase(key.referencedTable())
        && lower(k.referencedColumns()).equals(lower(key.referencedColumns()))
        && k.onDelete() == key.onDelete() && k.onUpdate() == key.onUpdate()).findFirst();
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }

  private void add(String sql) {
    out.add(MigrationStatement.of(sql));
  }

  private void add(String sql, SchemaChange change) {
    out.add(new MigrationStatement(sql, lossComments(change)));
  }

  private static List<String> lossComments(SchemaChange change) {
    return change.dataLoss().stream().map(l -> "Data loss: " + l.describe())
        .filter(Objects::nonNull).toList();
  }
}
