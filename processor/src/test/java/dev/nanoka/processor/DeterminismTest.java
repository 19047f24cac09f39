package dev.nanoka.processor;

import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Same models, same bytes: whatever order javac is handed the sources in. Goldens:
 * {@code golden/DeterminismTest/*.ts}.
 */
class DeterminismTest {

  /**
   * Models in two packages, with a foreign key, an enum, and two JSON records of the same simple
   * name (whose aliases, Address and Address2, depend on which is met first).
   */
  private static final List<JavaFileObject> MODELS = List.of(
      source("com.example.catalog.Address", """
          package com.example.catalog;

          public record Address(String warehouse, int aisle) {}
          """),
      source("com.example.catalog.Product", """
          package com.example.catalog;

          import dev.nanoka.Field;
          import dev.nanoka.Index;
          import dev.nanoka.Model;

          @Model("products")
          @Index({"name", "kind"})
          public record Product(
              @Field(primaryKey = true, autoIncrement = true) long id,
              String name,
              Kind kind,
              @Field(json = true) Address storedAt) {

            public enum Kind { PHYSICAL, DIGITAL }
          }
          """),
      source("com.example.shop.Address", """
          package com.example.shop;

          public record Address(String street, String city) {}
          """),
      source("com.example.shop.Customer", """
          package com.example.shop;

          import dev.nanoka.Field;
          import dev.nanoka.Model;

          @Model
          public record Customer(
              @Field(primaryKey = true) String id,
              @Field(unique = true) String email) {}
          """),
      source("com.example.shop.Order", """
          package com.example.shop;

          import com.example.catalog.Product;
          import dev.nanoka.Field;
          import dev.nanoka.Model;
          import dev.nanoka.ReferentialAction;

          @Model("orders")
          public record Order(
              @Field(primaryKey = true, autoIncrement = true) long id,
              @Field(references = Customer.class, onDelete = ReferentialAction.CASCADE)
                  String customerId,
              @Field(references = Product.class) long productId,
              @Field(json = true) Address shipTo) {}
          """));

  private static final JavaFileObject SCHEMA = source("com.example.shop.ShopSchema", """
      package com.example.shop;

      import com.example.catalog.Product;
      import dev.nanoka.Schema;

      @Schema(models = {Order.class, Customer.class, Product.class})
      final class ShopSchema {}
      """);

  @Test
  void withoutSchemaTablesFollowQualifiedClassNames() {
    String schema = sameOutputInEveryOrder(MODELS);

    // com.example.catalog.Product < com.example.shop.Customer < com.example.shop.Order
    assertEquals(List.of("products", "customers", "orders"), tableNames(schema));
    Golden.assertMatches("withoutSchema", schema);
  }

  @Test
  void withSchemaTablesFollowTheList() {
    List<JavaFileObject> sources = new ArrayList<>(MODELS);
    sources.add(SCHEMA);

    String schema = sameOutputInEveryOrder(sources);

    assertEquals(List.of("orders", "customers", "products"), tableNames(schema));
    Golden.assertMatches("withSchema", schema);
  }

  /** Compiles the sources as given, reversed and shuffled; all outputs must be equal. */
  private static String sameOutputInEveryOrder(List<JavaFileObject> sources) {
    Map<String, List<JavaFileObject>> orders = new LinkedHashMap<>();
    orders.put("as listed", sources);
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    Collections.reverse(reversed);
    orders.put("reversed", reversed);
    for (int seed = 1; seed <= 5; seed++) {
      List<JavaFileObject> shuffled = new ArrayList<>(sources);
      Collections.shuffle(shuffled, new Random(seed));
      orders.put("shuffled with seed " + seed, shuffled);
    }

    String first = null;
    for (Map.Entry<String, List<JavaFileObject>> order : orders.entrySet()) {
      String schema = schemaOf(order.getValue());
      if (first == null) {
        first = schema;
      } else {
        assertEquals(first, schema, "output differs when the sources are " + order.getKey()
            + ": " + order.getValue().stream().map(JavaFileObject::getName).toList());
      }
    }
    return first;
  }

  private static List<String> tableNames(String schema) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("= sqliteTable\\('([^']+)'").matcher(schema);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
