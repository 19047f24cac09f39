package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A small blog's models as a developer evolves them over four schema versions, one source set
 * per version:
 *
 * <ol>
 *   <li>users, posts (ON DELETE CASCADE to users, indexed) and sessions;
 *   <li>adds {@code users.nickname}, renames {@code users.fullName} to {@code displayName}
 *       ({@code @Field(renamedFrom)});
 *   <li>makes {@code nickname} NOT NULL with a default: SQLite rebuilds users, whose children
 *       posts and sessions cascade on delete;
 *   <li>renames posts to articles ({@code @Model(renamedFrom)}), drops sessions
 *       ({@code @Schema(droppedTables)}) while comments appears, drops {@code users.legacyCode}
 *       ({@code @Model(droppedColumns)}) while {@code bio} appears.
 * </ol>
 */
final class BlogHistory {

  private BlogHistory() {}

  static final String PACKAGE = "com.example.blog";

  static JavaFileObject schema(int version, String models, String extra) {
    return source(PACKAGE + ".BlogSchema", """
        package com.example.blog;

        import dev.nanoka.Schema;

        @Schema(models = {%s}, version = %d%s)
        final class BlogSchema {}
        """.formatted(models, version, extra));
  }

  static final JavaFileObject USER_V1 = source(PACKAGE + ".User", """
      package com.example.blog;

      import dev.nanoka.DefaultFunction;
      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import java.time.Instant;

      @Model("users")
      public record User(
          @Field(primaryKey = true, autoIncrement = true) long id,
          @Field(unique = true) String email,
          String fullName,
          @Field(nullable = true) String legacyCode,
          @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
      """);

  static final JavaFileObject USER_V2 = source(PACKAGE + ".User", """
      package com.example.blog;

      import dev.nanoka.DefaultFunction;
      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import java.time.Instant;

      @Model("users")
      public record User(
          @Field(primaryKey = true, autoIncrement = true) long id,
          @Field(unique = true) String email,
          @Field(renamedFrom = "fullName") String displayName,
          @Field(nullable = true) String legacyCode,
          @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt,
          @Field(nullable = true) String nickname) {}
      """);

  static final JavaFileObject USER_V3 = source(PACKAGE + ".User", """
      package com.example.blog;

      import dev.nanoka.DefaultFunction;
      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import java.time.Instant;

      @Model("users")
      public record User(
          @Field(primaryKey = true, autoIncrement = true) long id,
          @Field(unique = true) String email,
          @Field(renamedFrom = "fullName") String displayName,
          @Field(nullable = true) String legacyCode,
          @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt,
          @Field(defaultValue = "") String nickname) {}
      """);

  static final JavaFileObject USER_V4 = source(PACKAGE + ".User", """
      package com.example.blog;

      import dev.nanoka.DefaultFunction;
      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import java.time.Instant;

      @Model(value = "users", droppedColumns = {"legacyCode"})
      public record User(
          @Field(primaryKey = true, autoIncrement = true) long id,
          @Field(unique = true) String email,
          @Field(renamedFrom = "fullName") String displayName,
          @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt,
          @Field(defaultValue = "") String nickname,
          @Field(nullable = true) String bio) {}
      """);

  static final JavaFileObject POST = source(PACKAGE + ".Post", """
      package com.example.blog;

      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import dev.nanoka.ReferentialAction;

      @Model("posts")
      public record Post(
          @Field(primaryKey = true, autoIncrement = true) long id,
          @Field(references = User.class, onDelete = ReferentialAction.CASCADE, index = true)
              long authorId,
          String title,
          @Field(nullable = true) String body,
          @Field(defaultValue = "DRAFT") Status status) {

        public enum Status { DRAFT, PUBLISHED }
      }
      """);

  static final JavaFileObject POST_V4 = source(PACKAGE + ".Post", """
      package com.example.blog;

      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import dev.nanoka.ReferentialAction;

      @Model(value = "articles", renamedFrom = "posts")
      public record Post(
          @Field(primaryKey = true, autoIncrement = true) long id,
          @Field(references = User.class, onDelete = ReferentialAction.CASCADE, index = true)
              long authorId,
          String title,
          @Field(nullable = true) String body,
          @Field(defaultValue = "DRAFT") Status status) {

        public enum Status { DRAFT, PUBLISHED }
      }
      """);

  static final JavaFileObject SESSION = source(PACKAGE + ".Session", """
      package com.example.blog;

      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import dev.nanoka.ReferentialAction;
      import java.time.Instant;

      @Model("sessions")
      public record Session(
          @Field(primaryKey = true) String token,
          @Field(references = User.class, onDelete = ReferentialAction.CASCADE) long userId,
          Instant expiresAt) {}
      """);

  static final JavaFileObject COMMENT = source(PACKAGE + ".Comment", """
      package com.example.blog;

      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import dev.nanoka.ReferentialAction;

      @Model("comments")
      public record Comment(
          @Field(primaryKey = true, autoIncrement = true) long id,
          @Field(references = Post.class, onDelete = ReferentialAction.CASCADE) long articleId,
          String body) {}
      """);

  /** The sources of a version, {@code @Schema} first. */
  static List<JavaFileObject> version(int version) {
    return switch (version) {
      case 1 -> List.of(schema(1, "User.class, Post.class, Session.class", ""),
          USER_V1, POST, SESSION);
      case 2 -> List.of(schema(2, "User.class, Post.class, Session.class", ""),
          USER_V2, POST, SESSION);
      case 3 -> List.of(schema(3, "User.class, Post.class, Session.class", ""),
          USER_V3, POST, SESSION);
      case 4 -> List.of(
          schema(4, "User.class, Post.class, Comment.class", ", droppedTables = {\"sessions\"}"),
          USER_V4, POST_V4, COMMENT);
      default -> throw new IllegalArgumentException("no version " + version);
    };
  }

  static JavaFileObject[] sources(int version) {
    return version(version).toArray(JavaFileObject[]::new);
  }
}
