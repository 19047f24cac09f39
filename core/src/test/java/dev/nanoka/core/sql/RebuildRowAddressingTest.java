package dev.nanoka.core.sql;

import static dev.nanoka.core.schema.ForeignKey.Action.CASCADE;
import static dev.nanoka.core.testing.Schemas.edit;
import static dev.nanoka.core.testing.Schemas.integer;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.core.testing.Schemas.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.testing.MigrationCheck;
import dev.nanoka.core.testing.MigrationCheck.Evolution;
import dev.nanoka.core.testing.TableBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a rebuild finds its place among a table's rows when it moves them in batches: by the row
 * id, under whichever of its names ({@code rowid}, {@code _rowid_}, {@code oid}) no column
 * hides; by an INTEGER PRIMARY KEY both tables share; in one statement when neither works. Each
 * case with enough rows that every batch moves some, checked in all three modes
 * ({@link MigrationCheck}).
 */
class RebuildRowAddressingTest {

  private static final String FORTY = "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1"
      + " FROM s WHERE x < 40) SELECT x FROM s";

  @Test
  void columnsNamedLikeTheRowid() {
    // docs hides "rowid" (its copy goes by _rowid_); notes hides all three names, so its rows
    // are set aside whatever the foreign keys; tags hides "rowid" and "oid".
    DatabaseSchema from = schema(
        table("docs")
            .col(text("slug").pk().notNull())
            .col(integer("rowid"))
            .col(text("title"))
            .build(),
        table("notes")
            .col(integer("rowid"))
            .col(integer("_rowid_"))
            .col(integer("oid"))
            .col(text("docSlug").notNull())
            .references("docSlug", "docs", "slug", CASCADE)
            .build(),
        table("tags")
            .col(integer("rowid"))
            .col(integer("oid"))
            .col(text("docSlug").notNull())
            .references("docSlug", "docs", "slug", CASCADE)
            .build());
    DatabaseSchema to = edit(from, "docs",
        t -> TableBuilder.of(t).replace("title", c -> c.notNull().defaultText("?")).build());
    MigrationCheck check = check("row id names taken by columns", from, to, List.of(
        "INSERT INTO docs SELECT 'd' || x, 100 - x, CASE WHEN x % 3 = 0 THEN NULL ELSE 't' END"
            + " FROM (" + FORTY + ")",
        "INSERT INTO notes SELECT x, -x, x * 2, 'd' || (x % 7 + 1) FROM (" + FORTY + ")",
        "INSERT INTO tags SELECT NULL, x, 'd' || (41 - x) FROM (" + FORTY + ")"));
    String file = check.file();
    assertTrue(file.contains("INSERT INTO `__new_docs`(_rowid_, "), file);
    assertTrue(file.contains("CREATE TABLE `__nanoka_keep_notes` AS SELECT `rowid`, `_rowid_`,"
        + " `oid`, `docSlug` FROM `notes`;"), file);
    assertTrue(file.contains("CREATE TABLE `__nanoka_keep_tags` AS SELECT _rowid_ AS"), file);
  }

  @Test
  void keyColumnWhoseNameClashesWithTheKeepTablesRowidColumn() {
    DatabaseSchema from = schema(
        table("owners").col(integer("id").pk().notNull()).col(text("name")).build(),
        table("pets")
            .col(integer("__nanoka_rowid").pk().notNull())
            .col(integer("ownerId").notNull())
            .references("ownerId", "owners", "id", CASCADE)
            .build());
    DatabaseSchema to = edit(from, "owners",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull().defaultText("-")).build());
    MigrationCheck check = check("a column named like the keep table's", from, to, List.of(
        "INSERT INTO owners SELECT x, 'o' FROM (" + FORTY + ")",
        "INSERT INTO pets SELECT x * 3, x % 5 + 1 FROM (" + FORTY + ")"));
    assertTrue(check.file().contains("rowid AS `__nanoka_rowid_`"), check.file());
  }

  @Test
  void integerKeyTakenFromAnotherColumnIsCopiedInOneStatement() {
    // num becomes the INTEGER PRIMARY KEY: the new row ids are not the old ones.
    DatabaseSchema from = schema(table("items")
        .col(text("code").pk().notNull())
        .col(integer("num").notNull())
        .build());
    DatabaseSchema to = schema(table("items")
        .col(text("code").notNull())
        .col(integer("num").pk().notNull())
        .build());
    MigrationCheck check = check("primary key moves to an integer column", from, to, List.of(
        "INSERT INTO items SELECT 'c' || x, 1000 - x * 7 FROM (" + FORTY + ")"));
    assertFalse(check.file().contains("LIMIT"), check.file());
  }

  @Test
  void integerKeyKeptUnderANewTypeIsCopiedByRowid() {
    // id stops being an INTEGER PRIMARY KEY (text now): the copy sets the row ids explicitly.
    DatabaseSchema from = schema(table("items")
        .col(integer("id").pk().notNull())
        .col(text("label"))
        .build());
    DatabaseSchema to = schema(table("items")
        .col(text("id").pk().notNull())
        .col(text("label"))
        .build());
    MigrationCheck check = check("integer key becomes text", from, to, List.of(
        "INSERT INTO items SELECT x * 11, 'l' FROM (" + FORTY + ")"));
    assertTrue(check.file().contains("INSERT INTO `__new_items`(rowid, "), check.file());
  }

  private static MigrationCheck check(
      String label, DatabaseSchema from, DatabaseSchema to, List<String> inserts) {
    return MigrationCheck.assertRowPreserving(
        new Evolution(label, from, to, RenameHints.NONE, inserts));
  }
}
