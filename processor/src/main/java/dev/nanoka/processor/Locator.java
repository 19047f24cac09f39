package dev.nanoka.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints a diagnostic where the compiler's {@code Messager} would place it badly or not at all:
 * {@link SourceLocator} under javac, {@link EclipseLocator} under ecj.
 */
interface Locator {

  /**
   * Prints the message at the value, annotation or element given (mirror and value may be
   * null), or returns false, printing nothing, to leave it to the {@code Messager}.
   */
  boolean print(
      Diagnostic.Kind kind, String text, Element element, AnnotationMirror mirror,
      AnnotationValue value);
}
