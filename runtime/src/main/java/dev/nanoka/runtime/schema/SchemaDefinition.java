package dev.nanoka.runtime.schema;

/**
 * The models' schema as compiled: the annotation processor generates an implementation next to
 * each {@code @Schema} ({@code NanokaSchema} for a package), so the runtime gets the models
 * without reading sources or JSON.
 *
 * <pre>{@code
 * Pusher.forUrl("jdbc:sqlite:dev.db").push(NanokaSchema.INSTANCE.schema());
 * }</pre>
 */
public interface SchemaDefinition {

  /** The tables of the models, as the processor read them. */
  Schema schema();
}
