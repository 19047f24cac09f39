package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.SchemaCompiler.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.processor.ts.DrizzleSchemaRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The relations of the Drizzle 1.0 layout ({@code -Ananoka.layout=drizzle-1}): drizzle-orm 1.0's
 * {@code defineRelations} (RQB v2) over the same cases as {@link RelationsTest} for 0.45, plus
 * the many-to-many across a join table that 1.0 adds, and a schema without keys (every table is
 * still listed, so {@code db.query} has it). Goldens: {@code golden/Drizzle1RelationsTest/*.ts};
 * the it-test {@code Drizzle1RelationalQueriesTest} type-checks them with drizzle-orm 1.0's tsc
 * types and runs relational queries over the same kinds of relation on a local D1.
 */
class Drizzle1RelationsTest {

  private static final JavaFileObject USER = source("com.example.rel.User", """
      package com.example.rel;

      import dev.nanoka.Field;
      import dev.nanoka.Model;

      @Model("users")
      public record User(@Field(primaryKey = true) String id, String name) {}
      """);

  @Test
  void bothSidesOfAKey() {
    String schema = schemaOf(USER, source("com.example.rel.Post", """
        package com.example.rel;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true, autoIncrement = true) long id,
            @Field(references = User.class) String authorId,
            String title) {}
        """));

    Golden.assertMatches("bothSides", schema);
  }

  /** RQB v2 pairs the sides by alias, as 0.45 did by relationName; a nullable key is optional. */
  @Test
  void twoKeysToOneTable() {
    String schema = schemaOf(USER, source("com.example.rel.Post", """
        package com.example.rel;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true, autoIncrement = true) long id,
            @Field(references = User.class) String authorId,
            @Field(references = User.class, nullable = true) String editorId) {}
        """));

    Golden.assertMatches("twoKeysToOneTable", schema);
  }

  @Test
  void selfReference() {
    String schema = schemaOf(source("com.example.rel.Category", """
        package com.example.rel;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("categories")
        public record Category(
            @Field(primaryKey = true, autoIncrement = true) long id,
            @Field(references = Category.class, nullable = true) Long parentId) {}
        """));

    Golden.assertMatches("selfReference", schema);
  }

  @Test
  void twoTableCycle() {
    String schema = schemaOf(
        source("com.example.rel.Department", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("departments")
            public record Department(
                @Field(primaryKey = true) long id,
                @Field(references = Employee.class, nullable = true) Long managerId) {}
            """),
        source("com.example.rel.Employee", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("employees")
            public record Employee(
                @Field(primaryKey = true) long id,
                @Field(references = Department.class) long departmentId) {}
            """));

    Golden.assertMatches("cycle", schema);
  }

  /**
   * Both ends of a join table reach each other with {@code through}, beside the two steps over
   * the join table's own relations; the name {@code tags} is a column of posts here, so the
   * posts side is {@code tagsThroughPostTags}.
   */
  @Test
  void joinTable() {
    String schema = schemaOf(
        source("com.example.rel.Post", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("posts")
            public record Post(@Field(primaryKey = true) long id, String title, String tags) {}
            """),
        source("com.example.rel.Tag", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("tags")
            public record Tag(@Field(primaryKey = true) long id, String name) {}
            """),
        source("com.example.rel.PostTag", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;
            import dev.nanoka.ReferentialAction;

            @Model(value = "post_tags", primaryKey = {"postId", "tagId"})
            public record PostTag(
                @Field(references = Post.class, onDelete = ReferentialAction.CASCADE) long postId,
                @Field(references = Tag.class, onDelete = ReferentialAction.CASCADE) long tagId,
                @Field(nullable = true) Long addedAt) {}
            """));

    Golden.assertMatches("joinTable", schema);
  }

  /**
   * Not join tables: a table pointing twice at the same table (followers), and one whose
   * primary key is its own id besides the two keys: their rows are entities of their own.
   */
  @Test
  void notJoinTables() {
    String schema = schemaOf(USER,
        source("com.example.rel.Follow", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model(value = "follows", primaryKey = {"followerId", "followeeId"})
            public record Follow(
                @Field(references = User.class) String followerId,
                @Field(references = User.class) String followeeId) {}
            """),
        source("com.example.rel.Group", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("groups")
            public record Group(@Field(primaryKey = true) long id) {}
            """),
        source("com.example.rel.Membership", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("memberships")
            public record Membership(
                @Field(primaryKey = true) long id,
                @Field(references = User.class) String userId,
                @Field(references = Group.class) long groupId) {}
            """));

    assertFalse(schema.contains(".through("), schema);
    Golden.assertMatches("notJoinTables", schema);
  }

  /** A key over two columns: {@code from} and {@code to} as arrays, both columns joined. */
  @Test
  void compositeKey() {
    Table projects = new Table("projects", "projects",
        List.of(column("orgId", new LogicalType.Int()), column("id", new LogicalType.Int()),
            column("name", new LogicalType.Text())),
        List.of("orgId", "id"), List.of(), List.of());
    Table tasks = new Table("tasks", "tasks",
        List.of(
            new Column("id", "id", new LogicalType.Int(), true, true, false, false,
                Optional.empty()),
            column("orgId", new LogicalType.Int()), column("projectId", new LogicalType.Int()),
            column("title", new LogicalType.Text())),
        List.of(), List.of(),
        List.of(new ForeignKey("tasks_orgId_projectId_projects_orgId_id_fk",
            List.of("orgId", "projectId"), "projects", List.of("orgId", "id"),
            ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE)));

    String schema = DrizzleSchemaRenderer.render(new DatabaseSchema(List.of(projects, tasks)),
        List.of(), "Drizzle1RelationsTest", true, true);

    Golden.assertMatches("compositeKey", schema);
  }

  /**
   * Names that would clash: a table {@code relations} (exported as {@code relationsTable}, so
   * the constant keeps its name), a table {@code define_relations} (exported as
   * {@code defineRelations}: the import gives way), a column {@code author}, reserved words and
   * {@code __proto__Id} as relation keys.
   */
  @Test
  void namesThatWouldClash() {
    String schema = schemaOf(
        source("com.example.rel.User", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("users")
            public record User(@Field(primaryKey = true) String id, String posts) {}
            """),
        source("com.example.rel.Relation", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("relations")
            public record Relation(
                @Field(primaryKey = true) long id,
                @Field(references = User.class) String userId) {}
            """),
        source("com.example.rel.DefineRelation", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("define_relations")
            public record DefineRelation(@Field(primaryKey = true) long id) {}
            """),
        source("com.example.rel.Post", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("posts")
            public record Post(
                @Field(primaryKey = true, autoIncrement = true) long id,
                String author,
                @Field(references = User.class) String authorId,
                @Field(references = User.class, nullable = true) String defaultId,
                @Field(references = User.class, nullable = true) String __proto__Id) {}
            """));

    Golden.assertMatches("namesThatWouldClash", schema);
  }

  /** Without keys every table is still listed: RQB v2 queries only the tables it was given. */
  @Test
  void tablesWithoutKeys() {
    String schema = schemaOf(USER, source("com.example.rel.Setting", """
        package com.example.rel;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("settings")
        public record Setting(@Field(primaryKey = true) String key, String value) {}
        """));

    assertTrue(schema.contains(
        "export const relations = defineRelations({ settings, users })\n"), schema);
  }

  /** Many tables: one per line, so the line stays readable. */
  @Test
  void manyTablesOnePerLine() {
    List<Table> tables = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tables.add(new Table("table_number_" + i, "tableNumber" + i,
          List.of(new Column("id", "id", new LogicalType.Int(), true, true, false, false,
              Optional.empty())),
          List.of(), List.of(), List.of()));
    }
    String schema = DrizzleSchemaRenderer.render(
        new DatabaseSchema(tables), List.of(), "Drizzle1RelationsTest", true, true);

    assertTrue(schema.contains("= defineRelations({\n  tableNumber0,\n  tableNumber1,\n"),
        schema);
    assertTrue(schema.contains("  tableNumber11,\n})\n"), schema);
  }

  @Test
  void optionLeavesThemOut() throws Exception {
    String schema = compile(List.of("-Ananoka.relations=false"), USER);

    assertFalse(schema.contains("elations"), schema);
  }

  private static String schemaOf(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  private static String compile(List<String> options, JavaFileObject... sources) {
    Path dir = SchemaCompiler.tempDir();
    try {
      Path output = dir.resolve("schema.ts");
      List<String> all = new java.util.ArrayList<>(List.of(
          "-Ananoka.output=" + output, "-Ananoka.layout=drizzle-1"));
      all.addAll(options);
      Compilation compilation = SchemaCompiler.compile(all, List.of(), List.of(sources));
      assertThat(compilation).succeededWithoutWarnings();
      assertTrue(Files.isRegularFile(output), "the compile succeeded but wrote no " + output);
      return SchemaCompiler.read(output);
    } finally {
      SchemaCompiler.deleteRecursively(dir);
    }
  }

  private static Column column(String name, LogicalType type) {
    return new Column(name, name, type, true, false, false, false, Optional.empty());
  }
}
