package dev.nanoka.processor;

import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;

import org.junit.jupiter.api.Test;

/**
 * {@code @Field} options other than defaults and references, composite keys and {@code @Index}.
 * Goldens: {@code golden/ColumnOptionsTest/*.ts}.
 */
class ColumnOptionsTest {

  @Test
  void columnOptions() {
    String schema = schemaOf(
        source("com.example.annotations.Nullable", """
            package com.example.annotations;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;

            /** Like Jakarta's or JetBrains' @Nullable: a declaration annotation. */
            @Retention(RetentionPolicy.RUNTIME)
            public @interface Nullable {}
            """),
        source("com.example.jspecify.Nullable", """
            package com.example.jspecify;

            import java.lang.annotation.ElementType;
            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;
            import java.lang.annotation.Target;

            /** Like JSpecify's @Nullable: a type-use annotation. */
            @Retention(RetentionPolicy.RUNTIME)
            @Target(ElementType.TYPE_USE)
            public @interface Nullable {}
            """),
        source("com.example.app.Member", """
            package com.example.app;

            import com.example.annotations.Nullable;
            import dev.nanoka.Field;
            import dev.nanoka.Model;
            import java.time.Instant;

            @Model("members")
            public record Member(
                @Field(primaryKey = true, autoIncrement = true) long id,
                @Field(name = "email_address", unique = true) String email,
                @Field(index = true) String lastName,
                @Field(name = "display_name", nullable = true) String displayName,
                @Nullable String bio,
                @com.example.jspecify.Nullable String website,
                @Nullable @Field(name = "deleted_at", index = true) Instant deletedAt,
                @Field(unique = true, nullable = true) String phone,
                String plain) {}
            """));

    Golden.assertMatches("columnOptions", schema);
  }

  @Test
  void autoIncrementOnEveryIntegerType() {
    String schema = schemaOf(
        source("com.example.app.Counter", """
            package com.example.app;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("counters")
            public record Counter(@Field(primaryKey = true, autoIncrement = true) int id) {}
            """),
        source("com.example.app.BoxedCounter", """
            package com.example.app;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("boxed_counters")
            public record BoxedCounter(@Field(primaryKey = true, autoIncrement = true) Long id) {}
            """));

    Golden.assertMatches("autoIncrement", schema);
  }

  @Test
  void compositeKeyAndIndexes() {
    String schema = schemaOf(source("com.example.app.Enrollment", """
        package com.example.app;

        import dev.nanoka.Field;
        import dev.nanoka.Index;
        import dev.nanoka.Model;
        import java.time.Instant;

        @Model(value = "enrollments", primaryKey = {"courseId", "studentId"})
        @Index({"studentId", "enrolledAt"})
        @Index(value = {"courseId", "seat"}, unique = true)
        @Index(value = {"grade"}, name = "by_grade")
        @Index(value = {"enrolledAt", "courseId"}, unique = true, name = "one_enrollment_per_moment")
        public record Enrollment(
            long courseId,
            @Field(name = "student_id") String studentId,
            int seat,
            @Field(nullable = true, index = true) String grade,
            Instant enrolledAt) {}
        """));

    Golden.assertMatches("compositeKeyAndIndexes", schema);
  }

  @Test
  void singleIndexNeedsNoContainer() {
    String schema = schemaOf(source("com.example.app.Slug", """
        package com.example.app;

        import dev.nanoka.Field;
        import dev.nanoka.Index;
        import dev.nanoka.Model;

        @Model("slugs")
        @Index(value = {"site", "path"}, unique = true)
        public record Slug(@Field(primaryKey = true) String id, String site, String path) {}
        """));

    Golden.assertMatches("singleIndex", schema);
  }
}
