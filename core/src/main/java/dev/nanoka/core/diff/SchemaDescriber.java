package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.schema.UpdateTrigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Says in words how one schema differs from another, for drift reports: "table audit exists only
 * in the database", "column users.age: integer in the migrations, text in the database".
 */
public final class SchemaDescriber {

  private SchemaDescriber() {}

  /**
   * One line per difference of {@code actual} from {@code expected}.
   *
   * @param expectedName what {@code expected} is, e.g. "the migrations"
   * @param actualName what {@code actual} is, e.g. "the database"
   */
  public static List<String> describe(SchemaDiff diff, String expectedName, String actualName) {
    List<String> lines = new ArrayList<>();
    // A new or rebuilt table comes with CreateIndex changes for all its indexes: a new table's
    // are part of it, and a rebuilt table's are compared in tableDifferences.
    Set<String> wholeTables = new HashSet<>();
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.CreateTable create) {
        wholeTables.add(create.table().name().toLowerCase(Locale.ROOT));
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        wholeTables.add(rebuild.to().name().toLowerCase(Locale.ROOT));
      }
    }
    // A trigger dropped and created again (its table is rebuilt) is the same on both sides; one
    // of a table that exists on one side only is part of that table.
    Set<UpdateTrigger> dropped = new HashSet<>();
    Set<UpdateTrigger> created = new HashSet<>();
    Set<String> oneSided = new HashSet<>();
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.DropTrigger drop) {
        dropped.add(drop.trigger());
      } else if (change instanceof SchemaChange.CreateTrigger create) {
        created.add(create.trigger());
      } else if (change instanceof SchemaChange.CreateTable create) {
        oneSided.add(create.table().name().toLowerCase(Locale.ROOT));
      } else if (change instanceof SchemaChange.DropTable drop) {
        oneSided.add(drop.table().name().toLowerCase(Locale.ROOT));
      }
    }
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.CreateIndex create
          && wholeTables.contains(create.table().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (change instanceof SchemaChange.CreateTrigger create
          && !dropped.contains(create.trigger())
          && !oneSided.contains(create.trigger().table().toLowerCase(Locale.ROOT))) {
        lines.add("trigger " + create.trigger().name() + " (" + create.trigger().table() + "."
            + create.trigger().column() + " set on update) exists only in " + actualName);
      } else if (change instanceof SchemaChange.DropTrigger drop
          && !created.contains(drop.trigger())
          && !oneSided.contains(drop.trigger().table().toLowerCase(Locale.ROOT))) {
        lines.add("trigger " + drop.trigger().name() + " (" + drop.trigger().table() + "."
            + drop.trigger().column() + " set on update) is missing from " + actualName);
      }
      if (change instanceof SchemaChange.CreateTable create) {
        lines.add("table " + create.table().name() + " exists only in " + actualName);
      } else if (change instanceof SchemaChange.DropTable drop) {
        lines.add("table " + drop.table().name() + " is missing from " + actualName);
      } else if (change instanceof SchemaChange.AddColumn add) {
        lines.add("column " + add.table() + "." + add.column().name() + " exists only in "
            + actualName);
      } else if (change instanceof SchemaChange.DropColumn drop) {
        lines.add("column " + drop.table() + "." + drop.column().name() + " is missing from "
            + actualName);
      } else if (change instanceof SchemaChange.CreateIndex create) {
        lines.add("index " + create.index().name() + " on " + create.table() + " exists only in "
            + actualName);
      } else if (change instanceof SchemaChange.DropIndex drop) {
        lines.add("index " + drop.index().name() + " on " + drop.table() + " is missing from "
            + actualName);
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        lines.addAll(tableDifferences(rebuild, expectedName, actualName));
      } else if (change instanceof SchemaChange.RenameTable rename) {
        lines.add("table " + rename.from() + " is named " + rename.to() + " in " + actualName);
      } else if (change instanceof SchemaChange.RenameColumn rename) {
        lines.add("column " + rename.table() + "." + rename.from() + " is named " + rename.to()
            + " in " + actualName);
      }
    }
    return lines;
  }

  private static List<String> tableDifferences(
      SchemaChange.RebuildTable rebuild, String expectedName, String actualName) {
    List<String> lines = new ArrayList<>();
    Table before = rebuild.from();
    Table after = rebuild.to();
    String table = after.name();
    for (Column column : after.columns()) {
      if (before.column(column.name()).isEmpty()) {
        lines.add("column " + table + "." + column.name() + " exists only in " + actualName);
      }
    }
    for (Column column : before.columns()) {
      if (after.column(column.name()).isEmpty()) {
        lines.add("column " + table + "." + column.name() + " is missing from " + actualName);
      }
    }
    for (Map.Entry<String, String> pair : rebuild.copied().entrySet()) {
      Column expected = before.column(pair.getValue()).orElseThrow();
      Column actual = after.column(pair.getKey()).orElseThrow();
      if (!SchemaDiffer.sameDefinition(expected, actual)) {
        lines.add("column " + table + "." + actual.name() + ": " + SqlText.definition(expected)
            + " in " + expectedName + ", " + SqlText.definition(actual) + " in " + actualName);
      }
    }
    List<TableIndex> expectedIndexes = EffectiveIndexes.effective(before);
    List<TableIndex> actualIndexes = EffectiveIndexes.effective(after);
    for (TableIndex index : actualIndexes) {
      if (!EffectiveIndexes.containsSame(expectedIndexes, index)) {
        lines.add("index " + index.name() + " on " + table + " exists only in " + actualName);
      }
    }
    for (TableIndex index : expectedIndexes) {
      if (!EffectiveIndexes.containsSame(actualIndexes, index)) {
        lines.add("index " + index.name() + " on " + table + " is missing from " + actualName);
      }
    }
    if (!Keys.samePrimaryKey(before, after)) {
      lines.add("table " + table + ": primary key (" + String.join(", ", before.primaryKey())
          + ") in " + expectedName + ", (" + String.join(", ", after.primaryKey()) + ") in "
          + actualName);
    }
    if (!Keys.sameForeignKeys(before, after)) {
      lines.add("table " + table + ": foreign keys differ (" + SqlText.foreignKeys(before)
          + " in " + expectedName + "; " + SqlText.foreignKeys(after) + " in " + actualName + ")");
    }
    return lines;
  }
}
