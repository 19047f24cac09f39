package dev.nanoka.processor;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The source position (file and line) of a type, a record component, or an annotation or value
 * written on them, read from the Eclipse compiler's syntax tree for {@link EclipseLocator}.
 * javax.lang.model has no positions, and ecj offers no tree API like javac's
 * {@code com.sun.source}; its elements hold their declaration, which its own {@code Messager}
 * reads too.
 *
 * <p>Only public fields and methods of ecj's compiler ({@code org.eclipse.jdt.internal.compiler},
 * the same classes in the batch compiler and in the IDE) are read, by reflection, so the
 * processor needs no ecj at compile time. A name that changes in a later ecj gives no position,
 * never an exception: the diagnostic is then printed as the {@code Messager} places it.
 */
final class EcjSyntaxTree {

  /** Where something is written: ecj's name of the file, and the 1-based line. */
  record Position(String file, int line) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  private EcjSyntaxTree() {}

  /**
   * The position of the value, else of the annotation, else of the type or component's name;
   * empty when the element is not a type (package-info included) or record component compiled
   * from source by ecj.
   */
  static Optional<Position> positionOf(
      Element element, AnnotationMirror mirror, AnnotationValue value) {
    try {
      return Optional.ofNullable(find(element, mirror, value));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Optional.empty(); // not ecj's tree as we know it: no position rather than a crash
    }
  }

  private static Position find(Element element, AnnotationMirror mirror, AnnotationValue value)
      throws ReflectiveOperationException {
    Element type = element.getKind() == ElementKind.RECORD_COMPONENT
        ? element.getEnclosingElement() : element;
    if (!(type instanceof TypeElement)) {
      return null;
    }
    // ElementImpl._binding: a SourceTypeBinding for a type compiled from source, whose
    // scope.referenceContext is its TypeDeclaration; a type read from a class file has no scope.
    Object binding = field(type, "_binding");
    if (!hasField(binding, "scope")) {
      return null;
    }
    Object declaration = field(field(binding, "scope"), "referenceContext");
    Object node = declaration;
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      node = component(declaration, element.getSimpleName().toString());
      if (node == null) {
        return null;
      }
    }
    if (mirror != null) {
      Object annotation = annotation((Object[]) field(node, "annotations"), mirror);
      if (annotation != null) {
        node = annotation;
        if (value != null) {
          Object written = value(annotation, mirror, value);
          node = written == null ? node : written;
        }
      }
    }
    int offset = (int) field(node, "sourceStart");
    Object result = field(declaration, "compilationResult");
    String file = new String((char[]) field(result, "fileName"));
    int[] lineEnds = (int[]) call(result, "getLineSeparatorPositions");
    return new Position(file, line(lineEnds, offset));
  }

  /** The RecordComponent of the declaration with this name. */
  private static Object component(Object declaration, String name)
      throws ReflectiveOperationException {
    Object[] components = (Object[]) field(declaration, "recordComponents");
    for (Object component : components == null ? new Object[0] : components) {
      if (name.equals(new String((char[]) field(component, "name")))) {
        return component;
      }
    }
    return null;
  }

  /**
   * The written annotation whose compiler annotation is the mirror's; ecj makes one per written
   * annotation, also for each of several repeated ones.
   */
  private static Object annotation(Object[] annotations, AnnotationMirror mirror)
      throws ReflectiveOperationException {
    Object binding = field(mirror, "_binding");
    for (Object annotation : annotations == null ? new Object[0] : annotations) {
      if (call(annotation, "getCompilerAnnotation") == binding) {
        return annotation;
      }
    }
    return null;
  }

  /** The written value: the right side of {@code name = …}, or one element of an array. */
  private static Object value(Object annotation, AnnotationMirror mirror, AnnotationValue value)
      throws ReflectiveOperationException {
    Optional<WrittenAnnotations.Value> at = where(mirror, value);
    if (at.isEmpty()) {
      return null;
    }
    // memberValuePairs() also gives @Index({"a"}) its pair, named value
    for (Object pair : (Object[]) call(annotation, "memberValuePairs")) {
      if (at.get().attribute().equals(new String((char[]) field(pair, "name")))) {
        Object written = field(pair, "value");
        int index = at.get().index();
        if (index >= 0 && hasField(written, "expressions")) { // an ArrayInitializer: {…}
          Object[] elements = (Object[]) field(written, "expressions");
          return elements != null && index < elements.length ? elements[index] : written;
        }
        return written;
      }
    }
    return null;
  }

  /**
   * Where the value is written in the mirror. ecj's value of a whole attribute knows its
   * attribute ({@code AnnotationMemberValue.getMethodBinding()}, as ecj's Messager reads it),
   * which tells apart equal values of two attributes ({@code onDelete = SET_NULL,
   * onUpdate = SET_NULL}); an element of an array is found by {@link WrittenAnnotations}.
   */
  static Optional<WrittenAnnotations.Value> where(AnnotationMirror mirror, AnnotationValue value) {
    try {
      Method binding = value.getClass().getMethod("getMethodBinding");
      Object method = binding.invoke(value);
      if (method != null) {
        return Optional.of(
            new WrittenAnnotations.Value(new String((char[]) field(method, "selector")), -1));
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // not ecj's whole-attribute value
    }
    return WrittenAnnotations.value(mirror, value);
  }

  /** The 1-based line of an offset, given the offsets of the line separators in order. */
  static int line(int[] lineEnds, int offset) {
    int found = Arrays.binarySearch(lineEnds, offset);
    int before = found >= 0 ? found : -found - 1; // separators ahead of the offset
    return before + 1;
  }

  private static boolean hasField(Object object, String name) {
    try {
      object.getClass().getField(name);
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  private static Object field(Object object, String name) throws ReflectiveOperationException {
    return object.getClass().getField(name).get(object);
  }

  private static Object call(Object object, String name) throws ReflectiveOperationException {
    return object.getClass().getMethod(name).invoke(object);
  }
}
