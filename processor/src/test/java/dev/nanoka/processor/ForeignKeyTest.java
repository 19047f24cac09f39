package dev.nanoka.processor;

import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;

import org.junit.jupiter.api.Test;

/**
 * {@code @Field(references = …)}: targets, referential actions, and the explicit column type
 * TypeScript needs when tables refer to themselves. Goldens: {@code golden/ForeignKeyTest/*.ts}.
 */
class ForeignKeyTest {

  private static final String USER = """
      package com.example.fk;

      import dev.nanoka.Field;
      import dev.nanoka.Model;

      @Model("users")
      public record User(
          @Field(primaryKey = true) String id,
          @Field(name = "email_address", unique = true) String email,
          String name) {}
      """;

  @Test
  void targetsThePrimaryKeyOrAUniqueField() {
    String schema = schemaOf(
        source("com.example.fk.User", USER),
        source("com.example.fk.Post", """
            package com.example.fk;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("posts")
            public record Post(
                @Field(primaryKey = true, autoIncrement = true) long id,
                @Field(references = User.class) String authorId,
                @Field(name = "editor_email", references = User.class, referencesField = "email",
                    nullable = true) String editorEmail,
                @Field(references = User.class, index = true) String reviewerId) {}
            """));

    Golden.assertMatches("targets", schema);
  }

  @Test
  void everyReferentialAction() {
    String schema = schemaOf(
        source("com.example.fk.User", USER),
        source("com.example.fk.Audit", """
            package com.example.fk;

            import dev.nanoka.Field;
            import dev.nanoka.Model;
            import dev.nanoka.ReferentialAction;

            @Model("audits")
            public record Audit(
                @Field(primaryKey = true) long id,
                @Field(references = User.class, onDelete = ReferentialAction.NO_ACTION,
                    onUpdate = ReferentialAction.NO_ACTION) String explicitNoAction,
                @Field(references = User.class, onDelete = ReferentialAction.RESTRICT)
                    String deleteRestrict,
                @Field(references = User.class, onDelete = ReferentialAction.CASCADE)
                    String deleteCascade,
                @Field(references = User.class, onDelete = ReferentialAction.SET_NULL,
                    nullable = true) String deleteSetNull,
                @Field(references = User.class, onDelete = ReferentialAction.SET_DEFAULT,
                    defaultValue = "system") String deleteSetDefault,
                @Field(references = User.class, onUpdate = ReferentialAction.RESTRICT)
                    String updateRestrict,
                @Field(references = User.class, onUpdate = ReferentialAction.CASCADE)
                    String updateCascade,
                @Field(references = User.class, onUpdate = ReferentialAction.SET_NULL,
                    nullable = true) String updateSetNull,
                @Field(references = User.class, onUpdate = ReferentialAction.SET_DEFAULT,
                    defaultValue = "system") String updateSetDefault,
                @Field(references = User.class, referencesField = "email",
                    onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE)
                    String both) {}
            """));

    Golden.assertMatches("actions", schema);
  }

  @Test
  void selfReference() {
    String schema = schemaOf(source("com.example.fk.Category", """
        package com.example.fk;

        import dev.nanoka.Field;
        import dev.nanoka.Model;
        import dev.nanoka.ReferentialAction;

        @Model("categories")
        public record Category(
            @Field(primaryKey = true, autoIncrement = true) long id,
            String name,
            @Field(references = Category.class, nullable = true,
                onDelete = ReferentialAction.SET_NULL) Long parentId) {}
        """));

    Golden.assertMatches("selfReference", schema);
  }

  @Test
  void twoTableCycle() {
    String schema = schemaOf(
        source("com.example.fk.Department", """
            package com.example.fk;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("departments")
            public record Department(
                @Field(primaryKey = true) long id,
                String name,
                @Field(references = Employee.class, nullable = true) Long managerId) {}
            """),
        source("com.example.fk.Employee", """
            package com.example.fk;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model("employees")
            public record Employee(
                @Field(primaryKey = true) long id,
                @Field(references = Department.class) long departmentId) {}
            """),
        source("com.example.fk.Badge", """
            package com.example.fk;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            /** Outside the cycle: points into it, so it needs no explicit type. */
            @Model("badges")
            public record Badge(
                @Field(primaryKey = true) long id,
                @Field(references = Employee.class) long employeeId) {}
            """));

    Golden.assertMatches("cycle", schema);
  }
}
