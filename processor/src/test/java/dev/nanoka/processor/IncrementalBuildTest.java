package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an IDE does: after a full build, it recompiles only the edited file, with the classes of
 * the others on the class path (Eclipse and VS Code with ecj, IntelliJ with javac). With
 * {@code @Schema} on the package-info, the processor reads every listed model — the edited one
 * from source, the others, their enum and their JSON record from class files — and must write
 * exactly the files a full build writes: schema.ts, the migration folder, the generated classes.
 * Golden: {@code golden/IncrementalBuildTest/shop/}, the same for both compilers.
 */
@Tag("each-compiler")
class IncrementalBuildTest {

  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  @TempDir Path incremental;
  @TempDir Path full;

  @ParameterizedTest
  @EnumSource(TestCompiler.class)
  void recompilingOneModelGivesTheFullBuildsFiles(TestCompiler compiler) throws IOException {
    DiskBuild ide = new DiskBuild(incremental);
    writeShop(ide, PRODUCT);
    ide.compile(compiler, ide.allSources()).assertClean();

    Path edited = ide.write("com/example/shop/Product.java", EDITED_PRODUCT);
    if (compiler == TestCompiler.ECJ) {
      // The edit changes the migration index. Eclipse's Filer regenerates it over the class the
      // full build left; ecj's batch Filer, standing in for it here, refuses to while it finds
      // that class (eclipse-jdt/eclipse.jdt.core#1482, see below): take it away as the IDE would.
      Files.delete(ide.classes().resolve("com/example/shop/NanokaMigrations.class"));
    }
    ide.compile(compiler, List.of(edited)).assertClean();

    DiskBuild clean = new DiskBuild(full);
    writeShop(clean, EDITED_PRODUCT);
    clean.compile(compiler, clean.allSources()).assertClean();
    Map<String, String> expected = clean.outputs();
    assertTrue(expected.get("drizzle/schema.ts").contains("description: text('description'),"),
        expected.get("drizzle/schema.ts"));
    assertEquals(expected, ide.outputs());
    Golden.assertTreeMatches("shop", expected);
  }

  /**
   * ecj's batch compiler (not the IDE's) refuses to generate a class it finds on the class path,
   * even to replace it with a new version: a compile that does not start from clean and changes
   * the migrations can't regenerate the migration index. The error says why and what to do.
   */
  @Test
  void ecjsBatchCompilerCantRegenerateAChangedIndexOverAnEarlierBuild() {
    DiskBuild ide = new DiskBuild(incremental);
    writeShop(ide, PRODUCT);
    ide.compile(TestCompiler.ECJ, ide.allSources()).assertClean();

    Path edited = ide.write("com/example/shop/Product.java", EDITED_PRODUCT);
    DiskBuild.Outcome outcome = ide.compile(TestCompiler.ECJ, List.of(edited));

    assertEquals(1, outcome.errors().size(), outcome.errors()::toString);
    String error = outcome.errors().get(0);
    assertTrue(error.contains("[NanokaWriteFailed] Could not write the migration index")
        && error.contains("eclipse-jdt/eclipse.jdt.core#1482; build from clean"), error);
  }

  /** Recompiling a file whose models did not change writes no file: nothing is touched. */
  @ParameterizedTest
  @EnumSource(TestCompiler.class)
  void recompilingAnUnchangedModelRewritesNothing(TestCompiler compiler) throws IOException {
    DiskBuild ide = new DiskBuild(incremental);
    writeShop(ide, PRODUCT);
    ide.compile(compiler, ide.allSources()).assertClean();
    Map<String, String> before = ide.outputs();
    Map<Path, FileTime> aged = age(ide.drizzle());

    ide.compile(compiler, List.of(ide.src().resolve("com/example/shop/Order.java")))
        .assertClean();

    assertEquals(before, ide.outputs());
    for (Map.Entry<Path, FileTime> file : aged.entrySet()) {
      assertEquals(file.getValue(), Files.getLastModifiedTime(file.getKey()),
          file.getKey() + " was rewritten");
    }
  }

  /** Sets every file's modification time to long ago, and returns them. */
  private static Map<Path, FileTime> age(Path root) throws IOException {
    Map<Path, FileTime> aged = new HashMap<>();
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, LONG_AGO);
        aged.put(file, LONG_AGO);
      }
    }
    return aged;
  }

  private static void writeShop(DiskBuild build, String product) {
    build.write("com/example/shop/package-info.java", """
        @Schema(models = {Customer.class, Product.class, Order.class, OrderLine.class})
        package com.example.shop;

        import dev.nanoka.Schema;
        """);
    // declared out of alphabetical order: ecj lists a class file's constants sorted by name
    build.write("com/example/shop/Status.java", """
        package com.example.shop;

        public enum Status { PENDING, PAID, SHIPPED, CANCELLED }
        """);
    build.write("com/example/shop/Address.java", """
        package com.example.shop;

        import java.util.List;

        public record Address(String street, String city, List<String> notes, Status lastOrder) {}
        """);
    build.write("com/example/shop/Customer.java", """
        package com.example.shop;

        import dev.nanoka.Field;
        import dev.nanoka.Model;
        import java.util.UUID;

        @Model
        public record Customer(
            @Field(primaryKey = true) UUID id,
            @Field(unique = true) String email,
            @Field(json = true) Address address) {}
        """);
    build.write("com/example/shop/Product.java", product);
    build.write("com/example/shop/Order.java", """
        package com.example.shop;

        import dev.nanoka.DefaultFunction;
        import dev.nanoka.Field;
        import dev.nanoka.Model;
        import dev.nanoka.ReferentialAction;
        import java.time.Instant;
        import java.util.UUID;

        @Model("orders")
        public record Order(
            @Field(primaryKey = true, autoIncrement = true) long id,
            @Field(references = Customer.class, onDelete = ReferentialAction.CASCADE)
            UUID customerId,
            @Field(defaultValue = "PENDING") Status status,
            @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
        """);
    build.write("com/example/shop/OrderLine.java", """
        package com.example.shop;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model(value = "order_lines", primaryKey = {"orderId", "productId"})
        public record OrderLine(
            @Field(references = Order.class) long orderId,
            @Field(references = Product.class) long productId,
            @Field(defaultValue = "1") int quantity) {}
        """);
  }

  private static final String PRODUCT = """
      package com.example.shop;

      import dev.nanoka.Field;
      import dev.nanoka.Index;
      import dev.nanoka.Model;
      import java.math.BigDecimal;

      @Model
      @Index({"name", "price"})
      public record Product(
          @Field(primaryKey = true, autoIncrement = true) long id,
          String name,
          BigDecimal price) {}
      """;

  /** A column added in the middle. */
  private static final String EDITED_PRODUCT = PRODUCT.replace("    String name,\n",
      "    String name,\n    @Field(nullable = true) String description,\n");
}
