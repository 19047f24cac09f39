package dev.nanoka.processor;

import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Places the diagnostics the Eclipse compiler (ecj: Eclipse, and VS Code's Java support) loses.
 * ecj's {@code Messager} gives no position to a diagnostic at a record, a record component or a
 * package: it knows the position of classes, interfaces, enums, methods, fields and parameters
 * only (ecj 3.40 to 3.46; {@code BaseMessagerImpl.createProblem}). The batch compiler then prints
 * the message without a file, and the IDE only writes it to its log: the Problems view never
 * shows it, and every model is a record. Of an annotation value, ecj places only a whole
 * attribute; one element of an array ({@code @Schema(models = {A.class, B.class})}) it places at
 * the annotation.
 *
 * <p>Such a diagnostic is printed at the nearest element ecj does place, in the same file: a
 * record's at its canonical constructor (ecj places an implicit one at the record's name), a
 * component's at its field (at the component's name), a package's at its package-info type,
 * which holds the package's annotations. Where that is not the exact spot (a record, a
 * component, an element of an array) the text ends with the exact position,
 * {@code (at src/Post.java:12)}, read from ecj's syntax tree ({@link EcjSyntaxTree}). Without a
 * source (a model from a class file) the {@code Messager} reports at the element as usual.
 */
final class EclipseLocator implements Locator {

  /** The package of ecj's javax.lang.model implementation, in the batch compiler and the IDE. */
  private static final String ECJ_ELEMENTS = "org.eclipse.jdt.internal.compiler.apt.model.";

  private final Messager messager;
  private final Elements elements;
  private final Types types;

  EclipseLocator(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  @Override
  public boolean print(
      Diagnostic.Kind kind, String text, Element element, AnnotationMirror mirror,
      AnnotationValue value) {
    if (element == null || !element.getClass().getName().startsWith(ECJ_ELEMENTS)) {
      return false;
    }
    boolean lost = element.getKind() == ElementKind.RECORD
        || element.getKind() == ElementKind.RECORD_COMPONENT;
    Optional<? extends Element> anchor = switch (element.getKind()) {
      case RECORD -> canonicalConstructor((TypeElement) element);
      case RECORD_COMPONENT -> field((RecordComponentElement) element);
      case PACKAGE -> packageInfo((PackageElement) element);
      default -> Optional.of(element);
    };
    if (anchor.isEmpty()) {
      return false;
    }
    Element declared = element.getKind() == ElementKind.PACKAGE ? anchor.get() : element;
    Optional<EcjSyntaxTree.Position> at = lost || inArray(mirror, value)
        ? EcjSyntaxTree.positionOf(declared, mirror, value) : Optional.empty();
    if (lost && at.isEmpty()) {
      return false; // not from source, or a tree we can't read: nothing better to offer
    }
    if (anchor.get() == element && at.isEmpty()) {
      return false; // ecj places it
    }
    String placed = at.map(p -> text + " (at " + p + ")").orElse(text);
    if (lost) {
      messager.printMessage(kind, placed, anchor.get()); // the mirror is not the anchor's
    } else {
      messager.printMessage(kind, placed, anchor.get(), mirror, value);
    }
    return true;
  }

  /** Whether the value is one element of an array, which ecj places at the annotation. */
  private static boolean inArray(AnnotationMirror mirror, AnnotationValue value) {
    return mirror != null && value != null
        && EcjSyntaxTree.where(mirror, value).map(v -> v.index() >= 0).orElse(false);
  }

  /** The synthetic type ecj makes of a package-info.java, which it can place. */
  private Optional<TypeElement> packageInfo(PackageElement pkg) {
    return Optional.ofNullable(
        elements.getTypeElement(pkg.getQualifiedName() + ".package-info"));
  }

  /** The constructor whose parameters are the components (Elements.isCanonicalConstructor: 20+). */
  private Optional<ExecutableElement> canonicalConstructor(TypeElement record) {
    List<TypeMirror> components = record.getRecordComponents().stream()
        .map(c -> types.erasure(c.asType())).toList();
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(record.getEnclosedElements())) {
      List<TypeMirror> parameters = constructor.getParameters().stream()
          .map(p -> types.erasure(p.asType())).toList();
      if (sameTypes(components, parameters)) {
        return Optional.of(constructor);
      }
    }
    return Optional.empty();
  }

  private boolean sameTypes(List<TypeMirror> a, List<TypeMirror> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!types.isSameType(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The private field a record component is stored in. */
  private static Optional<VariableElement> field(RecordComponentElement component) {
    return ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements()).stream()
        .filter(f -> f.getSimpleName().contentEquals(component.getSimpleName()))
        .findFirst();
  }
}
