package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.compileFailing;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table and index names that something else in the database owns: SQLite, Cloudflare D1, the
 * migration histories of wrangler, Nanoka and drizzle-orm, and the tables a migration's rebuild
 * creates. Each is refused at the value that names it, saying who owns it and why.
 */
class ReservedNameTest {

  @ParameterizedTest(name = "@Model(\"{0}\")")
  @CsvSource(delimiter = '|', textBlock = """
      d1_migrations              | is the table in which wrangler, and Nanoka's runtime with it, records the migrations applied | app_d1_migrations
      nanoka_migration_checksums | is the table in which Nanoka's runtime records the checksums                             | app_nanoka_migration_checksums
      __drizzle_migrations       | is the table in which drizzle-orm's migrator records the migrations applied             | drizzle_migrations
      __nanoka_keep_posts        | starts with "__nanoka_keep_": a migration that re-creates a table sets rows aside       | nanoka_keep_posts
      __new_posts                | starts with "__new_": a migration that re-creates a table builds the new one as __new_<table> | new_posts
      _cf_KV                     | starts with "_cf_", which Cloudflare D1 reserves for its own tables (such as _cf_KV)     | cf_KV
      __proto__                  | is special in JavaScript: drizzle-kit keeps tables, columns and indexes in objects keyed by name | proto
      """)
  void reservedTableName(String table, String why, String suggestion) {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("%s")
        public record Post(@Field(primaryKey = true) long id) {}
        """.formatted(table));
    Result result = compileFailing(post);
    assertErrorAtValue(result, Message.RESERVED_NAME, post, "@Model(", "\"" + table + "\"",
        "Table name \"" + table + "\" " + why, "Rename it, e.g. `@Model(\"" + suggestion + "\")`");
  }

  /** SQLite compares names ignoring case, so the history's name in other letters is taken too. */
  @Test
  void reservedTableNameIgnoringCase() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("D1_Migrations")
        public record Post(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.RESERVED_NAME, post, "@Model(\"D1_Migrations\")",
        "records the migrations applied to a database (SQLite compares names ignoring case)",
        "`@Model(\"app_D1_Migrations\")`");
  }

  /** A table name derived from the record's name is checked like a written one. */
  @Test
  void derivedTableNameThatIsReserved() {
    JavaFileObject migration = source("test.D1Migration", """
        package test;

        import dev.nanoka.*;

        @Model
        public record D1Migration(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(migration);
    assertError(result, Message.RESERVED_NAME, migration, "@Model",
        "Table name \"d1_migrations\" is the table in which wrangler",
        "`@Model(\"app_d1_migrations\")`");
  }

  @ParameterizedTest(name = "@Index(name = \"{0}\")")
  @CsvSource(delimiter = '|', textBlock = """
      __new_posts   | starts with "__new_"          | new_posts
      d1_migrations | is the table in which wrangler | app_d1_migrations
      _cf_by_author | starts with "_cf_"            | cf_by_author
      __proto__     | is special in JavaScript      | proto
      """)
  void reservedIndexName(String index, String why, String suggestion) {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index(value = "authorId", name = "%s")
        public record Post(@Field(primaryKey = true) long id, long authorId) {}
        """.formatted(index));
    Result result = compileFailing(post);
    assertErrorAtValue(result, Message.RESERVED_NAME, post, "@Index(", "\"" + index + "\"",
        "Index name \"" + index + "\" " + why, "`name = \"" + suggestion + "\"`");
  }

  /**
   * Derived index names start with the table's: table {@code _cf} is fine, its index
   * {@code _cf_authorId_idx} is not. Each declaration is shown with how to name its index.
   */
  @Test
  void derivedIndexNamesThatAreReserved() {
    JavaFileObject note = source("test.Note", """
        package test;

        import dev.nanoka.*;

        @Model("_cf")
        @Index({"authorId", "title"})
        public record Note(
            @Field(primaryKey = true) long id,
            @Field(index = true) long authorId,
            @Field(unique = true) String title) {}
        """);
    Result result = compileFailing(note);
    assertErrorAtValue(result, Message.RESERVED_NAME, note, "index = true", "true",
        "Index name \"_cf_authorId_idx\" starts with \"_cf_\"",
        "`@Index(value = \"authorId\", name = \"cf_authorId_idx\")` on the record instead of"
            + " `index = true`");
    assertErrorAtValue(result, Message.RESERVED_NAME, note, "unique = true", "true",
        "Index name \"_cf_title_unique\" starts with \"_cf_\"",
        "`@Index(value = \"title\", unique = true, name = \"cf_title_unique\")` on the record"
            + " instead of `unique = true`");
    assertError(result, Message.RESERVED_NAME, note, "@Index({",
        "Index name \"_cf_authorId_title_idx\" starts with \"_cf_\"",
        "`name = \"cf_authorId_title_idx\"`");
    assertEquals(3, result.compilation().errors().size(),
        () -> result.compilation().errors().toString());
  }

  /** A reserved table name is one problem: the names derived from it don't repeat it. */
  @Test
  void derivedIndexNamesOfAReservedTableAreNotReportedAgain() {
    JavaFileObject note = source("test.Note", """
        package test;

        import dev.nanoka.*;

        @Model("__new_notes")
        public record Note(
            @Field(primaryKey = true) long id,
            @Field(index = true) long authorId) {}
        """);
    Result result = compileFailing(note);
    assertError(result, Message.RESERVED_NAME, note, "@Model(\"__new_notes\")");
    assertEquals(1, result.compilation().errors().size(),
        () -> result.compilation().errors().toString());
  }

  /** Columns live in their table's own namespace: D1's and the tools' names are free there. */
  @Test
  void columnsMayUseTheTableNamesOfOthers() {
    String schema = schemaOf(source("test.Note", """
        package test;

        import dev.nanoka.*;

        @Model("notes")
        public record Note(
            @Field(primaryKey = true) long id,
            @Field(name = "_cf_KV") String kv,
            @Field(name = "d1_migrations") String migrations,
            @Field(name = "__new_body") String body) {}
        """));
    assertTrue(schema.contains("kv: text('_cf_KV').notNull(),"), schema);
  }
}
