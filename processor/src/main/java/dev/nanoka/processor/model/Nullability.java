package dev.nanoka.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Whether a record component is declared nullable by a {@code @Nullable} annotation of any
 * library: matched by simple name, on the component (Jakarta, JetBrains) or on its type
 * (JSpecify's type-use annotation), so no particular library is required.
 */
final class Nullability {

  private Nullability() {}

  static boolean isNullable(Element component) {
    return hasNullable(component.getAnnotationMirrors())
        || hasNullable(component.asType().getAnnotationMirrors());
  }

  private static boolean hasNullable(List<? extends AnnotationMirror> mirrors) {
    return mirrors.stream().anyMatch(
        m -> m.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable"));
  }
}
