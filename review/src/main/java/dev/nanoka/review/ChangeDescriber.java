package dev.nanoka.review;

import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.EffectiveIndexes;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.sql.RebuildOutline;
import dev.nanoka.core.sql.SqliteDdl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the differ's changes into words. Only wording: what changed comes from
 * {@code SchemaDiffer} over the two snapshots around the migration, and which tables a rebuild
 * moves from the renderer ({@link RebuildOutline}).
 */
final class ChangeDescriber {

  private ChangeDescriber() {}

  static List<ReviewedChange> describe(SchemaDiff diff, List<RebuildOutline> rebuilds) {
    Set<String> wholeTables = new HashSet<>(); // their indexes are told with them
    Map<String, RebuildOutline> outlines = new LinkedHashMap<>();
    rebuilds.forEach(o -> outlines.put(key(o.table()), o));
    Map<String, SchemaChange.RebuildTable> rebuilt = new LinkedHashMap<>();
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.CreateTable create) {
        wholeTables.add(key(create.table().name()));
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        wholeTables.add(key(rebuild.to().name()));
        rebuilt.put(key(rebuild.to().name()), rebuild);
      }
    }
    List<ReviewedChange> out = new ArrayList<>();
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.RenameTable rename) {
        out.add(new ReviewedChange("rename-table", rename.to(), "Renames table " + q(rename.from())
            + " to " + q(rename.to()) + " (declared)", List.of()));
      } else if (change instanceof SchemaChange.RenameColumn rename) {
        out.add(new ReviewedChange("rename-column", rename.table(), "Renames column "
            + q(rename.table()) + "." + q(rename.from()) + " to " + q(rename.to())
            + " (declared)", List.of()));
      } else if (change instanceof SchemaChange.CreateTable create) {
        out.add(createTable(create.table()));
      } else if (change instanceof SchemaChange.DropTable drop) {
        out.add(new ReviewedChange("drop-table", drop.table().name(), "Drops table "
            + q(drop.table().name()) + " (" + count(drop.table().columns().size(), "column")
            + ")", List.of()));
      } else if (change instanceof SchemaChange.AddColumn add) {
        out.add(new ReviewedChange("add-column", add.table(), "Adds column " + q(add.table())
            + "." + SqliteDdl.columnDefinition(add.column()), List.of()));
      } else if (change instanceof SchemaChange.DropColumn drop) {
        out.add(new ReviewedChange("drop-column", drop.table(), "Drops column "
            + q(drop.table()) + "." + q(drop.column().name()), List.of()));
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        out.add(rebuild(rebuild, Optional.ofNullable(outlines.get(key(rebuild.to().name())))));
      } else if (change instanceof SchemaChange.CreateIndex create
          && !wholeTables.contains(key(create.table()))) {
        out.add(new ReviewedChange("create-index", create.table(), "Adds " + index(create.index())
            + " on " + q(create.table()) + columns(create.index().columns()), List.of()));
      } else if (change instanceof SchemaChange.DropIndex drop) {
        out.add(new ReviewedChange("drop-index", drop.table(), "Drops " + index(drop.index())
            + " on " + q(drop.table()), List.of()));
      }
    }
    // Update triggers: told when one comes or goes, not when a rename or rebuild re-creates it
    // (the same column keeps the same option, so nothing changes for a reviewer).
    Set<String> droppedTriggers = new HashSet<>();
    Set<String> createdTriggers = new HashSet<>();
    Set<String> droppedTables = new HashSet<>(); // their triggers go with them
    Set<String> createdColumns = new HashSet<>(); // created triggers' columns
    Map<String, String> tableRenames = new HashMap<>(); // old → new, by key
    Map<String, String> columnRenames = new HashMap<>(); // new table + old column → new column
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.RenameTable rename) {
        tableRenames.put(key(rename.from()), rename.to());
      } else if (change instanceof SchemaChange.RenameColumn rename) {
        columnRenames.put(key(rename.table()) + "\n" + key(rename.from()), rename.to());
      }
    }
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.DropTrigger drop) {
        droppedTriggers.add(key(drop.trigger().name()));
      } else if (change instanceof SchemaChange.CreateTrigger create) {
        createdTriggers.add(key(create.trigger().name()));
        createdColumns.add(key(create.trigger().table()) + "\n" + key(create.trigger().column()));
      } else if (change instanceof SchemaChange.DropTable drop) {
        droppedTables.add(key(drop.table().name()));
      }
    }
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.CreateTrigger create
          && !droppedTriggers.contains(key(create.trigger().name()))
          && !diff.renamed().table(create.trigger().table()).flatMap(
              t -> t.column(create.trigger().column())).flatMap(c -> c.onRowUpdate()).isPresent()) {
        out.add(new ReviewedChange("create-trigger", create.trigger().table(), "Sets "
            + q(create.trigger().table()) + "." + q(create.trigger().column()) + " to "
            + create.trigger().value().sql() + " on every update that leaves it alone (trigger "
            + q(create.trigger().name()) + ")", List.of()));
      } else if (change instanceof SchemaChange.DropTrigger drop
          && !createdTriggers.contains(key(drop.trigger().name()))
          && !createdColumns.contains(columnAfterRenames(drop, tableRenames, columnRenames))
          && !droppedTables.contains(key(drop.trigger().table()))
          && diff.renamed().table(drop.trigger().table()).isPresent()) {
        out.add(new ReviewedChange("drop-trigger", drop.trigger().table(), "No longer sets "
            + q(drop.trigger().table()) + "." + q(drop.trigger().column())
            + " on update (drops trigger " + q(drop.trigger().name()) + ")", List.of()));
      }
    }
    return out;
  }

  /** Where a dropped trigger's column is after the migration's renames, as a key. */
  private static String columnAfterRenames(SchemaChange.DropTrigger drop,
      Map<String, String> tableRenames, Map<String, String> columnRenames) {
    String table = tableRenames.getOrDefault(key(drop.trigger().table()), drop.trigger().table());
    String column = columnRenames.getOrDefault(key(table) + "\n" + key(drop.trigger().column()),
        drop.trigger().column());
    return key(table) + "\n" + key(column);
  }

  private static ReviewedChange createTable(Table table) {
    List<String> details = new ArrayList<>();
    table.columns().forEach(c -> details.add(SqliteDdl.columnDefinition(c)));
    if (!table.compositePrimaryKey().isEmpty()) {
      details.add("PRIMARY KEY" + columns(table.compositePrimaryKey()));
    }
    table.foreignKeys().forEach(fk -> details.add(foreignKey(fk)));
    EffectiveIndexes.effective(table).forEach(i -> details.add(index(i) + columns(i.columns())));
    return new ReviewedChange("create-table", table.name(), "Creates table " + q(table.name())
        + " (" + count(table.columns().size(), "column") + ")", details);
  }

  private static ReviewedChange rebuild(
      SchemaChange.RebuildTable rebuild, Optional<RebuildOutline> outline) {
    Table from = rebuild.from();
    Table to = rebuild.to();
    List<String> details = new ArrayList<>();
    Set<String> copiedFrom = new HashSet<>();
    for (Column column : to.columns()) {
      String source = rebuild.copied().get(column.name());
      Optional<Column> old = source == null ? Optional.empty() : from.column(source);
      if (old.isEmpty()) {
        details.add("adds " + SqliteDdl.columnDefinition(column)
            + (from.column(column.name()).isPresent() ? " (not copied)" : ""));
        continue;
      }
      copiedFrom.add(key(old.get().name()));
      columnChange(old.get(), column).ifPresent(details::add);
    }
    for (Column column : from.columns()) {
      if (!copiedFrom.contains(key(column.name()))) {
        details.add("drops " + q(column.name()));
      }
    }
    if (!lower(from.compositePrimaryKey()).equals(lower(to.compositePrimaryKey()))) {
      details.add("primary key " + key(from.compositePrimaryKey(), from) + " → "
          + key(to.compositePrimaryKey(), to));
    }
    Set<String> oldKeys = new HashSet<>();
    from.foreignKeys().forEach(fk -> oldKeys.add(foreignKey(fk).toLowerCase(Locale.ROOT)));
    Set<String> newKeys = new HashSet<>();
    to.foreignKeys().forEach(fk -> newKeys.add(foreignKey(fk).toLowerCase(Locale.ROOT)));
    for (ForeignKey fk : from.foreignKeys()) {
      if (!newKeys.contains(foreignKey(fk).toLowerCase(Locale.ROOT))) {
        details.add("drops " + foreignKey(fk));
      }
    }
    for (ForeignKey fk : to.foreignKeys()) {
      if (!oldKeys.contains(foreignKey(fk).toLowerCase(Locale.ROOT))) {
        details.add("adds " + foreignKey(fk));
      }
    }
    List<TableIndex> oldIndexes = EffectiveIndexes.effective(from);
    List<TableIndex> newIndexes = EffectiveIndexes.effective(to);
    for (TableIndex index : oldIndexes) {
      if (newIndexes.stream().noneMatch(i -> same(i, index))) {
        details.add("drops " + index(index));
      }
    }
    for (TableIndex index : newIndexes) {
      if (oldIndexes.stream().noneMatch(i -> same(i, index))) {
        details.add("adds " + index(index) + columns(index.columns()));
      }
    }
    String name = to.name();
    if (outline.isPresent() && !outline.get().dependents().isEmpty()) {
      details.add("where foreign keys are enforced (always on D1), sets aside and puts back the"
          + " rows of " + names(outline.get().dependents()) + ", which reference " + q(name));
    }
    if (rebuild.copied().isEmpty()) {
      details.add("copies no rows: no column of the old table is kept");
    } else if (outline.isPresent() && !outline.get().movedWhole().isEmpty()) {
      details.add("moves the rows of " + names(outline.get().movedWhole())
          + " in one statement each (the others in bounded batches)");
    } else {
      details.add("copies every row, in bounded batches where foreign keys are enforced");
    }
    return new ReviewedChange("rebuild-table", name, "Rebuilds table " + q(name)
        + " (SQLite cannot ALTER this)", details);
  }

  /** What changed in a copied column, if anything. */
  private static Optional<String> columnChange(Column old, Column now) {
    List<String> parts = new ArrayList<>();
    if (old.type().sqlType() != now.type().sqlType()) {
      parts.add("type " + now.type().sqlType().sql() + " (was " + old.type().sqlType().sql()
          + ")");
    }
    if (old.notNull() != now.notNull()) {
      parts.add(now.notNull() ? "NOT NULL (was nullable)" : "nullable (was NOT NULL)");
    }
    Optional<String> oldDefault = old.defaultValue().flatMap(d -> d.sql());
    Optional<String> newDefault = now.defaultValue().flatMap(d -> d.sql());
    if (!oldDefault.equals(newDefault)) {
      parts.add(newDefault.map(d -> "default " + d).orElse("no default")
          + oldDefault.map(d -> " (was " + d + ")").orElse(" (was none)"));
    }
    if (old.primaryKey() != now.primaryKey()) {
      parts.add(now.primaryKey() ? "becomes the PRIMARY KEY" : "is no longer the PRIMARY KEY");
    }
    if (old.autoIncrement() != now.autoIncrement()) {
      parts.add(now.autoIncrement() ? "AUTOINCREMENT" : "no longer AUTOINCREMENT");
    }
    return parts.isEmpty() ? Optional.empty()
        : Optional.of(q(now.name()) + ": " + String.join(", ", parts));
  }

  private static String foreignKey(ForeignKey fk) {
    return "foreign key" + columns(fk.columns()) + " → " + q(fk.referencedTable())
        + columns(fk.referencedColumns()) + " ON DELETE " + fk.onDelete().sql()
        + (fk.onUpdate() == ForeignKey.Action.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql());
  }

  private static String index(TableIndex index) {
    return (index.unique() ? "unique index " : "index ") + q(index.name());
  }

  private static boolean same(TableIndex a, TableIndex b) {
    return a.name().equalsIgnoreCase(b.name()) && a.unique() == b.unique()
        && lower(a.columns()).equals(lower(b.columns()));
  }

  private static String key(List<String> composite, Table table) {
    if (!composite.isEmpty()) {
      return columns(composite).strip();
    }
    List<String> single = table.columns().stream().filter(Column::primaryKey)
        .map(Column::name).toList();
    return single.isEmpty() ? "(none)" : columns(single).strip();
  }

  private static String columns(List<String> names) {
    return " (" + String.join(", ", names.stream().map(ChangeDescriber::q).toList()) + ")";
  }

  private static String names(List<String> names) {
    return String.join(", ", names.stream().map(ChangeDescriber::q).toList());
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(ChangeDescriber::key).toList();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A name in backticks, as Markdown shows code and SQLite quotes names. */
  static String q(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
