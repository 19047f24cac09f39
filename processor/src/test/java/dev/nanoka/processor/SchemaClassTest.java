package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.SchemaCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.LogicalType.Timestamp.TimeUnit;
import dev.nanoka.core.schema.SchemaText;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.runtime.SchemaDefinition;
import dev.nanoka.runtime.internal.SchemaResource;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code NanokaSchema}: the models as a class-path resource in the runtime's text
 * format, and a class that stays the same size however many models there are, whose
 * {@code INSTANCE.schema()} returns exactly the models the processor read when it is loaded the
 * way the CLI loads it (a class loader over the compiled classes).
 */
// compile-testing keeps generated sources in memory, which ecj can't read back; under ecj
// the generated classes are compiled on disk (IncrementalBuildTest)
@Tag("javac-only")
class SchemaClassTest {

  @TempDir Path dir;

  private static final JavaFileObject PACKAGE_INFO = source("com.example.shop.package-info", """
      @Schema(models = {Customer.class, Order.class, OrderLine.class})
      package com.example.shop;

      import dev.nanoka.Schema;
      """);

  private static final JavaFileObject CUSTOMER = source("com.example.shop.Customer", """
      package com.example.shop;

      import dev.nanoka.ColumnType;
      import dev.nanoka.DefaultFunction;
      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import java.time.Instant;
      import java.util.UUID;

      @Model("customers")
      public record Customer(
          @Field(primaryKey = true, defaultFunction = DefaultFunction.RANDOM_UUID) UUID id,
          @Field(name = "email_address", unique = true) String email,
          @Field(nullable = true) String nickname,
          @Field(defaultValue = "true") boolean active,
          @Field(type = ColumnType.TIMESTAMP, defaultFunction = DefaultFunction.NOW)
              Instant joinedAt) {}
      """);

  private static final JavaFileObject ORDER = source("com.example.shop.Order", """
      package com.example.shop;

      import dev.nanoka.ColumnType;
      import dev.nanoka.DefaultFunction;
      import dev.nanoka.Field;
      import dev.nanoka.Index;
      import dev.nanoka.Model;
      import dev.nanoka.ReferentialAction;
      import java.math.BigDecimal;
      import java.time.Instant;
      import java.util.UUID;

      @Model("orders")
      @Index({"customerId", "placedAt"})
      public record Order(
          @Field(primaryKey = true, autoIncrement = true) long id,
          @Field(references = Customer.class, onDelete = ReferentialAction.SET_NULL,
              nullable = true) UUID customerId,
          @Field(defaultValue = "NEW") Status status,
          @Field(defaultFunction = DefaultFunction.NOW) Instant placedAt,
          @Field(json = true) Address shipTo,
          @Field(defaultValue = "0.5") double discount,
          @Field(type = ColumnType.NUMERIC, defaultValue = "12.50") BigDecimal total) {

        public enum Status { NEW, PAID, SHIPPED }

        public record Address(String street, int number) {}
      }
      """);

  private static final JavaFileObject ORDER_LINE = source("com.example.shop.OrderLine", """
      package com.example.shop;

      import dev.nanoka.Field;
      import dev.nanoka.Index;
      import dev.nanoka.Model;
      import dev.nanoka.ReferentialAction;
      import java.util.List;

      @Model(value = "order_lines", primaryKey = {"orderId", "lineNo"})
      @Index(value = {"sku", "orderId"}, unique = true)
      public record OrderLine(
          @Field(references = Order.class, onDelete = ReferentialAction.CASCADE,
              onUpdate = ReferentialAction.RESTRICT) long orderId,
          int lineNo,
          @Field(index = true) String sku,
          @Field(json = true) List<String> tags,
          @Field(nullable = true) byte[] picture) {}
      """);

