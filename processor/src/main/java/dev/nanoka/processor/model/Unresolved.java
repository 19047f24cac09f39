package dev.nanoka.processor.model;

import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * What javac could not resolve (yet). A missing type is an error type, and a class literal or
 * constant naming something missing is an annotation value {@code <error>} (under javac and ecj
 * alike); the compiler reports each itself at the end of processing. A model that has one is not read: an error about it would
 * only echo javac's, and in a later round another processor may have generated what is missing.
 *
 * <p>An annotation whose own type is missing (an import left out) has no mirror at all: only the
 * source shows it, which the compiler-specific check given to the constructor reads.
 */
public final class Unresolved {

  /** How javac 17+ shows an erroneous annotation value ({@code Attribute.Error}). */
  private static final String ERROR = "<error>";

  /** The package of ecj's javax.lang.model implementation. */
  private static final String ECJ = "org.eclipse.jdt.internal.compiler.apt.model.";

  private final Predicate<TypeElement> unresolvedAnnotationInSource;

  /**
   * @param unresolvedAnnotationInSource whether the source of a type has, on it or its members,
   *     an annotation of a type that could not be resolved
   */
  public Unresolved(Predicate<TypeElement> unresolvedAnnotationInSource) {
    this.unresolvedAnnotationInSource = unresolvedAnnotationInSource;
  }

  /** Whether the record's annotations, or its components' types or annotations, have any. */
  public boolean inModel(TypeElement record) {
    if (inAnnotationsOf(record)) {
      return true;
    }
    if (record.getKind() != ElementKind.RECORD) {
      return false; // and ecj throws at getRecordComponents() of any other type
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (component.getAnnotationMirrors().stream().anyMatch(Unresolved::in)
          || in(component.asType())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an annotation of the type, or (as written) of one of its members, is of a missing
   * type or has an erroneous value.
   */
  public boolean inAnnotationsOf(TypeElement type) {
    return type.getAnnotationMirrors().stream().anyMatch(Unresolved::in)
        || unresolvedAnnotationInSource.test(type);
  }

  /** Whether the type is, or is built of, a type javac could not resolve. */
  public static boolean in(TypeMirror type) {
    return switch (type.getKind()) {
      case ERROR -> true;
      case ARRAY -> in(((ArrayType) type).getComponentType());
      case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(Unresolved::in);
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        yield wildcard.getExtendsBound() != null && in(wildcard.getExtendsBound())
            || wildcard.getSuperBound() != null && in(wildcard.getSuperBound());
      }
      default -> false;
    };
  }

  /** Whether an annotation value, or an element of it, is erroneous. */
  public static boolean in(AnnotationValue value) {
    Object content = value.getValue();
    if (content instanceof TypeMirror type) {
      return in(type);
    } else if (content instanceof AnnotationMirror annotation) {
      return in(annotation);
    } else if (content instanceof List<?> list) {
      return list.stream().anyMatch(v -> v instanceof AnnotationValue a && in(a));
    }
    // A real string "<error>" prints as a quoted literal; javac's erroneous value does not.
    // ecj's erroneous value is that string too, and prints quoted: under ecj nothing tells it from
    // the literal, which is then taken for one (nothing is written; ecj reports the name).
    return content == null || content.equals(ERROR)
        && (value.toString().equals(ERROR) || value.getClass().getName().startsWith(ECJ));
  }

  /** Whether the annotation is of a missing type or has an erroneous value. */
  public static boolean in(AnnotationMirror annotation) {
    return in(annotation.getAnnotationType())
        || annotation.getElementValues().values().stream().anyMatch(Unresolved::in);
  }
}
