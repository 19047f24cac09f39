package dev.nanoka.runtime.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A schema the annotation processor stored as a class-path resource in {@link SchemaText}'s
 * format, decoded on first use. The generated {@code NanokaSchema} holds one, so a program that
 * never asks for the schema never reads it:
 *
 * <pre>{@code
 * private static final SchemaResource RESOURCE =
 *     new SchemaResource(NanokaSchema.class, "nanoka/schema/com/example/blog/schema.txt");
 * public Schema schema() { return RESOURCE.schema(); }
 * }</pre>
 *
 * <p>The resource is looked up through the owner's class loader, the one that found the
 * generated class (the CLI's {@code --classpath} loader, for instance), so both come from the
 * same build.
 */
public final class SchemaResource implements SchemaDefinition {

  private final Class<?> owner;
  private final String name;
  private Schema schema;

  /**
   * @param owner the generated class the resource belongs to
   * @param name the resource's path from the class-path root, e.g.
   *     {@code nanoka/schema/com/example/blog/schema.txt}
   */
  public SchemaResource(Class<?> owner, String name) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * The schema, read and decoded by the first call; later calls return the same instance.
   * Synchronized: it is asked for once or twice per run (push, drift check), never in a loop.
   *
   * @throws IllegalStateException when the resource is missing or not a valid schema, which
   *     means the class path does not hold what the processor wrote for this class
   */
  @Override
  public synchronized Schema schema() {
    if (schema == null) {
      schema = decode(read());
    }
    return schema;
  }

  private String read() {
    try (InputStream in = owner.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The schema resource " + name + " of "
            + owner.getName() + " is not on the class path. The annotation processor writes it"
            + " next to the class; rebuild the project (a clean build if a tool copied only"
            + " the classes).");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the schema resource " + name, e);
    }
  }

  private Schema decode(String text) {
    try {
      return SchemaText.read(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The schema resource " + name + " of " + owner.getName()
          + " is not a schema this runtime reads (" + e.getMessage() + "). Rebuild the project"
          + " with the same Nanoka version as its nanoka-runtime.", e);
    }
  }
}
