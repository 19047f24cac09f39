package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.compileFailing;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Field(onRowUpdate = NOW)}: {@code .$onUpdate(() => new Date())} in schema.ts, the
 * {@code AFTER UPDATE} trigger in the migration and its removal in the down migration, the
 * option recorded in the snapshot so the next compile's diff knows it, and a compile error at the
 * value for every misuse. Goldens: {@code golden/OnRowUpdateTest/}.
 */
class OnRowUpdateTest {

  @TempDir Path dir;

  private static JavaFileObject schema(int version) {
    return source("com.example.app.AppSchema", """
        package com.example.app;

        import dev.nanoka.Schema;

        @Schema(models = {Post.class}, version = %d)
        final class AppSchema {}
        """.formatted(version));
  }

  private static JavaFileObject post(String updatedAt) {
    return source("com.example.app.Post", """
        package com.example.app;

        import dev.nanoka.ColumnType;
        import dev.nanoka.DefaultFunction;
        import dev.nanoka.Field;
        import dev.nanoka.Model;
        import java.time.Instant;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true, autoIncrement = true) long id,
            String title,
            %s) {}
        """.formatted(updatedAt));
  }

  private static final String WITHOUT =
      "@Field(defaultFunction = DefaultFunction.NOW) Instant updatedAt,\n"
          + "    @Field(type = ColumnType.TIMESTAMP, nullable = true) Instant seenAt";
  private static final String WITH =
      "@Field(defaultFunction = DefaultFunction.NOW, onRowUpdate = DefaultFunction.NOW)"
          + " Instant updatedAt,\n"
          + "    @Field(type = ColumnType.TIMESTAMP, nullable = true,"
          + " onRowUpdate = DefaultFunction.NOW) Instant seenAt";

  @Test
  void addedInALaterVersion() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(schema(1), post(WITHOUT));
    project.compileClean(schema(2), post(WITH));

    Map<String, String> files = project.migrationFiles();
    Golden.assertTreeMatches("addedInALaterVersion", files);
    Golden.assertMatches("schema", MigrationProject.read(project.schemaFile()));

    String up = files.get("0001_on_update_posts_updatedat_and_more.sql");
    assertTrue(up != null, files.keySet().toString());
    assertEquals(2, up.split("CREATE TRIGGER", -1).length - 1, up);
    String down = files.get("down/0001_on_update_posts_updatedat_and_more.sql");
    assertTrue(down.contains("DROP TRIGGER IF EXISTS `posts_updatedAt_on_update`;"), down);
    assertTrue(down.contains("DROP TRIGGER IF EXISTS `posts_seenAt_on_update`;"), down);
    assertTrue(files.get("meta/0001_snapshot.json").contains("\"nanokaOnRowUpdate\""));

    // the snapshot remembers the option: compiling the same models again plans nothing new
    project.age();
    Map<String, String> before = project.files();
    project.compileClean(schema(2), post(WITH));
    project.assertNothingChanged(before);

