package dev.nanoka.processor.migrate;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Finds where in the source a migration diagnostic should point: at the annotation the user
 * changes to resolve it, e.g. {@code @Schema(version = …)} for a version mistake, the new
 * component for a column that may be a rename.
 */
public interface ModelLocator {

  /**
   * A position: the element, and where known the annotation and the value written in it.
   *
   * @param element the element, or null when there is none (an implicit schema)
   * @param annotation the annotation on it, or null
   * @param value the value written in the annotation, or null
   */
  record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {}

  /** A table of the new schema: its model's {@code @Model}, else the {@code @Schema}. */
  Location table(String tableName);

  /** A column of the new schema: its record component, else as {@link #table}. */
  Location column(String tableName, String columnName);

  /** The {@code @Schema}, at the attribute's value when it is written. */
  Location schema(String attribute);
}
