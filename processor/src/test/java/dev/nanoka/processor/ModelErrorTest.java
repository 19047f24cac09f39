package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.compileFailing;
import static dev.nanoka.processor.DiagnosticAssertions.errorCount;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about one {@code @Model} as a whole: its kind, keys, key and index lists, names. */
class ModelErrorTest {

  @Test
  void modelOnAClass() {
    JavaFileObject thing = source("test.Thing", """
        package test;

        import dev.nanoka.Model;

        @Model("things")
        public class Thing {
          String id;
        }
        """);
    Result result = compileFailing(thing);
    assertError(result, Message.MODEL_NOT_RECORD, thing, "@Model(\"things\")",
        "Thing is a class", "public record Thing(...)");
  }

  @Test
  void modelOnAnInterface() {
    JavaFileObject thing = source("test.Thing", """
        package test;

        import dev.nanoka.Model;

        @Model
        public interface Thing {}
        """);
    Result result = compileFailing(thing);
    assertError(result, Message.MODEL_NOT_RECORD, thing, "@Model",
        "Thing is an interface", "public record Thing(...)");
  }

  @Test
  void modelOnAnEnum() {
    JavaFileObject status = source("test.Status", """
        package test;

        import dev.nanoka.Model;

        @Model("statuses")
        public enum Status { DRAFT, PUBLISHED }
        """);
    Result result = compileFailing(status);
    assertError(result, Message.MODEL_NOT_RECORD, status, "@Model(\"statuses\")",
        "Status is an enum", "public record Status(...)");
  }

  @Test
  void genericRecord() {
    JavaFileObject box = source("test.Box", """
        package test;

        import dev.nanoka.*;

        @Model("boxes")
        public record Box<T>(@Field(primaryKey = true) long id, @Field(json = true) T content) {}
        """);
    Result result = compileFailing(box);
    assertError(result, Message.MODEL_GENERIC, box, "@Model(\"boxes\")", "Remove <T>");
  }

  @Test
  void emptyRecord() {
    JavaFileObject empty = source("test.Empty", """
        package test;

        import dev.nanoka.*;

        @Model("empties")
        public record Empty() {}
        """);
    Result result = compileFailing(empty);
    assertError(result, Message.MODEL_NO_COMPONENTS, empty, "@Model(\"empties\")",
        "at least one column", "`record Empty(@Field(primaryKey = true) long id)`");
  }

