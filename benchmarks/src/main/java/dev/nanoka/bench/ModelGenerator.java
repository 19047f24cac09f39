package dev.nanoka.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the sources of {@code n} {@code @Model} records of 10 components each — text, numbers,
 * booleans, instants, UUIDs, a nullable column, defaults, a foreign key to an earlier model on
 * most of them, column and table indexes — and one {@code @Schema} on the package listing them
 * all. Deterministic: the same {@code n} gives the same files.
 */
public final class ModelGenerator {

  /** The package the models are generated in. */
  public static final String PACKAGE = "bench.models";

  private ModelGenerator() {}

  /** Writes the sources under {@code sourceRoot} and returns every file written. */
  public static List<Path> write(int n, Path sourceRoot) throws IOException {
    Path dir = sourceRoot.resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Path file = dir.resolve(className(i) + ".java");
      Files.writeString(file, model(i), StandardCharsets.UTF_8);
      files.add(file);
      list.append(i == 0 ? "" : ",\n    ").append(className(i)).append(".class");
    }
    Path packageInfo = dir.resolve("package-info.java");
    Files.writeString(packageInfo, "@Schema(models = {\n    " + list + "})\npackage " + PACKAGE
        + ";\n\nimport dev.nanoka.Schema;\n", StandardCharsets.UTF_8);
    files.add(packageInfo);
    return files;
  }

  static String className(int i) {
    return String.format("Entity%04d", i);
  }

  static String model(int i) {
    String name = className(i);
    StringBuilder java = new StringBuilder();
    java.append("package ").append(PACKAGE).append(";\n\n")
        .append("import dev.nanoka.DefaultFunction;\n")
        .append("import dev.nanoka.Field;\n")
        .append("import dev.nanoka.Index;\n")
        .append("import dev.nanoka.Model;\n")
        .append("import dev.nanoka.ReferentialAction;\n")
        .append("import java.time.Instant;\n")
        .append("import java.util.UUID;\n\n");
    java.append("/** Generated benchmark model ").append(i).append(". */\n");
    java.append("@Model\n");
    if (i % 3 == 0) {
      java.append("@Index({\"title\", \"createdAt\"})\n");
    }
    if (i % 5 == 0) {
      java.append("@Index(value = {\"code\", \"rank\"}, unique = true)\n");
    }
    java.append("public record ").append(name).append("(\n");
    List<String> components = new ArrayList<>();
    components.add("@Field(primaryKey = true, autoIncrement = true) long id");
    if (i > 0 && i % 4 != 3) {
      // most models point at an earlier one, the way a real schema grows
      int parent = (int) ((i * 7L + 3) % i);
      components.add("@Field(references = " + className(parent)
          + ".class, onDelete = ReferentialAction.CASCADE) long " + "parent" + parent + "Id");
    } else {
      components.add("@Field(nullable = true) Long parentId");
    }
    components.add("String title");
    components.add("@Field(unique = true) String code");
    components.add("@Field(nullable = true) String description");
    components.add("@Field(defaultValue = \"0\", index = " + (i % 2 == 0) + ") int rank");
    components.add("double price");
    components.add("@Field(defaultValue = \"true\") boolean active");
    components.add("UUID externalId");
    components.add("@Field(defaultFunction = DefaultFunction.NOW) Instant createdAt");
    for (int c = 0; c < components.size(); c++) {
      java.append("    ").append(components.get(c)).append(c + 1 < components.size() ? ",\n" : ") {}\n");
    }
    return java.toString();
  }
}