  /** The models above as the processor reads them, written out by hand. */
  private static DatabaseSchema shop() {
    Table customers = new Table("customers", "customers", List.of(
        new Column("id", "id", new LogicalType.Text(), true, true, false, false,
            Optional.of(new ColumnDefault.ClientFunction("crypto.randomUUID()"))),
        new Column("email_address", "email", new LogicalType.Text(), true, false, false, true,
            Optional.empty()),
        new Column("nickname", "nickname", new LogicalType.Text(), false, false, false, false,
            Optional.empty()),
        new Column("active", "active", new LogicalType.Bool(), true, false, false, false,
            Optional.of(new ColumnDefault.Bool(true))),
        new Column("joinedAt", "joinedAt", new LogicalType.Timestamp(TimeUnit.SECONDS), true,
            false, false, false, Optional.of(new ColumnDefault.Expression("(unixepoch())")))),
        List.of(), List.of(), List.of());
    Table orders = new Table("orders", "orders", List.of(
        new Column("id", "id", new LogicalType.Int(), true, true, true, false,
            Optional.empty()),
        new Column("customerId", "customerId", new LogicalType.Text(), false, false, false, false,
            Optional.empty()),
        new Column("status", "status", new LogicalType.EnumText(List.of("NEW", "PAID", "SHIPPED")),
            true, false, false, false, Optional.of(new ColumnDefault.Text("NEW"))),
        new Column("placedAt", "placedAt", new LogicalType.Timestamp(TimeUnit.MILLISECONDS), true,
            false, false, false, Optional.of(new ColumnDefault.Expression(
                "(cast(unixepoch('subsecond') * 1000 as integer))"))),
        new Column("shipTo", "shipTo", new LogicalType.Json("Address"), true, false, false, false,
            Optional.empty()),
        new Column("discount", "discount", new LogicalType.Real(), true, false, false, false,
            Optional.of(new ColumnDefault.Number("0.5"))),
        new Column("total", "total", new LogicalType.Numeric(), true, false, false, false,
            Optional.of(new ColumnDefault.Text("12.50")))),
        List.of(),
        List.of(new TableIndex("orders_customerId_placedAt_idx", List.of("customerId", "placedAt"),
            false)),
        List.of(new ForeignKey("orders_customerId_customers_id_fk", List.of("customerId"),
            "customers", List.of("id"), Action.NO_ACTION, Action.SET_NULL)));
    Table orderLines = new Table("order_lines", "orderLines", List.of(
        new Column("orderId", "orderId", new LogicalType.Int(), true, false, false, false,
            Optional.empty()),
        new Column("lineNo", "lineNo", new LogicalType.Int(), true, false, false, false,
            Optional.empty()),
        new Column("sku", "sku", new LogicalType.Text(), true, false, false, false,
            Optional.empty()),
        new Column("tags", "tags", new LogicalType.Json("string[]"), true, false, false, false,
            Optional.empty()),
        new Column("picture", "picture", new LogicalType.Blob(), false, false, false, false,
            Optional.empty())),
        List.of("orderId", "lineNo"),
        List.of(new TableIndex("order_lines_sku_idx", List.of("sku"), false),
            new TableIndex("order_lines_sku_orderId_unique", List.of("sku", "orderId"), true)),
        List.of(new ForeignKey("order_lines_orderId_orders_id_fk", List.of("orderId"), "orders",
            List.of("id"), Action.RESTRICT, Action.CASCADE)));
    return new DatabaseSchema(List.of(customers, orders, orderLines));
  }

  private Compilation compile(JavaFileObject... sources) {
    Compilation compilation = SchemaCompiler.compile(
        List.of("-Ananoka.output=" + dir.resolve("drizzle/schema.ts")), List.of(),
        List.of(sources));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  @Test
  void loadedClassReturnsTheModelsFromTheResource() throws IOException {
    ClassOutput output = ClassOutput.of(compile(PACKAGE_INFO, CUSTOMER, ORDER, ORDER_LINE),
        dir.resolve("classes"));

    // schema.ts beside the models, for `nanoka check` to compare the committed one with
    assertEquals(Map.of("schema.txt", SchemaText.write(shop()),
            "schema.ts", Files.readString(dir.resolve("drizzle/schema.ts"))),
        output.resources("nanoka/schema/com/example/shop"));
    try (URLClassLoader loader = output.loader()) {
      SchemaDefinition definition =
          (SchemaDefinition) ClassOutput.instance(loader, "com.example.shop.NanokaSchema");
      assertEquals(shop(), SchemaResource.read(definition));
    }
  }

  /** What made javac slow was a class that grew with the models; now only the data grows. */
  @Test
  void classIsTheSameForAnyNumberOfModels() {
    JavaFileObject oneModel = source("com.example.shop.package-info", """
        @Schema(models = {Customer.class})
        package com.example.shop;

        import dev.nanoka.Schema;
        """);
    String small = generatedClass(compile(oneModel, CUSTOMER));
    String large = generatedClass(compile(PACKAGE_INFO, CUSTOMER, ORDER, ORDER_LINE));

    assertEquals(small, large);
    assertTrue(large.contains("return \"nanoka/schema/com/example/shop/schema.txt\";"), large);
  }

  /** A {@code @Schema} on a type names the class and the resource folder after the type. */
  @Test
  void schemaOnATypeIsNamedAfterTheType() throws IOException {
    ClassOutput output = ClassOutput.of(compile(BlogHistory.sources(1)), dir.resolve("classes"));

    assertEquals(Set.of("schema.txt", "schema.ts"),
        output.resources("nanoka/schema/com/example/blog/BlogSchema").keySet());
    try (URLClassLoader loader = output.loader()) {
      SchemaDefinition definition = (SchemaDefinition) ClassOutput.instance(loader,
          "com.example.blog.BlogSchemaNanokaSchema");
      assertEquals(List.of("users", "posts", "sessions"),
          SchemaResource.read(definition).tables().stream().map(Table::name).toList());
    }
  }

  private static String generatedClass(Compilation compilation) {
    try {
      return compilation.generatedSourceFile("com.example.shop.NanokaSchema").orElseThrow()
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
