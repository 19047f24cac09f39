package dev.nanoka.core.sql;

import static dev.nanoka.core.schema.ForeignKey.Action.RESTRICT;
import static dev.nanoka.core.testing.Schemas.edit;
import static dev.nanoka.core.testing.Schemas.integer;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.core.testing.Schemas.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.testing.TableBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SqliteMigrationRenderer#rebuilds} says what the rendered rebuilds touch. */
class RebuildOutlineTest {

  @Test
  void aParentsRebuildNamesTheTablesWhoseRowsItSetsAside() {
    DatabaseSchema blog = MigrationScenariosTest.blog();
    SchemaDiff diff = SchemaDiffer.diff(blog, edit(blog, "users",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull().defaultText("?")).build()),
        RenameHints.NONE);

    List<RebuildOutline> outlines = SqliteMigrationRenderer.rebuilds(diff);
    assertEquals(1, outlines.size());
    RebuildOutline users = outlines.get(0);
    assertEquals("users", users.table());
    assertTrue(users.dependents().containsAll(List.of("posts", "comments")), users.toString());
    assertEquals(List.of(), users.movedWhole());
    // The same names as the comment the rendered rebuild carries.
    String sql = StatementBreakpoints.join(SqliteMigrationRenderer.render(diff));
    assertTrue(sql.contains("the rows of " + String.join(", ", users.dependents())
        + ", which reference users"), sql);
  }

  @Test
  void aTableThatReferencesItselfMovesInOneStatement() {
    DatabaseSchema tree = schema(table("categories")
        .col(integer("id").pk().notNull())
        .col(integer("parentId"))
        .col(text("name").notNull())
        .references("parentId", "categories", "id", RESTRICT)
        .build());
    SchemaDiff diff = SchemaDiffer.diff(tree, edit(tree, "categories",
        t -> TableBuilder.of(t).replace("name", c -> c.type(new LogicalType.Blob())).build()),
        RenameHints.NONE);

    assertEquals(List.of(new RebuildOutline("categories", List.of(), List.of("categories"))),
        SqliteMigrationRenderer.rebuilds(diff));
  }

  @Test
  void noRebuildNoOutline() {
    DatabaseSchema blog = MigrationScenariosTest.blog();
    assertEquals(List.of(), SqliteMigrationRenderer.rebuilds(
        SchemaDiffer.diff(blog, blog, RenameHints.NONE)));
  }
}
