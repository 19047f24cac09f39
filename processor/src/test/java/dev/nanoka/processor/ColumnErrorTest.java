package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.assertErrorAtValue;
import static dev.nanoka.processor.DiagnosticAssertions.compileFailing;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about one record component: its type, nullability, key flags and column name. */
class ColumnErrorTest {

  private static final JavaFileObject MONEY = source("test.Money", """
      package test;

      public class Money {
        public long cents;
      }
      """);

  @Test
  void objectHasNoColumnMapping() {
    JavaFileObject event = source("test.Event", """
        package test;

        import dev.nanoka.*;

        @Model("events")
        public record Event(
            @Field(primaryKey = true) long id,
            Object payload) {}
        """);
    Result result = compileFailing(event);
    assertError(result, Message.UNSUPPORTED_TYPE, event, "Object payload",
        "Event.payload has type java.lang.Object", "Supported: String, UUID", "Instant",
        "`@Field(json = true)`");
  }

  @Test
  void javaUtilDateHasNoColumnMapping() {
    JavaFileObject event = source("test.Event", """
        package test;

        import dev.nanoka.*;

        @Model("events")
        public record Event(
            @Field(primaryKey = true) long id,
            @Field(nullable = true)
            java.util.Date happenedAt) {}
        """);
    Result result = compileFailing(event);
    // The type is wrong, not the @Field on the line above: the error sits at the component.
    assertError(result, Message.UNSUPPORTED_TYPE, event, "java.util.Date happenedAt",
        "java.util.Date", "Instant");
  }

  @Test
  void plainClassHasNoColumnMapping() {
    JavaFileObject order = source("test.Order", """
        package test;

        import dev.nanoka.*;

        @Model("orders")
        public record Order(
            @Field(primaryKey = true) long id,
            Money total) {}
        """);
    Result result = compileFailing(order, MONEY);
    assertError(result, Message.UNSUPPORTED_TYPE, order, "Money total",
        "Order.total has type test.Money", "Supported:");
  }

