package dev.nanoka.core.diff;

import static dev.nanoka.core.schema.ForeignKey.Action.CASCADE;
import static dev.nanoka.core.schema.ForeignKey.Action.NO_ACTION;
import static dev.nanoka.core.schema.ForeignKey.Action.SET_NULL;
import static dev.nanoka.core.testing.Schemas.EMPTY;
import static dev.nanoka.core.testing.Schemas.bool;
import static dev.nanoka.core.testing.Schemas.edit;
import static dev.nanoka.core.testing.Schemas.integer;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.core.testing.Schemas.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.SchemaChange.AddColumn;
import dev.nanoka.core.diff.SchemaChange.CreateIndex;
import dev.nanoka.core.diff.SchemaChange.CreateTable;
import dev.nanoka.core.diff.SchemaChange.DropColumn;
import dev.nanoka.core.diff.SchemaChange.DropIndex;
import dev.nanoka.core.diff.SchemaChange.DropTable;
import dev.nanoka.core.diff.SchemaChange.RebuildTable;
import dev.nanoka.core.diff.SchemaChange.RenameColumn;
import dev.nanoka.core.diff.SchemaChange.RenameTable;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.SqlType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.testing.ColumnBuilder;
import dev.nanoka.core.testing.Hints;
import dev.nanoka.core.testing.TableBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per kind of change: what the differ reports, and what it says may be lost. */
class SchemaDifferTest {

  static Table users() {
    return table("users")
        .col(integer("id").pk().autoIncrement().notNull())
        .col(text("email").notNull().unique())
        .col(text("name"))
        .build();
  }

  static Table posts() {
    return table("posts")
        .col(integer("id").pk().autoIncrement().notNull())
        .col(integer("authorId").notNull())
        .col(text("title").notNull())
        .references("authorId", "users", "id", CASCADE)
        .index("posts_author_idx", "authorId", "title")
        .build();
  }

  static DatabaseSchema blog() {
    return schema(users(), posts());
  }

  static SchemaDiff diff(DatabaseSchema from, DatabaseSchema to) {
    return SchemaDiffer.diff(from, to, RenameHints.NONE);
  }

  /** {@code blog()} with one column of users changed. */
  static DatabaseSchema usersColumn(String column, UnaryOperator<ColumnBuilder> change) {
    return edit(blog(), "users", t -> TableBuilder.of(t).replace(column, change).build());
  }

  static DatabaseSchema usersWith(UnaryOperator<TableBuilder> change) {
    return edit(blog(), "users", t -> change.apply(TableBuilder.of(t)).build());
  }

  static <T extends SchemaChange> T only(SchemaDiff diff, Class<T> kind) {
    assertEquals(1, diff.changes().size(), diff.changes().toString());
    return assertInstanceOf(kind, diff.changes().get(0));
  }

  /** The rebuild of a table, followed by the re-creation of its indexes and nothing else. */
  static RebuildTable rebuild(SchemaDiff diff) {
    RebuildTable rebuild = assertInstanceOf(RebuildTable.class, diff.changes().get(0));
    List<SchemaChange> rest = diff.changes().subList(1, diff.changes().size());
    assertEquals(EffectiveIndexes.effective(rebuild.to()).stream()
        .map(i -> new CreateIndex(rebuild.to().name(), i)).toList(), rest);
    return rebuild;
  }

