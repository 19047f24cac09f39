package dev.nanoka.runtime.internal;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.SchemaText;
import dev.nanoka.runtime.SchemaDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the schema a {@link SchemaDefinition} names: a class-path resource in
 * {@link SchemaText}'s format, which the processor wrote next to the generated class. It is
 * looked up through that class's loader (the CLI's {@code --classpath} loader, for instance), so
 * both come from the same build.
 */
public final class SchemaResource {

  private SchemaResource() {}

  /**
   * @throws IllegalStateException when the resource is missing or not a valid schema, which
   *     means the class path does not hold what the processor wrote for this class
   */
  public static DatabaseSchema read(SchemaDefinition definition) {
    Class<?> owner = definition.getClass();
    String name = definition.resource();
    String text;
    try (InputStream in = owner.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The schema resource " + name + " of "
            + owner.getName() + " is not on the class path. The annotation processor writes it"
            + " next to the class; rebuild the project (a clean build if a tool copied only"
            + " the classes).");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the schema resource " + name, e);
    }
    try {
      return SchemaText.read(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The schema resource " + name + " of " + owner.getName()
          + " is not a schema this runtime reads (" + e.getMessage() + "). Rebuild the project"
          + " with the same Nanoka version as its nanoka-runtime.", e);
    }
  }
}
