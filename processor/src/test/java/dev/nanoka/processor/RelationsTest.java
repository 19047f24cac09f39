package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.SchemaCompiler.schemaOf;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Drizzle relations derived from the foreign keys, for the relational query API: both sides of a
 * key, two keys to one table, a self-reference, a cycle, a join table, a composite key, and names
 * that would clash. Goldens: {@code golden/RelationsTest/*.ts}; the it-tests type-check them with
 * tsc and run relational queries over them on a real SQLite database.
 */
class RelationsTest {

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

  /** Drizzle can't pair the sides up by table alone: both carry the key's relationName. */
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

  /** Two tables pointing at each other: each side of each key needs its relationName. */
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

  /** Many-to-many as Drizzle 0.45 queries it: through the join table's two one-relations. */
  @Test
  void joinTable() {
    String schema = schemaOf(
        source("com.example.rel.Post", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("posts")
            public record Post(@Field(primaryKey = true) long id, String title) {}
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
                @Field(references = Tag.class, onDelete = ReferentialAction.CASCADE) long tagId) {}
            """));

    Golden.assertMatches("joinTable", schema);
  }

  /**
   * A key over two columns, which {@code @Field} can't declare but the schema model (and a
   * schema read back from text) can: both columns in {@code fields} and {@code references}; the
   * column named like its target ({@code orgId}) doesn't name the relation.
   */
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

    String schema = DrizzleSchemaRenderer.render(
        new DatabaseSchema(List.of(projects, tasks)), List.of(), "RelationsTest", true);

    Golden.assertMatches("compositeKey", schema);
  }

  /**
   * Names that would clash or mislead, each still a valid relation nobody else has: a column
   * already called {@code author}; {@code classId} and {@code defaultId} (reserved words are
   * fine as keys); a key column without the target's suffix ({@code owner}); {@code __proto__Id},
   * whose plain name would set the prototype; a column {@code posts} on the parent; a table named
   * {@code users_relations}, whose export takes {@code usersRelations}; tables named
   * {@code one} and {@code relations}, which would shadow the helpers.
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
        source("com.example.rel.UserRelation", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("users_relations")
            public record UserRelation(
                @Field(primaryKey = true) long id,
                @Field(references = User.class) String userId) {}
            """),
        source("com.example.rel.One", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("one")
            public record One(@Field(primaryKey = true) long id) {}
            """),
        source("com.example.rel.Relation", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("relations")
            public record Relation(
                @Field(primaryKey = true) long id,
                @Field(references = One.class) long oneId) {}
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
                @Field(references = User.class, nullable = true) String classId,
                @Field(references = User.class, nullable = true) String defaultId,
                @Field(references = User.class, nullable = true) String owner,
                @Field(references = User.class, nullable = true) String __proto__Id) {}
            """));

    Golden.assertMatches("namesThatWouldClash", schema);
  }

  /**
   * How the key's side is named from its columns: {@code author_id} → {@code author}; a key
   * column named exactly like its target ({@code id} → {@code users.id}, a one-to-one extension
   * table) leaves nothing, so the referenced table in the singular; after {@code author} and
   * {@code authorUser} are taken by columns, a number.
   */
  @Test
  void namesFromColumns() {
    String schema = schemaOf(USER,
        source("com.example.rel.Profile", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("profiles")
            public record Profile(
                @Field(primaryKey = true, references = User.class) String id, String bio) {}
            """),
        source("com.example.rel.Comment", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("comments")
            public record Comment(
                @Field(primaryKey = true) long id,
                @Field(references = User.class) String author_id) {}
            """),
        source("com.example.rel.Note", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("notes")
            public record Note(
                @Field(primaryKey = true) long id,
                String author,
                String authorUser,
                @Field(references = User.class) String authorId) {}
            """));

    Golden.assertMatches("namesFromColumns", schema);
  }

  @Test
  void schemaAttributeLeavesThemOut() {
    String schema = schemaOf(
        USER,
        source("com.example.rel.Post", """
            package com.example.rel;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("posts")
            public record Post(
                @Field(primaryKey = true) long id,
                @Field(references = User.class) String authorId) {}
            """),
        source("com.example.rel.package-info", """
            @Schema(models = {User.class, Post.class}, relations = false)
            package com.example.rel;

            import dev.nanoka.Schema;
            """));

    assertTrue(schema.contains("references(() => users.id)"), schema);
    assertFalse(schema.contains("relations"), schema);
  }

  /**
   * Switching the attribute rewrites schema.ts even where the processor skips up-to-date schemas
   * (its models are unchanged): the switch is part of what "up to date" compares.
   */
  @ParameterizedTest
  @EnumSource(TestCompiler.class)
  void switchingTheAttributeRewritesAnUpToDateSchema(TestCompiler compiler, @TempDir Path dir)
      throws Exception {
    DiskBuild build = new DiskBuild(dir);
    build.write("com/example/rel/package-info.java", packageInfo(""));
    build.write("com/example/rel/User.java", USER.getCharContent(true).toString());
    build.write("com/example/rel/Post.java", """
        package com.example.rel;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = User.class) String authorId) {}
        """);
    Path schema = build.drizzle().resolve("schema.ts");
    build.compile(compiler, build.allSources()).assertClean();
    // the second compile finds its generated classes compiled; from now on it is up to date
    build.compile(compiler, build.allSources()).assertClean();
    assertTrue(Files.readString(schema).contains("export const usersRelations"));

    build.write("com/example/rel/package-info.java", packageInfo(", relations = false"));
    build.compile(compiler, build.allSources()).assertClean();
    assertFalse(Files.readString(schema).contains("relations"), Files.readString(schema));

    build.write("com/example/rel/package-info.java", packageInfo(""));
    build.compile(compiler, build.allSources()).assertClean();
    assertTrue(Files.readString(schema).contains("export const usersRelations"),
        Files.readString(schema));
  }

  private static String packageInfo(String attributes) {
    return """
        @Schema(models = {User.class, Post.class}%s)
        package com.example.rel;

        import dev.nanoka.Schema;
        """.formatted(attributes);
  }

  @Test
  void processorOptionLeavesThemOut() throws Exception {
    Path dir = SchemaCompiler.tempDir();
    try {
      Path output = dir.resolve("schema.ts");
      Compilation compilation = SchemaCompiler.compile(
          List.of("-Ananoka.output=" + output, "-Ananoka.relations=false"), List.of(),
          List.of(USER, source("com.example.rel.Post", """
              package com.example.rel;

              import dev.nanoka.Field;
              import dev.nanoka.Model;

              @Model("posts")
              public record Post(
                  @Field(primaryKey = true) long id,
                  @Field(references = User.class) String authorId) {}
              """)));

      assertThat(compilation).succeededWithoutWarnings();
      String schema = Files.readString(output);
      assertTrue(schema.contains("references(() => users.id)"), schema);
      assertFalse(schema.contains("relations"), schema);
    } finally {
      SchemaCompiler.deleteRecursively(dir);
    }
  }

  private static Column column(String name, LogicalType type) {
    return new Column(name, name, type, true, false, false, false, Optional.empty());
  }
}
