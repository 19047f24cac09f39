package dev.nanoka.runtime.schema;

/**
 * The models' schema as compiled: the annotation processor generates an implementation next to
 * each {@code @Schema} ({@code NanokaSchema} for a package), so the runtime gets the models
 * without reading sources or JSON.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:sqlite:dev.db")) {
 *   Pusher.push(c, NanokaSchema.INSTANCE.schema(), false, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public interface SchemaDefinition {

  /** The tables of the models, as the processor read them. */
  Schema schema();
}
