package dev.nanoka.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * How a mirror and a value relate to what is written in the source, for the classes that find
 * their positions in a compiler's syntax tree ({@link SourceLocator} under javac,
 * {@link EclipseLocator} under ecj): which occurrence of a repeated annotation a mirror is, and
 * which attribute (and array element) a value is.
 */
final class WrittenAnnotations {

  /**
   * Where a value is written in its annotation.
   *
   * @param attribute the name of the attribute, as in {@code name = …}
   * @param index the element's index when the value is one element of an array, else -1
   */
  record Value(String attribute, int index) {}

  private WrittenAnnotations() {}

  /**
   * Which written occurrence of its type the mirror is: 0 for an annotation written once; for one
   * of several, its index in the container mirror that holds them, which is the written order.
   */
  static int occurrence(Element element, AnnotationMirror mirror) {
    for (AnnotationMirror direct : element.getAnnotationMirrors()) {
      if (direct == mirror) {
        return 0;
      }
      int inContainer = indexOf(direct, mirror);
      if (inContainer >= 0) {
        return inContainer;
      }
    }
    return 0;
  }

  /**
   * Where the value is written in the mirror; empty when it is not one of its values. javac hands
   * out the same value objects every time; ecj makes new ones on each call, so a value found
   * nowhere as the same object is looked for as an equal one. Of equal ones the last is taken: a
   * diagnostic at one of several equal values is about a repetition.
   */
  static Optional<Value> value(AnnotationMirror mirror, AnnotationValue value) {
    Optional<Value> same = find(mirror, v -> v == value);
    return same.isPresent() ? same : find(mirror, value::equals);
  }

  /** The last value that is one (the whole value of an attribute, or an element of an array). */
  private static Optional<Value> find(AnnotationMirror mirror, Predicate<Object> isValue) {
    Value found = null;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      String attribute = entry.getKey().getSimpleName().toString();
      if (isValue.test(entry.getValue())) {
        found = new Value(attribute, -1);
      } else if (entry.getValue().getValue() instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (isValue.test(list.get(i))) {
            found = new Value(attribute, i);
          }
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** The index of the mirror among the annotations a container mirror holds, or -1. */
  private static int indexOf(AnnotationMirror container, AnnotationMirror mirror) {
    for (AnnotationValue value : container.getElementValues().values()) {
      if (value.getValue() instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof AnnotationValue v && v.getValue() == mirror) {
            return i;
          }
        }
      }
    }
    return -1;
  }
}
