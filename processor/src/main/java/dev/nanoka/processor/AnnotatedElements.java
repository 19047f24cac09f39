package dev.nanoka.processor;

import dev.nanoka.processor.model.Annotations;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The elements that carry Nanoka's annotations, collected over the rounds. javac makes its
 * elements anew in every round (that is how a name missing in one round resolves in the next),
 * so the elements of earlier rounds are looked up again, by name, in the current one.
 *
 * <p>ecj hands a record component annotated {@code @Field} over as a parameter whose enclosing
 * element is the record; it is looked up as the record component it is, as javac hands it over.
 */
final class AnnotatedElements {

  private static final List<String> ANNOTATIONS = List.of(Annotations.MODEL, Annotations.FIELD,
      Annotations.INDEX, Annotations.INDEXES, Annotations.SCHEMA);

  private final Map<String, Set<Element>> byAnnotation = new LinkedHashMap<>();

  /** Adds the elements of this round. */
  void remember(RoundEnvironment round, Elements elements) {
    for (String annotation : ANNOTATIONS) {
      TypeElement type = elements.getTypeElement(annotation);
      if (type != null) {
        byAnnotation.computeIfAbsent(annotation, a -> new LinkedHashSet<>())
            .addAll(round.getElementsAnnotatedWith(type));
      }
    }
  }

  boolean isEmpty() {
    return byAnnotation.values().stream().allMatch(Set::isEmpty);
  }

  /** The elements annotated with it, as the current round knows them. */
  Set<Element> with(String annotation, Elements elements) {
    Set<Element> current = new LinkedHashSet<>();
    for (Element element : byAnnotation.getOrDefault(annotation, Set.of())) {
      current.add(current(element, elements));
    }
    return current;
  }

  private static Element current(Element element, Elements elements) {
    Element found = null;
    if (element instanceof TypeElement type) {
      found = elements.getTypeElement(type.getQualifiedName());
    } else if (element instanceof PackageElement pkg) {
      found = elements.getPackageElement(pkg.getQualifiedName());
    } else if (element.getEnclosingElement() instanceof TypeElement owner
        && owner.getKind() == ElementKind.RECORD
        && current(owner, elements) instanceof TypeElement record) {
      found = record.getRecordComponents().stream()
          .filter(c -> c.getSimpleName().contentEquals(element.getSimpleName()))
          .findFirst().orElse(null);
    }
    return found == null ? element : found;
  }
}
