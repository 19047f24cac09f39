package dev.nanoka.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * One annotation on one element, read through the mirror API. Reading mirrors rather than
 * reflective proxies works for class literals of types not yet compiled and keeps the
 * {@link AnnotationValue}s that diagnostics point at.
 */
public final class AnnotationView {

  private final Element element;
  private final AnnotationMirror mirror;
  /**
   * The values with defaults, by attribute name. Looked up by name once each: javac's
   * {@code Name.contentEquals} decodes the name into a new String on every call, which reading
   * 10,000 components paid a hundred times per annotation.
   */
  private final Map<String, AnnotationValue> values = new HashMap<>();
  private Map<String, AnnotationValue> written;

  private AnnotationView(Element element, AnnotationMirror mirror, Elements elements) {
    this.element = element;
    this.mirror = mirror;
    elements.getElementValuesWithDefaults(mirror)
        .forEach((method, value) -> values.put(method.getSimpleName().toString(), value));
  }

  /** The annotation of this type on the element, if present. */
  public static Optional<AnnotationView> find(
      Element element, String annotationType, Elements elements) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isOfType(mirror, annotationType)) {
        return Optional.of(new AnnotationView(element, mirror, elements));
      }
    }
    return Optional.empty();
  }

  /**
   * Every occurrence of a repeatable annotation on the element, whether written once (direct) or
   * several times (javac wraps them in the container annotation).
   */
  public static List<AnnotationView> findRepeated(
      Element element, String annotationType, String containerType, Elements elements) {
    List<AnnotationView> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isOfType(mirror, annotationType)) {
        found.add(new AnnotationView(element, mirror, elements));
      } else if (isOfType(mirror, containerType)) {
        AnnotationView container = new AnnotationView(element, mirror, elements);
        for (AnnotationValue inner : container.list("value")) {
          found.add(new AnnotationView(element, (AnnotationMirror) inner.getValue(), elements));
        }
      }
    }
    return found;
  }

  private static boolean isOfType(AnnotationMirror mirror, String annotationType) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    return type.getQualifiedName().contentEquals(annotationType);
  }

  public Element element() {
    return element;
  }

  public AnnotationMirror mirror() {
    return mirror;
  }

  /** The value as written, for pointing diagnostics at it; null when the default applies. */
  public AnnotationValue written(String name) {
    if (written == null) {
      written = new HashMap<>();
      mirror.getElementValues()
          .forEach((method, value) -> written.put(method.getSimpleName().toString(), value));
    }
    return written.get(name);
  }

  /** Whether the attribute was written out (even if equal to its default). */
  public boolean isWritten(String name) {
    return written(name) != null;
  }

  public String string(String name) {
    return (String) value(name).getValue();
  }

  public boolean bool(String name) {
    return (Boolean) value(name).getValue();
  }

  public int integer(String name) {
    return (Integer) value(name).getValue();
  }

  /** The simple name of an enum constant attribute, e.g. {@code CASCADE}. */
  public String enumConstant(String name) {
    return ((VariableElement) value(name).getValue()).getSimpleName().toString();
  }

  /** A class attribute; empty for {@code void.class}, the "none" marker. */
  public Optional<TypeMirror> type(String name) {
    TypeMirror type = (TypeMirror) value(name).getValue();
    return type.getKind() == TypeKind.VOID ? Optional.empty() : Optional.of(type);
  }

  public List<String> strings(String name) {
    return list(name).stream().map(v -> (String) v.getValue()).toList();
  }

  /** The elements of an array attribute, each with its own source position. */
  @SuppressWarnings("unchecked")
  public List<AnnotationValue> list(String name) {
    return (List<AnnotationValue>) value(name).getValue();
  }

  private AnnotationValue value(String name) {
    AnnotationValue value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no attribute " + name + " on " + mirror);
    }
    return value;
  }
}
