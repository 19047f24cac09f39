package dev.nanoka.processor.java;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.util.Elements;

/**
 * Where the generated classes and resources of a schema go. Both follow the element carrying
 * {@code @Schema}, so two schemas of one compilation never collide: {@code NanokaSchema} and
 * {@code nanoka/<kind>/com/example/blog} for a package, {@code AppNanokaSchema} and
 * {@code nanoka/<kind>/com/example/App} for a type.
 */
public final class GeneratedNames {

  private GeneratedNames() {}

  /** The generated class's simple name, e.g. {@code NanokaMigrations} for suffix "Migrations". */
  public static String className(Element schemaElement, String suffix) {
    return schemaElement.getKind() == ElementKind.PACKAGE
        ? "Nanoka" + suffix : schemaElement.getSimpleName() + "Nanoka" + suffix;
  }

  /**
   * The class-path folder of the schema's resources of one kind, e.g.
   * {@code nanoka/migrations/com/example/blog} for kind "migrations".
   */
  public static String resourceFolder(Elements elements, Element schemaElement, String kind) {
    String packageName = elements.getPackageOf(schemaElement).getQualifiedName().toString();
    String type = schemaElement.getKind() == ElementKind.PACKAGE
        ? "" : "/" + schemaElement.getSimpleName();
    return "nanoka/" + kind
        + (packageName.isEmpty() ? "" : "/" + packageName.replace('.', '/')) + type;
  }
}
