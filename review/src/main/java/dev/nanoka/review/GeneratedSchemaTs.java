package dev.nanoka.review;

import dev.nanoka.runtime.SchemaDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The schema.ts the models generate, as the annotation processor stored it beside the schema
 * resource of a {@link SchemaDefinition} ({@code nanoka/schema/<package>/schema.ts} next to
 * {@code schema.txt}). Rendering it again here would take the processor's renderer and the Java
 * types of JSON columns, which only javac sees; the processor has the text at hand.
 */
public final class GeneratedSchemaTs {

  private GeneratedSchemaTs() {}

  /** The text; empty when the build wrote no schema.ts (no output location) or predates this. */
  public static Optional<String> of(SchemaDefinition definition) {
    String schema = definition.resource();
    String name = schema.substring(0, schema.lastIndexOf('/') + 1) + "schema.ts";
    try (InputStream in = definition.getClass().getClassLoader().getResourceAsStream(name)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the resource " + name, e);
    }
  }
}
