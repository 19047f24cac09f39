package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.assertWarning;
import static dev.nanoka.processor.DiagnosticAssertions.compileFailing;
import static dev.nanoka.processor.DiagnosticAssertions.compileWithOptions;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static dev.nanoka.processor.DiagnosticAssertions.tag;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors across the models of a schema (names shared by tables, indexes and exports) and about
 * {@code @Schema}, annotations outside a model, and writing the file.
 */
class SchemaErrorTest {

  private static final JavaFileObject USER = source("test.User", """
      package test;

      import dev.nanoka.*;

      @Model("users")
      public record User(@Field(primaryKey = true) long id, String email) {}
      """);

  private static final JavaFileObject POST = source("test.Post", """
      package test;

      import dev.nanoka.*;

      @Model("posts")
      public record Post(@Field(primaryKey = true) long id, String title) {}
      """);

  @Test
  void duplicateTableName() {
    JavaFileObject visitor = source("test.Visitor", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record Visitor(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(USER, visitor);
    // Without @Schema the models are read in name order: test.User, then test.Visitor.
    assertError(result, Message.DUPLICATE_TABLE, visitor, "@Model(\"users\")",
        "Table name \"users\" of Visitor is already used by table of User",
        "`@Model(\"users_2\")`");
  }

  @Test
  void duplicateTableNameIgnoringCase() {
    JavaFileObject visitor = source("test.Visitor", """
        package test;

        import dev.nanoka.*;

        @Model(
            value = "Users")
        public record Visitor(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(USER, visitor);
    assertErrorAtValue(result, Message.DUPLICATE_TABLE, visitor, "value = \"Users\"", "\"Users\"",
        "Table name \"Users\" of Visitor is already used by table of User",
        "SQLite compares names ignoring case", "`@Model(\"Users_2\")`");
  }

  @Test
  void tableOrderFollowsTheSchemaList() {
    JavaFileObject visitor = source("test.Visitor", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record Visitor(@Field(primaryKey = true) long id) {}
        """);
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {Visitor.class, User.class})
        public final class BlogSchema {}
        """);
    Result result = compileFailing(schema, USER, visitor);
    // With @Schema, the list decides which of the two comes second.
    assertError(result, Message.DUPLICATE_TABLE, USER, "@Model(\"users\")",
        "Table name \"users\" of User is already used by table of Visitor");
  }

  @Test
  void duplicateDerivedTableName() {
    JavaFileObject member = source("test.Member", """
        package test;

        import dev.nanoka.*;

        @Model("USERS")
        public record Member(@Field(primaryKey = true) long id) {}
        """);
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model
        public record User(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(user, member);
    // Without @Schema the models are read in name order: test.Member, then test.User, whose
    // derived name "users" clashes; with no name written, the error is at its @Model.
    assertError(result, Message.DUPLICATE_TABLE, user, "@Model",
        "Table name \"users\" of User is already used by table of Member",
        "`@Model(\"users_2\")`");
  }

  @Test
  void duplicateExportName() {
    JavaFileObject snake = source("test.BlogPost", """
        package test;

        import dev.nanoka.*;

        @Model("blog_posts")
        public record BlogPost(@Field(primaryKey = true) long id) {}
        """);
    JavaFileObject camel = source("test.Article", """
        package test;

        import dev.nanoka.*;

        @Model("blogPosts")
        public record Article(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(snake, camel);
    // Read in name order: Article first, so BlogPost is the one that clashes.
    assertError(result, Message.DUPLICATE_EXPORT, snake, "@Model(\"blog_posts\")",
        "Tables \"blogPosts\" and \"blog_posts\" would both be exported as `blogPosts`",
        "`@Model(\"blog_posts_2\")`");
  }

  @Test
  void duplicateIndexName() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index(value = "authorId", name = "posts_by_author")
        @Index(value = {"authorId", "title"}, name = "posts_by_author")
        public record Post(@Field(primaryKey = true) long id, long authorId, String title) {}
        """);
    Result result = compileFailing(post);
    assertErrorAtValue(result, Message.DUPLICATE_INDEX, post,
        "@Index(value = {\"authorId\", \"title\"}", "\"posts_by_author\")",
        "Name \"posts_by_author\" of Post is already used by an index of Post",
        "`name = \"posts_by_author_2\"`");
  }

  @Test
  void duplicateIndexNameAcrossTablesIgnoringCase() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index(value = "title", name = "by_title")
        public record Post(@Field(primaryKey = true) long id, String title) {}
        """);
    JavaFileObject page = source("test.Page", """
        package test;

        import dev.nanoka.*;

        @Model("pages")
        @Index(value = "title", name = "BY_TITLE")
        public record Page(@Field(primaryKey = true) long id, String title) {}
        """);
    Result result = compileFailing(post, page);
    // Read in name order: Page, then Post.
    assertErrorAtValue(result, Message.DUPLICATE_INDEX, post, "name = \"by_title\"",
        "\"by_title\"", "already used by an index of Page", "`name = \"by_title_2\"`");
  }

