package dev.nanoka.processor;

import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * Every kind of column default: literals of each type, database functions and client-side
 * functions. Goldens: {@code golden/DefaultsTest/*.ts}.
 */
class DefaultsTest {

  private static final String PRIORITY = """
      package com.example.defaults;

      public enum Priority { LOW, MEDIUM, HIGH }
      """;

  /**
   * A literal of every type. Whole numbers beyond 2^53 would be rounded as JavaScript numbers
   * (and drizzle-kit would then write another default), so they go in as SQL, like instants.
   */
  @Test
  void literalDefaults() {
    // In the Java source: "it's a \\ path", i.e. the value  it's a \ path
    String schema = schemaOf(
        source("com.example.defaults.Priority", PRIORITY),
        source("com.example.defaults.Setting", """
            package com.example.defaults;

            import dev.nanoka.ColumnType;
            import dev.nanoka.Field;
            import dev.nanoka.Model;
            import java.math.BigDecimal;
            import java.time.Instant;
            import java.util.UUID;

            @Model("settings")
            public record Setting(
                @Field(primaryKey = true) long id,
                @Field(defaultValue = "it's a \\\\ path") String motto,
                @Field(defaultValue = "") String empty,
                @Field(nullable = true, defaultValue = "anonymous") String nickname,
                @Field(defaultValue = "42") int answer,
                @Field(defaultValue = "-7") long offset,
                @Field(defaultValue = "-128") byte smallest,
                @Field(defaultValue = "-9007199254740991") long smallestExactInJavaScript,
                @Field(defaultValue = "9007199254740992") long beyondJavaScriptNumbers,
                @Field(defaultValue = "9223372036854775807") Long largest,
                @Field(defaultValue = "0.25") double ratio,
                @Field(defaultValue = "-1.5") Float delta,
                @Field(defaultValue = "true") boolean enabled,
                @Field(defaultValue = "false") Boolean archived,
                @Field(defaultValue = "MEDIUM") Priority priority,
                @Field(defaultValue = "19.90") BigDecimal price,
                @Field(type = ColumnType.NUMERIC, defaultValue = "-0.5") BigDecimal discount,
                @Field(defaultValue = "123E4567-E89B-12D3-A456-426614174000") UUID fixedId,
                @Field(defaultValue = "2024-01-01T00:00:00.123Z") Instant startsAt,
                @Field(type = ColumnType.TIMESTAMP, defaultValue = "2024-01-01T00:00:00Z")
                    Instant startsAtSeconds,
                @Field(defaultValue = "1969-12-31T23:59:59Z") Instant beforeEpoch) {}
            """));

    Golden.assertMatches("literals", schema);
  }

  @Test
  void functionDefaults() {
    String schema = schemaOf(source("com.example.defaults.Session", """
        package com.example.defaults;

        import dev.nanoka.ColumnType;
        import dev.nanoka.DefaultFunction;
        import dev.nanoka.Field;
        import dev.nanoka.Model;
        import java.time.Instant;
        import java.util.UUID;

        @Model("sessions")
        public record Session(
            @Field(primaryKey = true, defaultFunction = DefaultFunction.RANDOM_UUID) UUID id,
            @Field(unique = true, defaultFunction = DefaultFunction.RANDOM_UUID) String token,
            @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt,
            @Field(type = ColumnType.TIMESTAMP, defaultFunction = DefaultFunction.NOW)
                Instant createdAtSeconds,
            @Field(nullable = true, defaultFunction = DefaultFunction.NOW) Instant touchedAt) {}
        """));

    Golden.assertMatches("functions", schema);
  }

  @Test
  void sqlIsImportedOnlyWhenADefaultUsesIt() {
    String withoutSql = schemaOf(source("com.example.defaults.Plain", """
        package com.example.defaults;

        import dev.nanoka.DefaultFunction;
        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("plain")
        public record Plain(
            @Field(primaryKey = true, defaultFunction = DefaultFunction.RANDOM_UUID) String id,
            @Field(defaultValue = "0") int count) {}
        """));

    assertFalse(withoutSql.contains("import { sql }"), withoutSql);
    assertFalse(withoutSql.contains("sql`"), withoutSql);
  }
}