  @Test
  void charHasNoColumnMapping() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            char initial) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.UNSUPPORTED_TYPE, user, "char initial", "String");
  }

  @Test
  void recordNeedsJson() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            Address address) {
          public record Address(String street, String city) {}
        }
        """);
    Result result = compileFailing(user);
    assertError(result, Message.NEEDS_JSON, user, "Address address",
        "User.address has type test.User.Address", "Write `@Field(json = true)`");
  }

  @Test
  void listNeedsJson() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;
        import java.util.List;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(nullable = true) List<String> tags) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.NEEDS_JSON, post, "List<String> tags",
        "java.util.List<java.lang.String>", "`@Field(json = true)`");
  }

  @Test
  void mapNeedsJson() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;
        import java.util.Map;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            Map<String, Integer> counters) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.NEEDS_JSON, post, "Map<String, Integer> counters",
        "`@Field(json = true)`");
  }

  @Test
  void arrayOtherThanBytesNeedsJson() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            String[] aliases) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.NEEDS_JSON, post, "String[] aliases", "`@Field(json = true)`");
  }

  @Test
  void jsonMapWithObjectKeys() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;
        import java.util.Map;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(json = true) Map<Object, String> labels) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.UNSUPPORTED_JSON_TYPE, post, "Map<Object, String> labels",
        "Post.labels is stored as JSON", "use a Map with String, UUID, enum or number keys");
  }

  @Test
  void jsonHoldingAPlainClass() {
    JavaFileObject order = source("test.Order", """
        package test;

        import dev.nanoka.*;
        import java.util.List;

        @Model("orders")
        public record Order(
            @Field(primaryKey = true) long id,
            @Field(json = true) List<Line> lines) {
          public record Line(String sku, Money price) {}
        }
        """);
    Result result = compileFailing(order, MONEY);
    assertError(result, Message.UNSUPPORTED_JSON_TYPE, order, "List<Line> lines",
        "Order.lines is stored as JSON", "test.Money at Line.price", "make Money a record");
  }

  @Test
  void enumWithoutConstants() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            Role role) {
          public enum Role {}
        }
        """);
    Result result = compileFailing(user);
    assertError(result, Message.EMPTY_ENUM, user, "Role role",
        "an enum without constants", "Add a constant to the enum");
  }

  @Test
  void typeOverrideThatDoesNotFit() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            @Field(
                nullable = false,
                type = ColumnType.TEXT)
            int age) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.TYPE_OVERRIDE_MISMATCH, user, "type = ColumnType.TEXT",
        "`type = ColumnType.TEXT` does not fit User.age of Java type int",
        "Use one of: INTEGER, or drop `type`");
  }

  @Test
  void typeOverrideOfAnInstant() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            @Field(type = ColumnType.TEXT) java.time.Instant createdAt) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.TYPE_OVERRIDE_MISMATCH, user, "type = ColumnType.TEXT",
        "Use one of: TIMESTAMP_MS, TIMESTAMP");
  }

  @Test
  void typeOverrideOfJson() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            @Field(json = true, type = ColumnType.BLOB) java.util.List<String> tags) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.TYPE_OVERRIDE_MISMATCH, user, "type = ColumnType.BLOB",
        "Use one of: TEXT");
  }

  @Test
  void nullablePrimitive() {
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(
                nullable = true)
            int views) {}
        """);
    Result result = compileFailing(post);
    assertError(result, Message.NULLABLE_PRIMITIVE, post, "nullable = true",
        "Post.views is the primitive int", "Declare it `Integer views`");
  }

  @Test
  void nullablePrimitiveByNullableAnnotation() {
    JavaFileObject nullable = source("test.Nullable", """
        package test;

        import java.lang.annotation.*;

        @Target({ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
        public @interface Nullable {}
        """);
    JavaFileObject post = source("test.Post", """
        package test;

        import dev.nanoka.*;

        @Model("posts")
        public record Post(
            @Field(primaryKey = true) long id,
            @Field(index = true)
            @Nullable boolean pinned) {}
        """);
    Result result = compileFailing(post, nullable);
    assertError(result, Message.NULLABLE_PRIMITIVE, post, "@Nullable boolean pinned",
        "Declare it `Boolean pinned`");
  }

  @Test
  void nullablePrimaryKey() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true,
                nullable = true) String id) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.NULLABLE_PRIMARY_KEY, user, "nullable = true",
        "User.id is part of the primary key", "Drop nullable");
  }

  @Test
  void autoIncrementOnText() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true,
                autoIncrement = true) String id) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.AUTOINCREMENT_INVALID, user, "autoIncrement = true",
        "User.id is of type java.lang.String",
        "`@Field(primaryKey = true, autoIncrement = true) long id`");
  }

  @Test
  void autoIncrementOutsideTheKey() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) String id,
            @Field(autoIncrement = true) long serial) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.AUTOINCREMENT_INVALID, user, "long serial",
        "User.serial is not the primary key", "`@Field(primaryKey = true, autoIncrement = true)");
  }

  @Test
  void invalidColumnName() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            @Field(
                name = "first name")
            String firstName) {}
        """);
    Result result = compileFailing(user);
    assertErrorAtValue(result, Message.INVALID_NAME, user, "name = \"first name\"",
        "\"first name\"", "\"first name\" is not a valid column name", "`name = \"first_name\"`");
  }

  @Test
  void emptyColumnNameKeepsTheComponentName() {
    // name = "" means "the component's name": not an error. Here only the key is missing.
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(@Field(name = "") String email) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.NO_PRIMARY_KEY, user, "@Model(\"users\")");
    assertEquals(1, result.compilation().errors().size());
  }

  @Test
  void reservedColumnName() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            @Field(name = "sqlite_rowid") long rowId) {}
        """);
    Result result = compileFailing(user);
    assertError(result, Message.RESERVED_NAME, user, "name = \"sqlite_rowid\"",
        "Column name \"sqlite_rowid\"", "`name = \"rowid\"`");
  }

  @Test
  void duplicateColumnNameAfterCaseFoldingViaFieldName() {
    JavaFileObject user = source("test.User", """
        package test;

        import dev.nanoka.*;

        @Model("users")
        public record User(
            @Field(primaryKey = true) long id,
            String email,
            @Field(name = "EMAIL") String backupEmail) {}
        """);
    Result result = compileFailing(user);
    assertErrorAtValue(result, Message.DUPLICATE_COLUMN, user, "name = \"EMAIL\"", "\"EMAIL\"",
        "Column name \"EMAIL\" of User.backupEmail is already used by email in User",
        "ignoring case", "`@Field(name = \"EMAIL_2\")`");
  }

  @Test
  void duplicateColumnNameOfTwoComponents() {
    JavaFileObject link = source("test.Link", """
        package test;

        import dev.nanoka.*;

        @Model("links")
        public record Link(
            @Field(primaryKey = true) long id,
            String url,
            String URL) {}
        """);
    Result result = compileFailing(link);
    assertError(result, Message.DUPLICATE_COLUMN, link, "String URL",
        "Column name \"URL\" of Link.URL is already used by url", "`@Field(name = \"URL_2\")`");
  }

  /**
   * In schema.ts a component's name is a key of the columns' object literal, and JavaScript
   * reads {@code __proto__: …} as the object's prototype: Drizzle would never see the column.
   */
  @Test
  void componentNamedProto() {
    JavaFileObject note = source("test.Note", """
        package test;

        import dev.nanoka.*;

        @Model("notes")
        public record Note(
            @Field(primaryKey = true) long id,
            String __proto__) {}
        """);
    Result result = compileFailing(note);
    // one error, though the column would be named __proto__ too: the message covers both
    assertError(result, Message.PROTO_COMPONENT, note, "String __proto__",
        "Note.__proto__ is named __proto__, which can't be a property in schema.ts",
        "`__proto__: …` (quoted or not) sets the object's prototype",
        "Rename the component, e.g. to `proto`",
        "The column can't be named __proto__ either");
    assertEquals(1, result.compilation().errors().size(),
        () -> result.compilation().errors().toString());
  }

  @Test
  void componentNamedProtoWithAnotherColumnName() {
    JavaFileObject note = source("test.Note", """
        package test;

        import dev.nanoka.*;

        @Model("notes")
        public record Note(
            @Field(primaryKey = true) long id,
            @Field(name = "proto")
            String __proto__) {}
        """);
    Result result = compileFailing(note);
    assertError(result, Message.PROTO_COMPONENT, note, "String __proto__");
    assertEquals(1, result.compilation().errors().size(),
        () -> result.compilation().errors().toString());
  }

  /** drizzle-kit keeps columns in objects keyed by name: a column __proto__ makes it fail. */
  @Test
  void columnNamedProto() {
    JavaFileObject note = source("test.Note", """
        package test;

        import dev.nanoka.*;

        @Model("notes")
        public record Note(
            @Field(primaryKey = true) long id,
            @Field(name = "__proto__") String proto) {}
        """);
    Result result = compileFailing(note);
    assertErrorAtValue(result, Message.RESERVED_NAME, note, "name = \"__proto__\"",
        "\"__proto__\"", "Column name \"__proto__\" is special in JavaScript",
        "so drizzle-kit fails on it", "`name = \"proto\"`");
  }
}
