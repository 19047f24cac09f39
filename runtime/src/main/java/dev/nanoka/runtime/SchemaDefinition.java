package dev.nanoka.runtime;

/**
 * The models of a {@code @Schema} as compiled: the annotation processor generates an
 * implementation ({@code NanokaSchema}) next to each {@code @Schema} and stores the schema as a
 * class-path resource beside it, so the runtime gets the models without reading sources. Pass it
 * to {@link Migrator.Builder#models(SchemaDefinition)} to push, or to diff with the models.
 *
 * <pre>{@code
 * Migrator.forUrl("jdbc:sqlite:dev.db").models(NanokaSchema.INSTANCE).build().push();
 * }</pre>
 */
public interface SchemaDefinition {

  /**
   * The resource holding the schema, e.g. {@code nanoka/schema/com/example/blog/schema.txt},
   * looked up through the class loader of the implementing class.
   */
  String resource();
}
