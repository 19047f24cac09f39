package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.compileFailing;
import static dev.nanoka.processor.DiagnosticAssertions.source;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about foreign keys: {@code @Field(references, referencesField, onDelete, onUpdate)}. */
class ReferenceErrorTest {

  private static final JavaFileObject USER = source("test.User", """
      package test;

      import dev.nanoka.*;

      @Model("users")
      public record User(
          @Field(primaryKey = true) long id,
          @Field(unique = true) String email,
          String name) {}
      """);

  private static final JavaFileObject POST_TAG = source("test.PostTag", """
      package test;

      import dev.nanoka.*;

      @Model(value = "post_tags", primaryKey = {"postId", "tagId"})
      public record PostTag(long postId, long tagId) {}
      """);

  @Test
  void referenceToATypeThatIsNotAModel() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(
                references = String.class)
            String authorId) {}
        """);
    Result result = compileFailing(USER, post);
    assertError(result, Message.REFERENCE_NOT_MODEL, post, "references = String.class",
        "Post.authorId references String, which is not a @Model of this schema",
        "Reference one of Post.class, User.class",
        "or add @Model to String and list it in @Schema(models)");
  }

  @Test
  void referenceToAPrimitiveClass() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = long.class) long authorId) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.REFERENCE_NOT_MODEL, post, "references = long.class",
        "Post.authorId references long, which is not a @Model of this schema");
  }

  @Test
  void referenceToAModelMissingFromTheSchema() {
    JavaFileObject tag = source("test.Tag", """
        package test;

        import dev.nanoka.*;

        @Model("tags")
        public record Tag(@Field(primaryKey = true) long id) {}
        """);
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = Tag.class) long tagId) {}
        """);
    JavaFileObject schema = source("test.BlogSchema", """
        package test;

        import dev.nanoka.*;

        @Schema(models = {User.class, Post.class})
        public final class BlogSchema {}
        """);
    Result result = compileFailing(schema, USER, post, tag);
    assertError(result, Message.REFERENCE_NOT_MODEL, post, "references = Tag.class",
        "Post.tagId references Tag, which is not a @Model of this schema",
        "Reference one of User.class, Post.class", "list it in @Schema(models)");
    assertError(result, Message.MODEL_NOT_IN_SCHEMA, tag, "@Model(\"tags\")",
        "Add `Tag.class` to the list");
  }

  @Test
  void referencedFieldThatDoesNotExist() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = User.class,
                referencesField = "mail") String authorEmail) {}
        """);
    Result result = compileFailing(USER, post);
    assertErrorAtValue(result, Message.REFERENCED_FIELD_UNKNOWN, post, "referencesField = \"mail\"",
        "\"mail\"", "Post.authorEmail references field \"mail\" of User",
        "Components: id, email, name");
  }

  @Test
  void referenceToACompositeKey() {
    JavaFileObject vote = source("test.Vote", """
        package test;

        import dev.nanoka.*;

        @Model("votes")
        public record Vote(
            @Field(primaryKey = true) long id,
            @Field(references = PostTag.class) long postTagId) {}
        """);
    Result result = compileFailing(POST_TAG, vote);
    assertError(result, Message.REFERENCE_COMPOSITE_KEY, vote, "references = PostTag.class",
        "Vote.postTagId references PostTag, whose primary key has several columns (postId, tagId)",
        "Reference a unique component: `referencesField = \"…\"`");
  }

  @Test
  void referenceToANonUniqueField() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = User.class, referencesField = "name") String authorName) {}
        """);
    Result result = compileFailing(USER, post);
    assertErrorAtValue(result, Message.REFERENCED_NOT_UNIQUE, post, "referencesField = \"name\"",
        "\"name\"",
        "Post.authorName references User.name, which is neither the primary key nor unique",
        "Mark it `@Field(unique = true)` or reference the primary key");
  }

  @Test
  void referenceWithAnotherType() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = User.class) String authorId) {}
        """);
    Result result = compileFailing(USER, post);
    assertError(result, Message.REFERENCE_TYPE_MISMATCH, post, "references = User.class",
        "Post.authorId is java.lang.String but references User.id, which is long",
        "Give both the same type");
  }

  @Test
  void referencesFieldWithoutReferences() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(referencesField = "email") String authorEmail) {}
        """);
    Result result = compileFailing(USER, post);
    assertErrorAtValue(result, Message.REFERENCE_OPTION_WITHOUT_REFERENCE, post,
        "referencesField = \"email\"", "\"email\"",
        "Post.authorEmail sets referencesField without `references`",
        "Add `references = Parent.class`, or drop referencesField");
  }

  @Test
  void onDeleteWithoutReferences() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(index = true,
                onDelete = ReferentialAction.CASCADE) long authorId) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.REFERENCE_OPTION_WITHOUT_REFERENCE, post,
        "onDelete = ReferentialAction.CASCADE",
        "Post.authorId sets onDelete without `references`", "or drop onDelete");
  }

  @Test
  void onUpdateWithoutReferences() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(onUpdate = ReferentialAction.NO_ACTION) long authorId) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.REFERENCE_OPTION_WITHOUT_REFERENCE, post,
        "onUpdate = ReferentialAction.NO_ACTION", "sets onUpdate without `references`");
  }

  @Test
  void setNullOnDeleteOfANotNullColumn() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = User.class,
                onDelete = ReferentialAction.SET_NULL) long authorId) {}
        """);
    Result result = compileFailing(USER, post);
    assertError(result, Message.SET_NULL_ON_NOT_NULL, post, "onDelete = ReferentialAction.SET_NULL",
        "onDelete = SET_NULL on Post.authorId, which is NOT NULL",
        "Add `nullable = true`, or choose another action");
  }

  @Test
  void setNullOnUpdateOfANotNullColumn() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = User.class, onUpdate = ReferentialAction.SET_NULL) Long authorId) {}
        """);
    Result result = compileFailing(USER, post);
    assertError(result, Message.SET_NULL_ON_NOT_NULL, post, "onUpdate = ReferentialAction.SET_NULL",
        "onUpdate = SET_NULL on Post.authorId", "Add `nullable = true`");
  }

  /** Every broken reference of a schema is reported, not only the first. */
  @Test
  void everyBrokenReferenceIsReported() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(references = User.class, referencesField = "nick") String authorNick,
            @Field(references = PostTag.class) long postTagId,
            @Field(references = User.class) String authorId) {}
        """);
    Result result = compileFailing(USER, POST_TAG, post);
    assertError(result, Message.REFERENCED_FIELD_UNKNOWN, post, "String authorNick");
    assertError(result, Message.REFERENCE_COMPOSITE_KEY, post, "long postTagId");
    assertError(result, Message.REFERENCE_TYPE_MISMATCH, post, "String authorId");
  }
}
