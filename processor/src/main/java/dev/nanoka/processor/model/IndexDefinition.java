package dev.nanoka.processor.model;

import dev.nanoka.core.schema.TableIndex;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * An index and where it was declared, so that a clash of names is reported at the declaration.
 *
 * @param index the index
 * @param element the record ({@code @Index}) or component ({@code @Field(index/unique)})
 * @param annotation the {@code @Index} or {@code @Field} that declares it
 * @param at the written value that names it, or null to point at the annotation
 */
public record IndexDefinition(
    TableIndex index, Element element, AnnotationView annotation, AnnotationValue at) {

  /** Whether declared by {@code @Index}, the one place an index can be given a name. */
  public boolean named() {
    return ((TypeElement) annotation.mirror().getAnnotationType().asElement())
        .getQualifiedName().contentEquals(Annotations.INDEX);
  }
}
