package dev.nanoka.processor;

import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;

import org.junit.jupiter.api.Test;

/**
 * How each supported Java type becomes a column, and how JSON columns get their TypeScript
 * types. Goldens: {@code golden/TypeMappingTest/*.ts}.
 */
class TypeMappingTest {

  @Test
  void scalarsAndTheirBoxes() {
    String schema = schemaOf(source("com.example.types.Scalars", """
        package com.example.types;

        import dev.nanoka.Field;
        import dev.nanoka.Model;
        import java.util.UUID;

        @Model("scalars")
        public record Scalars(
            @Field(primaryKey = true) UUID id,
            String text,
            int intValue,
            Integer boxedInt,
            long longValue,
            Long boxedLong,
            short shortValue,
            Short boxedShort,
            byte byteValue,
            Byte boxedByte,
            double doubleValue,
            Double boxedDouble,
            float floatValue,
            Float boxedFloat,
            boolean flag,
            Boolean boxedFlag,
            byte[] data) {}
        """));

    Golden.assertMatches("scalars", schema);
  }

  @Test
  void instantsInMillisecondsOrSeconds() {
    String schema = schemaOf(source("com.example.types.Event", """
        package com.example.types;

        import dev.nanoka.ColumnType;
        import dev.nanoka.Field;
        import dev.nanoka.Model;
        import java.time.Instant;

        @Model("events")
        public record Event(
            @Field(primaryKey = true) long id,
            Instant happenedAt,
            @Field(type = ColumnType.TIMESTAMP_MS) Instant explicitMillis,
            @Field(type = ColumnType.TIMESTAMP) Instant seconds) {}
        """));

    Golden.assertMatches("instants", schema);
  }

  @Test
  void bigDecimalAsTextOrNumeric() {
    String schema = schemaOf(source("com.example.types.Price", """
        package com.example.types;

        import dev.nanoka.ColumnType;
        import dev.nanoka.Field;
        import dev.nanoka.Model;
        import java.math.BigDecimal;

        @Model("prices")
        public record Price(
            @Field(primaryKey = true) long id,
            BigDecimal exact,
            @Field(type = ColumnType.TEXT) BigDecimal explicitText,
            @Field(type = ColumnType.NUMERIC) BigDecimal approximate) {}
        """));

    Golden.assertMatches("bigDecimal", schema);
  }

  @Test
  void enumsAreTextInDeclarationOrder() {
    String schema = schemaOf(
        source("com.example.types.Priority", """
            package com.example.types;

            public enum Priority { LOW, MEDIUM, HIGH, URGENT }
            """),
        source("com.example.types.Ticket", """
            package com.example.types;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("tickets")
            public record Ticket(
                @Field(primaryKey = true) long id,
                Priority priority,
                Status status) {

              /** Deliberately not alphabetical: the order written is the order kept. */
              public enum Status {
                OPEN, IN_PROGRESS, BLOCKED, DONE;

                public String label() {
                  return name().toLowerCase();
                }
              }
            }
            """));

    Golden.assertMatches("enums", schema);
  }

  @Test
  void jsonColumnsOfRecordsAndCollections() {
    String schema = schemaOf(
        source("com.example.types.Role", """
            package com.example.types;

            public enum Role { ADMIN, EDITOR, VIEWER }
            """),
        source("com.example.types.Nullable", """
            package com.example.types;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;

            /** Any annotation named Nullable counts, like JSR-305's or Jakarta's. */
            @Retention(RetentionPolicy.CLASS)
            public @interface Nullable {}
            """),
        source("com.example.types.Address", """
            package com.example.types;

            public record Address(String street, String city, @Nullable String zip, Geo geo) {
              public record Geo(double lat, double lng) {}
            }
            """),
        source("com.example.types.Category", """
            package com.example.types;

            import java.util.List;

            /** Refers to itself: a tree of categories. */
            public record Category(String name, List<Category> children, Category parent) {}
            """),
        source("com.example.types.Profile", """
            package com.example.types;

            import java.time.Duration;
            import java.time.Instant;
            import java.time.LocalDate;
            import java.time.LocalDateTime;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.Set;
            import java.util.UUID;

            public record Profile(
                String displayName,
                Optional<String> nickname,
                List<String> tags,
                Set<Role> roles,
                Map<String, Integer> counters,
                int[] scores,
                String[][] grid,
                List<Address> addresses,
                Map<String, List<Role>> rolesByTeam,
                Instant updatedAt,
                LocalDate birthday,
                LocalDateTime lastLogin,
                Duration sessionLength,
                UUID externalId,
                byte[] avatar,
                boolean verified,
                Long followers) {}
            """),
        source("com.example.types.Account", """
            package com.example.types;

            import dev.nanoka.Field;
            import dev.nanoka.Model;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;

            @Model("accounts")
            public record Account(
                @Field(primaryKey = true) long id,
                @Field(json = true) Profile profile,
                @Field(json = true) Address address,
                @Field(json = true) Category rootCategory,
                @Field(json = true) List<String> aliases,
                @Field(json = true) Set<Role> roles,
                @Field(json = true) Map<String, Integer> quotas,
                @Field(json = true) long[] history,
                @Field(json = true, nullable = true) Address billingAddress) {}
            """));

    Golden.assertMatches("json", schema);
  }

  @Test
  void jsonRecordsWithTheSameSimpleNameGetNumberedAliases() {
    String schema = schemaOf(
        source("com.example.shipping.Address", """
            package com.example.shipping;

            public record Address(String street, String postcode) {}
            """),
        source("com.example.billing.Address", """
            package com.example.billing;

            public record Address(String vatId, String country) {}
            """),
        source("com.example.orders.Order", """
            package com.example.orders;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("orders")
            public record Order(
                @Field(primaryKey = true) long id,
                @Field(json = true) com.example.shipping.Address shipTo,
                @Field(json = true) com.example.billing.Address billTo) {}
            """));

    Golden.assertMatches("sameSimpleName", schema);
  }

  /** A record named Record would hide the TypeScript type that maps are written with. */
  @Test
  void jsonAliasesAvoidTypeScriptNamesTheFileUses() {
    String schema = schemaOf(
        source("com.example.audit.Record", """
            package com.example.audit;

            import java.util.Map;

            public record Record(String kind, Map<String, String> details) {}
            """),
        source("com.example.audit.Entry", """
            package com.example.audit;

            import dev.nanoka.Field;
            import dev.nanoka.Model;
            import java.util.Map;

            @Model("entries")
            public record Entry(
                @Field(primaryKey = true) long id,
                @Field(json = true) Record record,
                @Field(json = true) Map<String, Integer> counts) {}
            """));

    Golden.assertMatches("aliasAvoidsTypeScriptNames", schema);
  }
}