  @Test
  void noPrimaryKey() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(String email, String name) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.NO_PRIMARY_KEY, user, "@Model(\"users\")",
        "`@Field(primaryKey = true)`", "`@Model(value = \"users\", primaryKey = {\"a\", \"b\"})`");
  }

  @Test
  void noPrimaryKeyWithDerivedTableName() {
    JavaFileObject post = source("test.BlogPost", """
        package test;

        import dev.nanoka.*;

        @Model
        public record BlogPost(String title) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.NO_PRIMARY_KEY, post, "@Model",
        "`@Model(value = \"blog_posts\", primaryKey = {\"a\", \"b\"})`");
  }

  @Test
  void twoPrimaryKeyFieldsPointToTheCompositeForm() {
    JavaFileObject tag = source("test.PostTag", """
        package test;

        import dev.nanoka.*;

        @Model("post_tags")
        public record PostTag(
            @Field(primaryKey = true) long postId,
            @Field(primaryKey = true) long tagId) {}
        """);
    Result result = compileFailing(tag);
    assertError(result, Message.TWO_PRIMARY_KEYS, tag, "long tagId",
        "PostTag.postId and PostTag.tagId",
        "`@Model(value = \"post_tags\", primaryKey = {\"postId\", \"tagId\"})`");
  }

  @Test
  void primaryKeyOnModelAndField() {
    JavaFileObject tag = source("test.PostTag", """
        package test;

        import dev.nanoka.*;

        @Model(value = "post_tags", primaryKey = {"postId", "tagId"})
        public record PostTag(
            @Field(primaryKey = true) long postId,
            long tagId) {}
        """);
    Result result = compileFailing(tag);
    assertError(result, Message.PRIMARY_KEY_TWICE, tag, "long postId",
        "remove primaryKey from the field, or remove the model's primaryKey list");
  }

  @Test
  void unknownComponentInPrimaryKey() {
    JavaFileObject tag = source("test.PostTag", """
        package test;

        import dev.nanoka.*;

        @Model(
            value = "post_tags",
            primaryKey = {"postId", "tag"})
        public record PostTag(long postId, long tagId) {}
        """);
    Result result = compileFailing(tag);
    assertErrorAtValue(result, Message.UNKNOWN_COMPONENT, tag, "primaryKey = {", "\"tag\"",
        "@Model(primaryKey) names \"tag\"", "Components: postId, tagId");
  }

  @Test
  void duplicateComponentInPrimaryKey() {
    JavaFileObject tag = source("test.PostTag", """
        package test;

        import dev.nanoka.*;

        @Model(
            value = "post_tags",
            primaryKey = {"postId", "postId"})
        public record PostTag(long postId, long tagId) {}
        """);
    Result result = compileFailing(tag);
    assertErrorAtValue(result, Message.DUPLICATE_IN_LIST, tag, "primaryKey = {", "\"postId\"}",
        "\"postId\" twice", "Name each component once");
  }

  @Test
  void unknownComponentInIndex() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index({"authorId", "created"})
        public record Post(@Field(primaryKey = true) long id, long authorId, long createdAt) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.UNKNOWN_COMPONENT, post, "@Index({",
        "@Index names \"created\"", "Components: authorId, createdAt, id");
  }

  @Test
  void unknownComponentInARepeatedIndex() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index("authorId")
        @Index(value = {"title"}, unique = true)
        public record Post(@Field(primaryKey = true) long id, long authorId, String name) {}
        """);
    Result result = compileFailing(post);
    assertErrorAtValue(result, Message.UNKNOWN_COMPONENT, post, "@Index(value = {\"title\"}",
        "\"title\"",
        "@Index names \"title\"", "Components: authorId, id, name");
  }

  @Test
  void duplicateComponentInIndex() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index({"authorId", "authorId"})
        public record Post(@Field(primaryKey = true) long id, long authorId) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.DUPLICATE_IN_LIST, post, "@Index({",
        "@Index names \"authorId\" twice");
  }

  @Test
  void emptyIndex() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index({})
        public record Post(@Field(primaryKey = true) long id, long authorId) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.EMPTY_LIST, post, "@Index({})",
        "@Index is empty", "e.g. {\"authorId\"}");
  }

  @Test
  void nullableMemberOfCompositeKey() {
    JavaFileObject tag = source("test.PostTag", """
        package test;

        import dev.nanoka.*;

        @Model(value = "post_tags", primaryKey = {"postId", "tagId"})
        public record PostTag(
            long postId,
            @Field(nullable = true) Long tagId) {}
        """);
    Result result = compileFailing(tag);
    assertError(result, Message.NULLABLE_PRIMARY_KEY, tag, "Long tagId",
        "PostTag.tagId is part of the primary key", "Drop nullable");
  }

  @Test
  void autoIncrementInCompositeKey() {
    JavaFileObject tag = source("test.PostTag", """
        package test;

        import dev.nanoka.*;

        @Model(value = "post_tags", primaryKey = {"postId", "tagId"})
        public record PostTag(
            @Field(autoIncrement = true) long postId,
            long tagId) {}
        """);
    Result result = compileFailing(tag);
    assertError(result, Message.AUTOINCREMENT_INVALID, tag, "long postId",
        "PostTag.postId is part of a composite key",
        "`@Field(primaryKey = true, autoIncrement = true) long id`");
  }

  @Test
  void invalidTableName() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("user accounts")
        public record User(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.INVALID_NAME, user, "@Model(\"user accounts\")",
        "\"user accounts\" is not a valid table name", "`@Model(\"user_accounts\")`");
  }

  @Test
  void tableNameStartingWithADigit() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("2users")
        public record User(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.INVALID_NAME, user, "@Model(\"2users\")",
        "`@Model(\"t_2users\")`");
  }

  @Test
  void reservedTableName() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("sqlite_users")
        public record User(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.RESERVED_NAME, user, "@Model(\"sqlite_users\")",
        "Table name \"sqlite_users\"", "`@Model(\"users\")`");
  }

  @Test
  void reservedTableNameIgnoringCase() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("SQLite_Users")
        public record User(@Field(primaryKey = true) long id) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.RESERVED_NAME, user, "@Model(\"SQLite_Users\")",
        "`@Model(\"Users\")`");
  }

  @Test
  void invalidIndexName() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index(value = "authorId", name = "by-author")
        public record Post(@Field(primaryKey = true) long id, long authorId) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.INVALID_NAME, post, "name = \"by-author\"",
        "\"by-author\" is not a valid index name", "`name = \"by_author\"`");
  }

  @Test
  void reservedIndexName() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        @Index(value = "authorId", name = "sqlite_autoindex_posts_1")
        public record Post(@Field(primaryKey = true) long id, long authorId) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.RESERVED_NAME, post, "name = \"sqlite_autoindex_posts_1\"",
        "Index name \"sqlite_autoindex_posts_1\"", "`name = \"autoindex_posts_1\"`");
  }

  /** Report-and-continue: three unrelated broken models, three errors, in one compile. */
  @Test
  void everyBrokenModelIsReportedInOneCompile() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(String email) {}
        """);
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(@Field(primaryKey = true) long id, java.util.Date publishedAt) {}
        """);
    JavaFileObject tag = source("test.Tag", """
        package test;

        import dev.nanoka.*;

        @Model("tags")
        public record Tag(@Field(primaryKey = true) long id, @Field(defaultValue = "many") int uses) {}
        """);
    Result result = compileFailing(user, post, tag);
    assertError(result, Message.NO_PRIMARY_KEY, user, "@Model(\"users\")");
    assertError(result, Message.UNSUPPORTED_TYPE, post, "java.util.Date publishedAt");
    assertError(result, Message.DEFAULT_MISMATCH, tag, "defaultValue = \"many\"");
    assertEquals(3, result.compilation().errors().size(),
        () -> result.compilation().errors().toString());
  }

  /** Within one record, every broken component is reported, not only the first. */
  @Test
  void everyBrokenComponentIsReported() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            Object payload,
            @Field(nullable = true) int views,
            @Field(name = "bad name") String title) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.UNSUPPORTED_TYPE, post, "Object payload");
    assertError(result, Message.NULLABLE_PRIMITIVE, post, "int views");
    assertError(result, Message.INVALID_NAME, post, "String title");
    assertEquals(1, errorCount(result, Message.UNSUPPORTED_TYPE));
  }

  /**
   * Every problem of one model and of each component is reported in one compile: the table
   * name, two bad @Index entries, a component with a bad name and a bad type, one with a bad
   * default and a bad reference option.
   */
  @Test
  void everyIndependentProblemOfOneElementIsReported() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(@Field(primaryKey = true) long id) {}
        """);
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("blog posts")
        @Index({"authorId", "nope"})
        @Index(value = "authorId", name = "by author")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(name = "the title")
            Object title,
            @Field(defaultValue = "many", references = User.class,
                onDelete = ReferentialAction.SET_NULL,
                onUpdate = ReferentialAction.SET_NULL)
            long authorId) {}
        """);
    Result result = compileFailing(user, post);
    assertErrorAtValue(result, Message.INVALID_NAME, post, "@Model(", "\"blog posts\"",
        "\"blog posts\" is not a valid table name");
    assertErrorAtValue(result, Message.UNKNOWN_COMPONENT, post, "@Index({", "\"nope\"",
        "@Index names \"nope\"");
    assertErrorAtValue(result, Message.INVALID_NAME, post, "name = \"by author\"",
        "\"by author\"", "\"by author\" is not a valid index name");
    assertErrorAtValue(result, Message.INVALID_NAME, post, "name = \"the title\"",
        "\"the title\"", "\"the title\" is not a valid column name");
    assertError(result, Message.UNSUPPORTED_TYPE, post, "Object title");
    assertErrorAtValue(result, Message.DEFAULT_MISMATCH, post, "defaultValue = \"many\"",
        "\"many\"", "Default \"many\" does not fit Post.authorId");
    // javac places a qualified enum constant at its dot
    assertErrorAtValue(result, Message.SET_NULL_ON_NOT_NULL, post, "onDelete =",
        ".SET_NULL", "onDelete = SET_NULL on Post.authorId");
    assertErrorAtValue(result, Message.SET_NULL_ON_NOT_NULL, post, "onUpdate =",
        ".SET_NULL", "onUpdate = SET_NULL on Post.authorId");
    assertEquals(8, result.compilation().errors().size(),
        () -> result.compilation().errors().toString());
  }

  /**
   * A broken component is reported once, at itself: the key and the index that name it are not
   * wrong for doing so, and the key it declares still counts.
   */
  @Test
  void aBrokenComponentIsNotReportedAgainWhereItIsNamed() {
    JavaFileObject tag = source("test.PostTag", """
        package test;

        import dev.nanoka.*;

        @Model(value = "post_tags", primaryKey = {"postId", "tagId"})
        @Index("postId")
        public record PostTag(
            Object postId,
            long tagId) {}
        """);
    JavaFileObject note = source("test.Note", """
        package test;

        import dev.nanoka.*;

        @Model("notes")
        public record Note(
            @Field(primaryKey = true) java.util.Date id) {}
        """);
    Result result = compileFailing(tag, note);
    assertError(result, Message.UNSUPPORTED_TYPE, tag, "Object postId");
    assertError(result, Message.UNSUPPORTED_TYPE, note, "java.util.Date id");
    assertEquals(2, result.compilation().errors().size(),
        () -> result.compilation().errors().toString());
  }

  /** Each wrong entry of a list is its own problem. */
  @Test
  void everyWrongEntryOfAListIsReported() {
    JavaFileObject tag = source("test.PostTag", """
        package test;

        import dev.nanoka.*;

        @Model(value = "post_tags", primaryKey = {
            "post",
            "tag"})
        public record PostTag(long postId, long tagId) {}
        """);
    Result result = compileFailing(tag);
    assertError(result, Message.UNKNOWN_COMPONENT, tag, "\"post\",", "names \"post\"");
    assertError(result, Message.UNKNOWN_COMPONENT, tag, "\"tag\"}", "names \"tag\"");
    assertEquals(2, errorCount(result, Message.UNKNOWN_COMPONENT));
  }
}