  static List<Class<?>> kinds(SchemaDiff diff) {
    return diff.changes().stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void sameSchemaHasNoChanges() {
    assertTrue(diff(blog(), blog()).isEmpty());
  }

  @Nested
  class Tables {

    @Test
    void createTableThenItsIndexes() {
      SchemaDiff diff = diff(EMPTY, blog());
      assertEquals(List.of(CreateTable.class, CreateTable.class, CreateIndex.class,
          CreateIndex.class), kinds(diff));
      assertEquals(
          new CreateIndex("users", new TableIndex("users_email_unique", List.of("email"), true)),
          diff.changes().get(2));
      assertEquals(
          new CreateIndex(
              "posts", new TableIndex("posts_author_idx", List.of("authorId", "title"), false)),
          diff.changes().get(3));
      assertTrue(diff.changes().stream().allMatch(c -> c.dataLoss().isEmpty()));
    }

    @Test
    void declaredDropTable() {
      SchemaDiff diff = SchemaDiffer.diff(blog(), schema(users()),
          Hints.droppedTables("posts"));
      DropTable drop = only(diff, DropTable.class);
      assertEquals("posts", drop.table().name());
      assertEquals(List.of(new DataLoss.TableDropped("posts")), drop.dataLoss());
      assertEquals("drops table posts and all its rows", drop.dataLoss().get(0).describe());
      assertEquals(List.of(), diff.ambiguities());
    }

    @Test
    void vanishedTableWithNothingNewIsDroppedWithItsLossSaid() {
      SchemaDiff diff = diff(blog(), schema(users()));
      assertEquals(List.of(new DataLoss.TableDropped("posts")),
          only(diff, DropTable.class).dataLoss());
      assertEquals(List.of(), diff.ambiguities());
    }

    @Test
    void renameTableFromHint() {
      DatabaseSchema to = schema(TableBuilder.of(users()).name("people").build());
      SchemaDiff diff = SchemaDiffer.diff(schema(users()), to,
          Hints.renamedTables(Map.of("people", "users")));
      // The unique index keeps the name SQLite gave it; it is re-created under the new name.
      assertEquals(
          List.of(
              new RenameTable("users", "people"),
              new DropIndex("people", new TableIndex("users_email_unique", List.of("email"), true)),
              new CreateIndex(
                  "people", new TableIndex("people_email_unique", List.of("email"), true))),
          diff.changes());
      assertEquals("people", diff.renamed().tables().get(0).name());
    }

    @Test
    void renamedParentLeavesChildrenAlone() {
      Table people = table("people")
          .col(integer("id").pk().autoIncrement().notNull())
          .col(text("email").notNull())
          .uniqueIndex("users_email_unique", "email")
          .col(text("name"))
          .build();
      Table postsOfPeople = TableBuilder.of(posts()).clearForeignKeys()
          .references("authorId", "people", "id", CASCADE).build();
      SchemaDiff diff = SchemaDiffer.diff(blog(), schema(people, postsOfPeople),
          Hints.renamedTables(Map.of("people", "users")));
      assertEquals(List.of(new RenameTable("users", "people")), diff.changes());
    }

    @Test
    void renameHintIgnoredWhenTheOldNameStillExists() {
      DatabaseSchema to = schema(users(), TableBuilder.of(users()).name("people").build());
      SchemaDiff diff = SchemaDiffer.diff(schema(users()), to,
          Hints.renamedTables(Map.of("people", "users")));
      assertEquals(List.of(CreateTable.class, CreateIndex.class), kinds(diff));
    }

    @Test
    void undeclaredVanishedAndAppearedTableIsAmbiguous() {
      DatabaseSchema to = schema(users(), TableBuilder.of(posts()).name("articles").build());
      SchemaDiff diff = diff(blog(), to);
      assertEquals(List.of(new Ambiguity("", List.of("posts"), List.of("articles"))),
          diff.ambiguities());
      assertTrue(diff.ambiguities().get(0).isAboutTables());
      assertTrue(diff.changes().stream().anyMatch(c -> c instanceof DropTable));
    }

    @Test
    void declaredDropOfVanishedTableIsNotAmbiguous() {
      DatabaseSchema to = schema(users(), TableBuilder.of(posts()).name("articles").build());
      SchemaDiff diff =
          SchemaDiffer.diff(blog(), to, Hints.droppedTables("posts"));
      assertEquals(List.of(), diff.ambiguities());
      assertEquals(Set.of(CreateTable.class, DropTable.class, CreateIndex.class),
          Set.copyOf(kinds(diff)));
    }

    @Test
    void staleTableHintsAreIgnored() {
      // Renamed and dropped in an earlier version: the old names are gone, the hints stay.
      RenameHints stale = new RenameHints(Map.of("users", "members"), Map.of(),
          Set.of("sessions"), Map.of());
      assertTrue(SchemaDiffer.diff(blog(), blog(), stale).isEmpty());
    }
  }

  @Nested
  class Columns {

    @Test
    void addNullableColumnInPlace() {
      SchemaDiff diff = diff(blog(), usersWith(t -> t.col(text("nickname"))));
      assertEquals("nickname", only(diff, AddColumn.class).column().name());
      assertEquals(List.of(), diff.changes().get(0).dataLoss());
    }

    @Test
    void addNotNullColumnWithLiteralDefaultInPlace() {
      for (ColumnBuilder column : List.of(integer("karma").notNull().defaultNumber("0"),
          text("role").notNull().defaultText("member"), bool("active").notNull().defaultBool(true),
          integer("neg").notNull().defaultNumber("-1"))) {
        SchemaDiff diff = diff(blog(), usersWith(t -> t.col(column)));
        assertInstanceOf(AddColumn.class, diff.changes().get(0), column.build().toString());
        assertEquals(1, diff.changes().size());
      }
    }

    @Test
    void addNotNullColumnWithoutDefaultNeedsRebuild() {
      SchemaDiff diff = diff(blog(), usersWith(t -> t.col(integer("age").notNull())));
      RebuildTable rebuild = (RebuildTable) diff.changes().get(0);
      assertEquals(Map.of("id", "id", "email", "email", "name", "name"), rebuild.copied());
      assertEquals(List.of(new DataLoss.RequiredColumnAdded("users", "age")), rebuild.dataLoss());
      assertEquals("adds users.age NOT NULL without a default; the migration fails if users has"
          + " rows (add a default, or edit the migration to fill it)",
          rebuild.dataLoss().get(0).describe());
      // After a rebuild every index of the table is created again.
      assertEquals(List.of(RebuildTable.class, CreateIndex.class), kinds(diff));
    }

    @Test
    void addNotNullColumnWithClientSideDefaultNeedsRebuild() {
      SchemaDiff diff = diff(blog(), usersWith(t -> t.col(text("token").notNull()
          .defaultTo(new ColumnDefault.ClientFunction("crypto.randomUUID()")))));
      assertInstanceOf(RebuildTable.class, diff.changes().get(0));
    }

    @Test
    void addColumnWithExpressionDefaultNeedsRebuild() {
      for (String expression : List.of("(unixepoch())", "CURRENT_TIMESTAMP", "(1 + 2)")) {
        SchemaDiff diff = diff(blog(),
            usersWith(t -> t.col(integer("created").notNull().defaultSql(expression))));
        RebuildTable rebuild = assertInstanceOf(RebuildTable.class, diff.changes().get(0));
        assertEquals(List.of(), rebuild.dataLoss(), expression);
      }
    }

    @Test
    void addColumnWithConstantSqlDefaultInPlace() {
      // A default read back from a snapshot or a database as plain SQL text.
      SchemaDiff diff = diff(blog(), usersWith(t -> t.col(text("kind").defaultSql("'plain'"))));
      only(diff, AddColumn.class);
    }

    @Test
    void addPrimaryKeyColumnNeedsRebuild() {
      DatabaseSchema from = schema(table("tags").col(text("name").notNull()).build());
      DatabaseSchema to = schema(table("tags").col(text("name").notNull())
          .col(integer("id").pk().notNull()).build());
      assertInstanceOf(RebuildTable.class, diff(from, to).changes().get(0));
    }

    @Test
    void addUniqueColumnInPlaceWithItsIndex() {
      SchemaDiff diff = diff(blog(), usersWith(t -> t.col(text("handle").unique())));
      assertEquals(List.of(new AddColumn("users", text("handle").unique().build()),
          new CreateIndex("users", new TableIndex("users_handle_unique", List.of("handle"), true))),
          diff.changes());
    }

    @Test
    void dropColumnInPlace() {
      SchemaDiff diff = SchemaDiffer.diff(blog(), usersWith(t -> t.drop("name")),
          Hints.droppedColumns("users", "name"));
      DropColumn drop = only(diff, DropColumn.class);
      assertEquals(List.of(new DataLoss.ColumnDropped("users", "name")), drop.dataLoss());
      assertEquals("drops column users.name and its values", drop.dataLoss().get(0).describe());
      assertEquals(List.of(), diff.ambiguities());
    }

    @Test
    void dropUniqueColumnDropsItsIndexFirst() {
      SchemaDiff diff = SchemaDiffer.diff(blog(), usersWith(t -> t.drop("email")),
          Hints.droppedColumns("users", "email"));
      assertEquals(List.of(
          new DropIndex("users", new TableIndex("users_email_unique", List.of("email"), true)),
          new DropColumn("users", text("email").notNull().unique().build())), diff.changes());
    }

    @Test
    void dropForeignKeyColumnNeedsRebuild() {
      DatabaseSchema to = edit(blog(), "posts",
          t -> TableBuilder.of(t).drop("authorId").clearForeignKeys().dropIndex("posts_author_idx")
              .build());
      SchemaDiff diff = SchemaDiffer.diff(blog(), to, Hints.droppedColumns("posts", "authorId"));
      RebuildTable rebuild = only(diff, RebuildTable.class);
      assertEquals(Map.of("id", "id", "title", "title"), rebuild.copied());
      assertEquals(List.of(new DataLoss.ColumnDropped("posts", "authorId")), rebuild.dataLoss());
    }

    @Test
    void dropKeyColumnNeedsRebuild() {
      DatabaseSchema from =
          schema(
              table("pairs")
                  .col(integer("a").notNull())
                  .col(integer("b").notNull())
                  .col(text("v"))
                  .primaryKey("a", "b")
                  .build());
      DatabaseSchema to = schema(table("pairs").col(integer("a").notNull()).col(text("v"))
          .primaryKey("a").build());
      RebuildTable rebuild = only(SchemaDiffer.diff(from, to, Hints.droppedColumns("pairs", "b")),
          RebuildTable.class);
      // a alone is the key now: rows that shared an a and differed in b collide.
      assertEquals(List.of("drops column pairs.b and its values", "makes (a) the primary key of"
          + " pairs over existing rows; the migration fails if two rows have the same values"
          + " there"), rebuild.dataLoss().stream().map(DataLoss::describe).toList());
    }

    @Test
    void renameColumnFromHint() {
      DatabaseSchema to = usersColumn("name", c -> c.name("displayName"));
      SchemaDiff diff = SchemaDiffer.diff(blog(), to,
          Hints.renamedColumns("users", Map.of("displayName", "name")));
      assertEquals(List.of(new RenameColumn("users", "name", "displayName")), diff.changes());
    }

    @Test
    void renameUniqueColumnRecreatesItsIndexUnderTheNewName() {
      DatabaseSchema to = usersColumn("email", c -> c.name("mail"));
      SchemaDiff diff = SchemaDiffer.diff(blog(), to,
          Hints.renamedColumns("users", Map.of("mail", "email")));
      assertEquals(List.of(
          new RenameColumn("users", "email", "mail"),
          new DropIndex("users", new TableIndex("users_email_unique", List.of("mail"), true)),
          new CreateIndex("users", new TableIndex("users_mail_unique", List.of("mail"), true))),
          diff.changes());
    }

    @Test
    void renameColumnAndChangeItNeedsRebuildFromTheRenamedColumn() {
      DatabaseSchema to = usersColumn("name", c -> c.name("displayName").notNull().defaultText(""));
      SchemaDiff diff = SchemaDiffer.diff(blog(), to,
          Hints.renamedColumns("users", Map.of("displayName", "name")));
      assertEquals(List.of(RenameColumn.class, RebuildTable.class, CreateIndex.class), kinds(diff));
      RebuildTable rebuild = (RebuildTable) diff.changes().get(1);
      assertEquals("displayName", rebuild.copied().get("displayName"));
      assertTrue(rebuild.from().column("displayName").isPresent());
    }

    @Test
    void undeclaredVanishedAndAppearedColumnIsAmbiguous() {
      DatabaseSchema to = usersWith(t -> t.drop("name").col(text("fullName")));
      SchemaDiff diff = diff(blog(), to);
      assertEquals(List.of(new Ambiguity("users", List.of("name"), List.of("fullName"))),
          diff.ambiguities());
    }

    @Test
    void declaredColumnDropIsNotAmbiguous() {
      DatabaseSchema to = usersWith(t -> t.drop("name").col(text("fullName")));
      SchemaDiff diff = SchemaDiffer.diff(blog(), to, Hints.droppedColumns("users", "name"));
      assertEquals(List.of(), diff.ambiguities());
      assertEquals(List.of(AddColumn.class, DropColumn.class), kinds(diff));
    }

    @Test
    void staleColumnHintsAreIgnored() {
      RenameHints stale = new RenameHints(Map.of(),
          Map.of("users", Map.of("name", "oldName"), "posts", Map.of("title", "id")),
          Set.of(), Map.of("users", Set.of("gone")));
      assertTrue(SchemaDiffer.diff(blog(), blog(), stale).isEmpty());
    }
  }

  @Nested
  class ColumnDefinitions {

    @Test
    void typeChangeNeedsRebuild() {
      RebuildTable rebuild = rebuild(diff(blog(), usersColumn("name", c -> c.type(
          new LogicalType.Int())))) ;
      assertEquals(List.of(new DataLoss.ValuesConverted("users", "name", "name", SqlType.TEXT,
          SqlType.INTEGER)), rebuild.dataLoss());
      assertEquals("changes users.name from text to integer; text that reads as a number becomes"
          + " that number ('007' becomes 7), other text no longer reads as a number",
          rebuild.dataLoss().get(0).describe());
    }

    @Test
    void wideningTypeChangeLosesNothing() {
      DatabaseSchema from =
          schema(table("m").col(integer("id").pk().notNull()).col(integer("n")).build());
      DatabaseSchema to = edit(from, "m", t -> TableBuilder.of(t).replace("n",
          c -> c.type(new LogicalType.Numeric())).build());
      assertEquals(List.of(), only(diff(from, to), RebuildTable.class).dataLoss());
    }

    @Test
    void logicalTypeChangeWithTheSameSqlTypeIsNoChange() {
      DatabaseSchema enumName =
          usersColumn("name", c -> c.type(new LogicalType.EnumText(List.of("a"))));
      assertTrue(diff(blog(), enumName).isEmpty());
      DatabaseSchema json = usersColumn("name", c -> c.type(new LogicalType.Json("string[]")));
      assertTrue(diff(enumName, json).isEmpty());
    }

    @Test
    void nullableToNotNullWithoutDefaultSaysRowsMayFail() {
      RebuildTable rebuild = rebuild(diff(blog(), usersColumn("name", ColumnBuilder::notNull)));
      assertEquals(List.of(new DataLoss.NullsRejected("users", "name", "name")),
          rebuild.dataLoss());
    }

    @Test
    void nullableToNotNullWithDefaultFillsTheNulls() {
      RebuildTable rebuild =
          rebuild(diff(blog(), usersColumn("name", c -> c.notNull().defaultText("?"))));
      assertEquals(List.of(new DataLoss.NullsFilled("users", "name", "name", "'?'")),
          rebuild.dataLoss());
    }

    @Test
    void notNullToNullableNeedsRebuild() {
      RebuildTable rebuild = rebuild(diff(blog(), usersColumn("email", c -> c.notNull(false))));
      assertEquals(List.of(), rebuild.dataLoss());
    }

    @Test
    void defaultChangeNeedsRebuild() {
      DatabaseSchema withDefault = usersColumn("name", c -> c.defaultText("anon"));
      rebuild(diff(blog(), withDefault));
      rebuild(diff(withDefault, usersColumn("name", c -> c.defaultText("other"))));
      rebuild(diff(withDefault, blog()));
    }

    @Test
    void clientSideDefaultIsNoDatabaseChange() {
      DatabaseSchema client = usersColumn("name",
          c -> c.defaultTo(new ColumnDefault.ClientFunction("crypto.randomUUID()")));
      assertTrue(diff(blog(), client).isEmpty());
    }

    @Test
    void autoIncrementChangeNeedsRebuild() {
      rebuild(diff(blog(), usersColumn("id", c -> c.autoIncrement(false))));
    }
  }

  @Nested
  class PrimaryAndForeignKeys {

    static DatabaseSchema likes(String... key) {
      return schema(table("likes").col(integer("userId").notNull())
          .col(integer("postId").notNull()).primaryKey(key).build());
    }

    @Test
    void compositeKeyChangeNeedsRebuild() {
      only(diff(likes("userId", "postId"), likes("postId", "userId")), RebuildTable.class);
      only(diff(likes("userId", "postId"), likes("userId")), RebuildTable.class);
    }

    @Test
    void foreignKeyAddedNeedsRebuild() {
      DatabaseSchema to = edit(blog(), "posts", t -> TableBuilder.of(t)
          .references("title", "users", "email", NO_ACTION).build());
      RebuildTable rebuild = (RebuildTable) diff(blog(), to).changes().get(0);
      assertEquals("posts", rebuild.to().name());
      assertEquals(List.of(), rebuild.dataLoss());
    }

    @Test
    void foreignKeyRemovedNeedsRebuild() {
      DatabaseSchema to = edit(blog(), "posts", t -> TableBuilder.of(t).clearForeignKeys().build());
      assertInstanceOf(RebuildTable.class, diff(blog(), to).changes().get(0));
    }

    @Test
    void foreignKeyActionChangeNeedsRebuild() {
      DatabaseSchema to = edit(blog(), "posts", t -> TableBuilder.of(t).clearForeignKeys()
          .references("authorId", "users", "id", SET_NULL).build());
      assertInstanceOf(RebuildTable.class, diff(blog(), to).changes().get(0));
      DatabaseSchema onUpdate = edit(blog(), "posts", t -> TableBuilder.of(t).clearForeignKeys()
          .references(List.of("authorId"), "users", List.of("id"), CASCADE, CASCADE).build());
      assertInstanceOf(RebuildTable.class, diff(blog(), onUpdate).changes().get(0));
    }

    @Test
    void foreignKeyNameIsNotCompared() {
      Table renamedKey = new Table("posts", "posts", posts().columns(), List.of(),
          posts().indexes(), List.of(new dev.nanoka.core.schema.ForeignKey("whatever",
              List.of("authorId"), "users", List.of("id"), NO_ACTION, CASCADE)));
      assertTrue(diff(blog(), schema(users(), renamedKey)).isEmpty());
    }
  }

  @Nested
  class IndexChanges {

    @Test
    void uniqueColumnAddedAndRemoved() {
      DatabaseSchema unique = usersColumn("name", ColumnBuilder::unique);
      TableIndex index = new TableIndex("users_name_unique", List.of("name"), true);
      // Existing rows may share a name: the index can fail over them.
      Column name = unique.table("users").orElseThrow().column("name").orElseThrow();
      assertEquals(List.of(new CreateIndex("users", index, List.of(new DataLoss.DuplicatesRejected(
          "users", "users_name_unique", List.of(new DataLoss.NewValue(name,
              Optional.of("name"))))))), diff(blog(), unique).changes());
      assertEquals(List.of(new DropIndex("users", index)), diff(unique, blog()).changes());
    }

    @Test
    void uniqueColumnEqualsItsIndexSpelledOut() {
      // A snapshot or database reader sees the unique column as a plain unique index.
      DatabaseSchema spelledOut = usersWith(t -> t.replace("email", c -> c.unique(false))
          .uniqueIndex("users_email_unique", "email"));
      assertTrue(diff(blog(), spelledOut).isEmpty());
      assertTrue(diff(spelledOut, blog()).isEmpty());
    }

    @Test
    void indexAddedRemovedAndChanged() {
      DatabaseSchema added = usersWith(t -> t.index("users_name_idx", "name"));
      TableIndex index = new TableIndex("users_name_idx", List.of("name"), false);
      assertEquals(List.of(new CreateIndex("users", index)), diff(blog(), added).changes());
      assertEquals(List.of(new DropIndex("users", index)), diff(added, blog()).changes());

      DatabaseSchema wider = usersWith(t -> t.index("users_name_idx", "name", "email"));
      assertEquals(List.of(new DropIndex("users", index), new CreateIndex("users",
          new TableIndex("users_name_idx", List.of("name", "email"), false))),
          diff(added, wider).changes());

      DatabaseSchema unique = usersWith(t -> t.uniqueIndex("users_name_idx", "name"));
      assertEquals(List.of(DropIndex.class, CreateIndex.class), kinds(diff(added, unique)));
    }
  }
}