  @Test
  void indexNamedLikeATable() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index(value = "title", name = "users")
        public record Post(@Field(primaryKey = true) long id, String title) {}
        """);
    Result result = compileFailing(USER, post);
    assertErrorAtValue(result, Message.DUPLICATE_INDEX, post, "name = \"users\"", "\"users\"",
        "Name \"users\" of Post is already used by table of User",
        "tables and indexes share one namespace", "`name = \"users_2\"`");
  }

  @Test
  void derivedIndexNamesThatClash() {
    // @Field(index = true) and @Index("title") both derive posts_title_idx.
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index("title")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(index = true) String title) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.DUPLICATE_INDEX, post, "@Index(\"title\")",
        "Name \"posts_title_idx\" of Post is already used by an index of Post",
        "`name = \"posts_title_idx_2\"`");
  }

  @Test
  void uniqueFieldAndUniqueIndexThatClash() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        @Index(value = "email", unique = true)
        public record User(
            @Field(primaryKey = true) long id,
            @Field(unique = true) String email) {}
        """);
    Result result = compileFailing(user);
    // Of the two, the @Index is reported: it is the one that can be given another name.
    assertError(result, Message.DUPLICATE_INDEX, user, "@Index(value = \"email\", unique = true)",
        "Name \"users_email_unique\" of User is already used by an index of User",
        "`name = \"users_email_unique_2\"`");
  }

  @Test
  void modelMissingFromTheSchemaList() {
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {User.class})
        public final class BlogSchema {}
        """);
    Result result = compileFailing(schema, USER, POST);
    assertError(result, Message.MODEL_NOT_IN_SCHEMA, POST, "@Model(\"posts\")",
        "@Model Post is not listed in @Schema(models) on test.BlogSchema",
        "Add `Post.class` to the list");
  }

  @Test
  void modelMissingFromAPackageSchema() {
    JavaFileObject schema = source("test.package-info", """
        @Schema(models = {User.class})
        package test;

        import dev.nanoka.Schema;
        """);
    Result result = compileFailing(schema, USER, POST);
    assertError(result, Message.MODEL_NOT_IN_SCHEMA, POST, "@Model(\"posts\")",
        "on package test", "Add `Post.class` to the list");
  }

  @Test
  void schemaListsANonModel() {
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {
            User.class,
            String.class})
        public final class BlogSchema {}
        """);
    Result result = compileFailing(schema, USER);
    assertError(result, Message.SCHEMA_LISTS_NON_MODEL, schema, "String.class",
        "@Schema lists String, which has no @Model",
        "Add @Model to String, or remove it from the list");
  }

  @Test
  void schemaListsAModelTwice() {
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {User.class, Post.class,
            User.class})
        public final class BlogSchema {}
        """);
    Result result = compileFailing(schema, USER, POST);
    assertError(result, Message.SCHEMA_LISTS_TWICE, schema, "    User.class})",
        "@Schema lists User twice", "List each model once");
  }

  @Test
  void schemaWithoutModels() {
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {})
        public final class BlogSchema {}
        """);
    Result result = compileFailing(schema);
    assertError(result, Message.SCHEMA_EMPTY, schema, "@Schema(models = {})",
        "`@Schema(models = {User.class, Post.class})`");
  }

  @Test
  void schemaVersionZero() {
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(
            models = {User.class},
            version = 0)
        public final class BlogSchema {}
        """);
    Result result = compileFailing(schema, USER);
    assertErrorAtValue(result, Message.SCHEMA_VERSION, schema, "version = 0", "0",
        "@Schema(version = 0): versions start at 1", "Write `version = 1`");
  }

  @Test
  void twoSchemasWithTheSameExplicitOutput() {
    JavaFileObject blog = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {User.class}, output = "drizzle/schema.ts")
        public final class BlogSchema {}
        """);
    JavaFileObject shop = source("test.ShopSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {Post.class}, output = "drizzle/../drizzle/schema.ts")
        public final class ShopSchema {}
        """);
    Result result = compileFailing(blog, shop, USER, POST);
    assertErrorAtValue(result, Message.SCHEMA_SAME_OUTPUT, shop, "output = ",
        "\"drizzle/../drizzle/schema.ts\"",
        "@Schema on test.ShopSchema writes", "which @Schema on test.BlogSchema writes too",
        "`@Schema(models = {...}, output = \"drizzle/shopschema.ts\")`");
  }

  @Test
  void twoSchemasWithTheSameDefaultOutput() {
    JavaFileObject blog = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {User.class})
        public final class BlogSchema {}
        """);
    JavaFileObject shop = source("test.ShopSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {Post.class})
        public final class ShopSchema {}
        """);
    Result result = compileFailing(blog, shop, USER, POST);
    assertError(result, Message.SCHEMA_SAME_OUTPUT, shop, "@Schema(models = {Post.class})",
        "output = \"drizzle/shopschema.ts\"");
  }

  @Test
  void twoSchemasWithTheSameMigrationsFolder() {
    JavaFileObject blog = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {User.class}, output = "blog/schema.ts", out = "drizzle/migrations")
        public final class BlogSchema {}
        """);
    JavaFileObject shop = source("test.ShopSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {Post.class}, output = "shop/schema.ts",
            out = "drizzle/migrations")
        public final class ShopSchema {}
        """);
    Result result = compileFailing(blog, shop, USER, POST);
    assertErrorAtValue(result, Message.SCHEMA_SAME_MIGRATIONS, shop,
        "out = \"drizzle/migrations\")", "\"drizzle/migrations\"",
        "@Schema on test.ShopSchema writes its migrations to",
        "which @Schema on test.BlogSchema uses too",
        "`@Schema(models = {...}, out = \"drizzle/shopschema-migrations\")`");
  }

  @Test
  void fieldOnARecordWithoutModel() {
    JavaFileObject address = source("test.Address", """
        package test;

        import dev.nanoka.*;

        public record Address(
            @Field(name = "street_name") String street,
            String city) {}
        """);
    Result result = compileFailing(address, USER);
    assertError(result, Message.FIELD_OUTSIDE_MODEL, address, "@Field(name = \"street_name\")",
        "Address has no @Model", "Add `@Model` to Address");
  }

  @Test
  void indexOnATypeWithoutModel() {
    JavaFileObject address = source("test.Address", """
        package test;

        import dev.nanoka.*;

        @Index("city")
        public record Address(String street, String city) {}
        """);
    Result result = compileFailing(address, USER);
    assertError(result, Message.INDEX_OUTSIDE_MODEL, address, "@Index(\"city\")",
        "Address has no @Model", "Add `@Model` to Address");
  }

  @Test
  void repeatedIndexOnATypeWithoutModel() {
    JavaFileObject address = source("test.Address", """
        package test;

        import dev.nanoka.*;

        @Index("city")
        @Index("street")
        public record Address(String street, String city) {}
        """);
    Result result = compileFailing(address, USER);
    assertError(result, Message.INDEX_OUTSIDE_MODEL, address, "@Index(\"city\")",
        "Add `@Model` to Address");
  }

  @Test
  void noOutputIsAWarningAndWritesNothing() {
    Result result = compileWithOptions(List.of("-Ananoka.output="), USER);
    assertThat(result.compilation()).succeeded();
    // Without @Schema there is no annotation to point at: the warning has no position.
    assertThat(result.compilation()).hadWarningContaining(tag(Message.NO_OUTPUT));
    assertThat(result.compilation()).hadWarningContaining(
        "-Ananoka.schemaFile=${project.basedir}/drizzle/schema.ts");
    assertFalse(result.schemaWritten());
  }

  @Test
  void noOutputIsReportedAtTheSchema() {
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {User.class})
        public final class BlogSchema {}
        """);
    Result result = compileWithOptions(List.of("-Ananoka.output="), schema, USER);
    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.NO_OUTPUT, schema, "@Schema(models = {User.class})",
        "Pass `-Ananoka.schemaFile=<path>/schema.ts` to javac", "or set @Schema(output)");
    assertFalse(result.schemaWritten());
  }

  @Test
  void writeFailsUnderARegularFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    Path output = file.resolve("schema.ts");
    Result result = compileWithOptions(List.of("-Ananoka.output=" + output), USER);
    assertThat(result.compilation()).failed();
    assertThat(result.compilation()).hadErrorContaining(tag(Message.WRITE_FAILED));
    assertThat(result.compilation()).hadErrorContaining("Could not write " + output);
    assertThat(result.compilation()).hadErrorContaining(
        "check that -Ananoka.schemaFile, -Ananoka.migrationsDir or @Schema(output/out) name a"
            + " location");
    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void writeFailsForAnUnusablePath() {
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {User.class}, output = "drizzle/\\u0000schema.ts")
        public final class BlogSchema {}
        """);
    Result result = compileFailing(schema, USER);
    assertError(result, Message.WRITE_FAILED, schema, "output = ", "Could not write",
        "check that -Ananoka.schemaFile");
  }
}
