package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.assertWarning;
import static dev.nanoka.processor.DiagnosticAssertions.compile;
import static dev.nanoka.processor.DiagnosticAssertions.compileFailing;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors and warnings about {@code @Field(defaultValue)} and {@code @Field(defaultFunction)}. */
class DefaultErrorTest {

  /** A model with one {@code <type> value} column carrying {@code @Field(<field>)}. */
  private static JavaFileObject modelWith(String type, String field) {
    return source("test.Setting", """
        package test;

        import dev.nanoka.*;

        @Model("settings")
        public record Setting(
            @Field(primaryKey = true) long id,
            @Field(%s)
            %s value) {
          public enum Status { DRAFT, PUBLISHED }
        }
        """.formatted(field, type));
  }

  @ParameterizedTest(name = "{0} with defaultValue = \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      int             | abc                     | not a whole number                     | defaultValue = "0"
      int             | 1.5                     | not a whole number                     | defaultValue = "0"
      int             | ''                      | not a whole number                     | defaultValue = "0"
      int             | 2147483648              | out of range for int (-2147483648..2147483647) | defaultValue = "0"
      Integer         | -2147483649             | out of range for int                   | defaultValue = "0"
      short           | 40000                   | out of range for short (-32768..32767) | defaultValue = "0"
      byte            | 128                     | out of range for byte (-128..127)      | defaultValue = "0"
      Byte            | -129                    | out of range for byte                  | defaultValue = "0"
      long            | 9223372036854775808     | out of range for long                  | defaultValue = "0"
      long            | ten                     | not a whole number                     | defaultValue = "0"
      double          | 1,5                     | not a number                           | defaultValue = "0.0"
      Float           | NaN                     | not a number                           | defaultValue = "0.0"
      double          | ' 1.5'                  | not a number                           | defaultValue = "0.0"
      java.math.BigDecimal | 12.5.1             | not a number                           | defaultValue = "0.0"
      boolean         | yes                     | a boolean default is true or false     | defaultValue = "false"
      Boolean         | TRUE                    | a boolean default is true or false     | defaultValue = "false"
      boolean         | 1                       | a boolean default is true or false     | defaultValue = "false"
      Status          | ARCHIVED                | not a constant of the enum (DRAFT, PUBLISHED) | defaultValue = "DRAFT"
      Status          | draft                   | not a constant of the enum             | defaultValue = "DRAFT"
      java.util.UUID  | not-a-uuid              | not a UUID                             | defaultValue = "123e4567-e89b-12d3-a456-426614174000"
      java.util.UUID  | 123e4567e89b12d3a456426614174000 | not a UUID                    | defaultValue = "123e4567-e89b-12d3-a456-426614174000"
      java.time.Instant | 2024-01-01            | not an ISO-8601 instant (for the current time use defaultFunction = NOW) | defaultValue = "2024-01-01T00:00:00Z"
      java.time.Instant | now                   | for the current time use defaultFunction = NOW | defaultValue = "2024-01-01T00:00:00Z"
      java.time.Instant | 2024-01-01T00:00:00.000001Z | the column stores milliseconds, this instant is finer | defaultValue = "2024-01-01T00:00:00Z"
      java.time.Instant | +1000000000-01-01T00:00:00Z | too far from 1970          | defaultValue = "2024-01-01T00:00:00Z"
      """)
  void defaultThatDoesNotFit(String type, String value, String why, String suggestion) {
    JavaFileObject setting = modelWith(type, "defaultValue = \"" + value + "\"");
    Result result = compileFailing(setting);
    assertErrorAtValue(result, Message.DEFAULT_MISMATCH, setting, "@Field(defaultValue",
        "\"" + value + "\"", "Default \"" + value + "\" does not fit Setting.value", why,
        "Write e.g. `@Field(" + suggestion + ")`");
  }

  @Test
  void instantWithAFractionOnASecondsColumn() {
    JavaFileObject event = source("test.Event", """
        package test;

        import dev.nanoka.*;
        import java.time.Instant;

        @Model("events")
        public record Event(
            @Field(primaryKey = true) long id,
            @Field(type = ColumnType.TIMESTAMP,
                defaultValue = "2024-01-01T00:00:00.500Z") Instant startsAt) {}
        """);
    Result result = compileFailing(event);
    assertErrorAtValue(result, Message.DEFAULT_MISMATCH, event,
        "defaultValue = \"2024-01-01T00:00:00.500Z\"", "\"2024-01-01T00:00:00.500Z\"",
        "Default \"2024-01-01T00:00:00.500Z\" does not fit Event.startsAt (java.time.Instant)",
        "the column stores whole seconds, this instant has a fraction",
        "`@Field(defaultValue = \"2024-01-01T00:00:00Z\")`");
  }

  @Test
  void defaultValueAndDefaultFunctionTogether() {
    JavaFileObject event = source("test.Event", """
        package test;

        import dev.nanoka.*;
        import java.time.Instant;

        @Model("events")
        public record Event(
            @Field(primaryKey = true) long id,
            @Field(defaultValue = "2024-01-01T00:00:00Z",
                defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
        """);
    Result result = compileFailing(event);
    assertError(result, Message.DEFAULT_TWICE, event, "defaultFunction = DefaultFunction.NOW",
        "Event.createdAt has both defaultValue and defaultFunction", "Keep one");
  }

  @Test
  void nowOnAString() {
    JavaFileObject event = source("test.Event", """
        package test;

        import dev.nanoka.*;

        @Model("events")
        public record Event(
            @Field(primaryKey = true) long id,
            @Field(defaultFunction = DefaultFunction.NOW) String createdAt) {}
        """);
    Result result = compileFailing(event);
    assertError(result, Message.DEFAULT_FUNCTION_MISMATCH, event,
        "defaultFunction = DefaultFunction.NOW",
        "`defaultFunction = DefaultFunction.NOW` does not fit Event.createdAt of type"
            + " java.lang.String",
        "NOW is for Instant columns", "Change the component's type, or drop defaultFunction");
  }

  @Test
  void randomUuidOnAnInt() {
    JavaFileObject event = source("test.Event", """
        package test;

        import dev.nanoka.*;

        @Model("events")
        public record Event(
            @Field(primaryKey = true,
                defaultFunction = DefaultFunction.RANDOM_UUID) int id) {}
        """);
    Result result = compileFailing(event);
    assertError(result, Message.DEFAULT_FUNCTION_MISMATCH, event,
        "defaultFunction = DefaultFunction.RANDOM_UUID",
        "`defaultFunction = DefaultFunction.RANDOM_UUID` does not fit Event.id of type int",
        "RANDOM_UUID is for UUID and String columns");
  }

  @Test
  void defaultOnABlobIsIgnoredWithAWarning() {
    JavaFileObject file = source("test.Attachment", """
        package test;

        import dev.nanoka.*;

        @Model("attachments")
        public record Attachment(
            @Field(primaryKey = true) long id,
            @Field(defaultValue = "cafe") byte[] data) {}
        """);
    Result result = compile(file);
    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.DEFAULT_NOT_RENDERED, file, "defaultValue = \"cafe\"",
        "Default \"cafe\" of Attachment.data is ignored: byte[] columns can't carry a default",
        "Set the value in application code, or remove defaultValue");
    assertTrue(result.schemaWritten(), "a warning does not stop schema.ts");
    String schema = result.schema();
    assertTrue(schema.contains("blob('data'"), schema);
    assertFalse(schema.contains("cafe"), schema);
    assertFalse(schema.contains(".default("), schema);
  }

  @Test
  void defaultOnJsonIsIgnoredWithAWarning() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;
        import java.util.List;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(json = true,
                defaultValue = "[\\"news\\"]") List<String> tags) {}
        """);
    Result result = compile(post);
    assertThat(result.compilation()).succeeded();
    assertWarning(result, Message.DEFAULT_NOT_RENDERED, post, "defaultValue = ",
        "of Post.tags is ignored: JSON columns can't carry a default");
    String schema = result.schema();
    assertTrue(schema.contains("text('tags', { mode: 'json' })"), schema);
    assertFalse(schema.contains("news"), schema);
    assertFalse(schema.contains(".default("), schema);
  }

  /**
   * Text a migration file can't carry as a literal that reads back the same. The first column
   * is the default as written in the Java source.
   */
  static Stream<Arguments> unwritableText() {
    return Stream.of(
        Arguments.of("a\\0b", "the character U+0000 at index 1",
            "SQLite stops reading a migration's SQL at it"),
        Arguments.of("x --> statement-breakpoint y",
            "the text \"--> statement-breakpoint\" at index 2",
            "drizzle's migrator and Nanoka's split a migration file into statements wherever it"
                + " appears, even inside a string literal"),
        Arguments.of("line one\\nline two", "the character U+000A at index 8",
            "git or an editor that converts line endings"),
        Arguments.of("a\\r\\nb", "the character U+000D at index 1",
            "migration checksums ignore line endings, so nothing would notice"),
        Arguments.of("\\uD800x", "the character U+D800 at index 0",
            "half of a surrogate pair is no character, and UTF-8 files can't hold it"));
  }

  @ParameterizedTest(name = "defaultValue = \"{0}\"")
  @MethodSource("unwritableText")
  void textNoMigrationCanCarry(String written, String what, String why) {
    JavaFileObject setting = modelWith("String", "defaultValue = \"" + written + "\"");
    Result result = compileFailing(setting);
    assertErrorAtValue(result, Message.DEFAULT_UNSAFE_TEXT, setting, "@Field(defaultValue",
        "\"" + written + "\"", "Default of Setting.value contains " + what, why,
        "Remove it from defaultValue, or set such a value in application code.");
  }
}
