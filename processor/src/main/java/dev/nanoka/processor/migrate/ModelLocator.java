package dev.nanoka.processor.migrate;

import dev.nanoka.processor.model.AnnotationView;
import dev.nanoka.processor.model.ModelDefinition;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Finds where in the source a migration diagnostic should point: at the annotation the user
 * changes to resolve it, e.g. {@code @Schema(version = …)} for a version mistake, the new
 * component for a column that may be a rename. The differ only knows table and column names;
 * this maps them back to the models of the schema.
 */
public final class ModelLocator {

  /**
   * A position: the element, and where known the annotation and the value written in it.
   *
   * @param element the element, or null when there is none (an implicit schema)
   * @param annotation the annotation on it, or null
   * @param value the value written in the annotation, or null
   */
  public record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {}

  private final Optional<Element> schemaElement;
  private final Optional<AnnotationView> schema;
  private final List<ModelDefinition> models;

  /**
   * @param schemaElement the element carrying {@code @Schema}; empty for an implicit schema
   * @param schema its {@code @Schema}
   * @param models the schema's models as read
   */
  public ModelLocator(
      Optional<Element> schemaElement, Optional<AnnotationView> schema,
      List<ModelDefinition> models) {
    this.schemaElement = schemaElement;
    this.schema = schema;
    this.models = List.copyOf(models);
  }

  /** A table of the new schema: its model's {@code @Model}, else the {@code @Schema}. */
  public Location table(String tableName) {
    return model(tableName)
        .map(m -> new Location(m.element(), m.model().mirror(), null))
        .orElseGet(() -> schema(null));
  }

  /** A column of the new schema: its record component, else as {@link #table}. */
  public Location column(String tableName, String columnName) {
    return model(tableName).flatMap(m -> m.columns().stream()
            .filter(c -> c.column().name().equalsIgnoreCase(columnName))
            .findFirst())
        .map(c -> new Location(c.element(), null, null))
        .orElseGet(() -> table(tableName));
  }

  /** The {@code @Schema}, at the attribute's value when it is written (null: the annotation). */
  public Location schema(String attribute) {
    Element element = schemaElement.orElse(null);
    return schema
        .map(s -> new Location(element, s.mirror(),
            attribute == null ? null : s.written(attribute)))
        .orElse(new Location(element, null, null));
  }

  private Optional<ModelDefinition> model(String tableName) {
    return models.stream().filter(m -> m.tableName().equalsIgnoreCase(tableName)).findFirst();
  }
}
