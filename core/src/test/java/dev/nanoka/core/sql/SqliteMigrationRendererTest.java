package dev.nanoka.core.sql;

import static dev.nanoka.core.schema.ForeignKey.Action.CASCADE;
import static dev.nanoka.core.schema.ForeignKey.Action.RESTRICT;
import static dev.nanoka.core.testing.Schemas.edit;
import static dev.nanoka.core.testing.Schemas.integer;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.core.testing.Schemas.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.testing.Hints;
import dev.nanoka.core.testing.TableBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whole migration files for the cases where our statements differ from drizzle-kit's on
 * purpose (rebuilds that keep rows under enforced foreign keys), compared with golden files in
 * {@code src/test/resources/golden/sql}. {@link MigrationScenariosTest} proves these files keep
 * every row; this test makes any change to their text deliberate. After an intended change,
 * refresh with {@code mvn -pl core test -Dtest=SqliteMigrationRendererTest
 * -Dnanoka.updateGolden=true} and review the diff.
 */
class SqliteMigrationRendererTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden/sql");

  @Test
  void rebuildOfAParentSetsItsChildrenAside() {
    DatabaseSchema to = edit(MigrationScenariosTest.blog(), "users",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull().defaultText("anonymous")).build());
    assertGolden("rebuild-parent.sql", MigrationScenariosTest.blog(), to, RenameHints.NONE);
  }

  @Test
  void rebuildOfASelfReferencingRestrictTable() {
    DatabaseSchema from = schema(table("categories")
        .col(integer("id").pk().notNull())
        .col(integer("parentId"))
        .col(text("name").notNull())
        .references("parentId", "categories", "id", RESTRICT)
        .build());
    DatabaseSchema to = edit(from, "categories",
        t -> TableBuilder.of(t).replace("name", c -> c.type(new LogicalType.Blob())).build());
    assertGolden("rebuild-self-restrict.sql", from, to, RenameHints.NONE);
  }

  @Test
  void renamesThenRebuild() {
    DatabaseSchema from = schema(table("users")
        .col(integer("id").pk().notNull())
        .col(text("name"))
        .col(text("email").unique())
        .build());
    DatabaseSchema to = schema(table("accounts")
        .col(integer("id").pk().notNull())
        .col(text("displayName").notNull().defaultText(""))
        .col(text("email").unique())
        .col(text("role").notNull().defaultText("member"))
        .build());
    RenameHints hints = new RenameHints(Map.of("accounts", "users"),
        Map.of("accounts", Map.of("displayName", "name")), Set.of(), Map.of());
    assertGolden("rename-and-rebuild.sql", from, to, hints);
  }

  @Test
  void dropsAroundRebuilds() {
    DatabaseSchema from = schema(
        table("teams").col(integer("id").pk().notNull()).build(),
        table("players").col(integer("id").pk().notNull()).col(integer("teamId"))
            .references("teamId", "teams", "id", CASCADE).build(),
        table("logs").col(integer("id").pk().notNull()).col(integer("playerId"))
            .references("playerId", "players", "id", CASCADE).build());
    DatabaseSchema to = schema(
        table("players").col(integer("id").pk().notNull()).col(integer("teamId")).build());
    assertGolden("drops-around-rebuild.sql", from, to,
        Hints.droppedTables("teams", "logs"));
  }

  private static void assertGolden(
      String name, DatabaseSchema from, DatabaseSchema to, RenameHints hints) {
    String actual = StatementBreakpoints.join(
        SqliteMigrationRenderer.render(SchemaDiffer.diff(from, to, hints)));
    if (Boolean.getBoolean("nanoka.updateGolden")) {
      try {
        Files.createDirectories(GOLDEN);
        Files.writeString(GOLDEN.resolve(name), actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    try (InputStream in = SqliteMigrationRendererTest.class.getResourceAsStream(
        "/golden/sql/" + name)) {
      if (in == null) {
        throw new AssertionError("no golden file golden/sql/" + name + "; create it with"
            + " -Dnanoka.updateGolden=true\n" + actual);
      }
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, name);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