    // removing it in version 3 drops the triggers and nothing else
    project.compileClean(schema(3), post(WITHOUT));
    String removal = project.migrationFiles().entrySet().stream()
        .filter(e -> e.getKey().startsWith("0002_")).map(Map.Entry::getValue)
        .findFirst().orElseThrow();
    assertEquals(List.of("DROP TRIGGER IF EXISTS `posts_seenAt_on_update`;",
        "DROP TRIGGER IF EXISTS `posts_updatedAt_on_update`;"),
        removal.replace("--> statement-breakpoint", "").lines()
            .filter(l -> !l.startsWith("-- ")).sorted().toList());
  }

  // ------------------------------------------------------------------ misuse

  private static JavaFileObject event(String component) {
    return source("test.Event", """
        package test;

        import dev.nanoka.*;
        import java.time.Instant;

        @Model("events")
        public record Event(
            @Field(primaryKey = true) long id,
            %s) {}
        """.formatted(component));
  }

  @Test
  void randomUuidIsRefused() {
    JavaFileObject event = event(
        "@Field(onRowUpdate = DefaultFunction.RANDOM_UUID) java.util.UUID version");
    Result result = compileFailing(event);
    assertErrorAtValue(result, Message.ON_ROW_UPDATE_INVALID, event, "RANDOM_UUID)",
        ".RANDOM_UUID", "`onRowUpdate = DefaultFunction.RANDOM_UUID` does not fit"
            + " Event.version: only NOW", "set the value in application code");
  }

  @Test
  void nowOnANonInstantIsRefused() {
    JavaFileObject event = event("@Field(onRowUpdate = DefaultFunction.NOW) long touched");
    Result result = compileFailing(event);
    assertErrorAtValue(result, Message.ON_ROW_UPDATE_INVALID, event, "long touched",
        ".NOW", "Event.touched: it is of type long and NOW is for Instant columns",
        "Change the component's type to java.time.Instant");
  }

  @Test
  void aJsonInstantIsRefused() {
    JavaFileObject event = event(
        "@Field(json = true, onRowUpdate = DefaultFunction.NOW) java.util.List<Instant> times");
    Result result = compileFailing(event);
    assertErrorAtValue(result, Message.ON_ROW_UPDATE_INVALID, event, "times",
        ".NOW", "NOW is for Instant columns");
  }

  @Test
  void aPrimaryKeyIsRefused() {
    JavaFileObject event = source("test.Event", """
        package test;

        import dev.nanoka.*;
        import java.time.Instant;

        @Model("events")
        public record Event(
            @Field(primaryKey = true, onRowUpdate = DefaultFunction.NOW) Instant at,
            String what) {}
        """);
    Result result = compileFailing(event);
    assertErrorAtValue(result, Message.ON_ROW_UPDATE_INVALID, event, "Instant at,",
        ".NOW", "(part of) the primary key",
        "`@Field(defaultFunction = DefaultFunction.NOW, onRowUpdate = DefaultFunction.NOW)"
            + " Instant updatedAt`");
  }

  @Test
  void aCompositeKeyComponentIsRefused() {
    JavaFileObject event = source("test.Event", """
        package test;

        import dev.nanoka.*;
        import java.time.Instant;

        @Model(value = "events", primaryKey = {"source", "at"})
        public record Event(
            String source,
            @Field(onRowUpdate = DefaultFunction.NOW) Instant at) {}
        """);
    Result result = compileFailing(event);
    assertErrorAtValue(result, Message.ON_ROW_UPDATE_INVALID, event, "Instant at)",
        ".NOW", "(part of) the primary key");
  }

  @Test
  void twoColumnsWhoseTriggersWouldShareANameAreRefused() {
    JavaFileObject schema = source("test.AppSchema", """
        package test;

        import dev.nanoka.Schema;

        @Schema(models = {A.class, AB.class})
        final class AppSchema {}
        """);
    JavaFileObject a = source("test.A", """
        package test;

        import dev.nanoka.*;
        import java.time.Instant;

        @Model("a")
        public record A(
            @Field(primaryKey = true) long id,
            @Field(name = "b_c", onRowUpdate = DefaultFunction.NOW) Instant bc) {}
        """);
    JavaFileObject ab = source("test.AB", """
        package test;

        import dev.nanoka.*;
        import java.time.Instant;

        @Model("a_b")
        public record AB(
            @Field(primaryKey = true) long id,
            @Field(onRowUpdate = DefaultFunction.NOW) Instant c) {}
        """);
    Result result = compileFailing(schema, a, ab);
    assertErrorAtValue(result, Message.ON_ROW_UPDATE_INVALID, ab, "Instant c)",
        ".NOW", "its trigger would be named \"a_b_c_on_update\", as the trigger"
            + " of A.bc is", "Rename one of the two");
  }
}
