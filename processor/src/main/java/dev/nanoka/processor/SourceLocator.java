package dev.nanoka.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.PackageTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the source position of an annotation value through javac's tree API, where
 * {@code Messager} can't: javac 17 gives a diagnostic at a record component no position at all
 * (no file, no line), later versions only the annotation, and no javac finds one {@code @Index}
 * among several, which it keeps in a container annotation that has no tree. Only used under
 * javac; elsewhere (no trees, a model from a class file) the {@code Messager} reports as usual.
 *
 * <p>javac removes a record component's annotations from the trees it keeps (they live on as
 * the field's, accessor's and parameter's, minus those not allowed there, like {@code @Field}).
 * To point at a value written in {@code @Field}, the file is parsed again: positions are offsets
 * into the same text, so they are valid for the compilation's own file. That happens only when a
 * component has a problem, once per file.
 */
final class SourceLocator implements Locator {

  private final Trees trees;
  /** Files parsed again, by URI; an absent value means the file could not be parsed. */
  private final Map<URI, Optional<CompilationUnitTree>> reparsed = new HashMap<>();

  private SourceLocator(Trees trees) {
    this.trees = trees;
  }

  /** The locator of this compiler; call it through {@link JavacTrees#ifAvailable}. */
  static Optional<SourceLocator> of(ProcessingEnvironment env) {
    return Optional.of(new SourceLocator(Trees.instance(env)));
  }

  /**
   * Prints the message at the value, else the annotation, else the element, as far as the
   * source shows them. Returns false, printing nothing, when the element has no source here.
   */
  @Override
  public boolean print(
      Diagnostic.Kind kind, String text, Element element, AnnotationMirror mirror,
      AnnotationValue value) {
    TreePath path = declaration(element);
    if (path == null) {
      return false;
    }
    Tree target = path.getLeaf();
    List<? extends AnnotationTree> written = annotations(target);
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      VariableTree component = writtenComponent(element, path.getCompilationUnit());
      if (component != null) {
        target = component;
        written = component.getModifiers().getAnnotations();
      }
    }
    if (mirror != null) {
      AnnotationTree annotation = annotationTree(element, written, mirror);
      if (annotation != null) {
        target = annotation;
        if (value != null) {
          ExpressionTree valueTree = valueTree(annotation, mirror, value);
          if (valueTree != null) {
            target = valueTree;
          }
        }
      }
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    trees.printMessage(kind, text, target, unit);
    return true;
  }

  /** The declaration of the element; a record component's is the field javac makes of it. */
  private TreePath declaration(Element element) {
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      for (VariableElement field :
          ElementFilter.fieldsIn(element.getEnclosingElement().getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(element.getSimpleName())) {
          return trees.getPath(field);
        }
      }
      return null;
    }
    return trees.getPath(element);
  }

  /**
   * The written annotation the mirror stands for. An annotation repeated on a declaration is
   * held by a container mirror: the n-th mirror in the container is the n-th written one.
   */
  private static AnnotationTree annotationTree(
      Element element, List<? extends AnnotationTree> written, AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    int occurrence = WrittenAnnotations.occurrence(element, mirror);
    int seen = 0;
    for (AnnotationTree annotation : written) {
      if (isOfType(annotation, type) && seen++ == occurrence) {
        return annotation;
      }
    }
    return null;
  }

  /** By name as written ({@code Field}, {@code dev.nanoka.Field}): parsed trees have no types. */
  private static boolean isOfType(AnnotationTree annotation, TypeElement type) {
    String written = annotation.getAnnotationType().toString();
    return written.equals(type.getQualifiedName().toString())
        || written.equals(type.getSimpleName().toString());
  }

  /** The record component as written in the source, annotations included. */
  private VariableTree writtenComponent(Element component, CompilationUnitTree unit) {
    Deque<String> names = new ArrayDeque<>(); // outermost type first
    Element enclosing = component.getEnclosingElement();
    while (enclosing instanceof TypeElement) {
      names.push(enclosing.getSimpleName().toString());
      enclosing = enclosing.getEnclosingElement();
    }
    if (!(enclosing instanceof PackageElement)) {
      return null; // a local record: its component's own position will do
    }
    Optional<CompilationUnitTree> parsed = reparsed.computeIfAbsent(
        unit.getSourceFile().toUri(), uri -> parse(unit.getSourceFile()));
    if (parsed.isEmpty()) {
      return null;
    }
    List<? extends Tree> members = parsed.get().getTypeDecls();
    ClassTree type = null;
    while (!names.isEmpty()) {
      String name = names.pop();
      type = null;
      for (Tree member : members) {
        if (member instanceof ClassTree c && c.getSimpleName().contentEquals(name)) {
          type = c;
          break;
        }
      }
      if (type == null) {
        return null;
      }
      members = type.getMembers();
    }
    for (Tree member : members) {
      if (member instanceof VariableTree v && v.getName().contentEquals(component.getSimpleName())
          && !v.getModifiers().getFlags().contains(Modifier.STATIC)) {
        return v;
      }
    }
    return null;
  }

  private static Optional<CompilationUnitTree> parse(JavaFileObject file) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      return Optional.empty();
    }
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(d -> { }, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) compiler.getTask(
          null, files, d -> { }, List.of("-proc:none"), null, List.of(file));
      Iterator<? extends CompilationUnitTree> units = task.parse().iterator();
      return units.hasNext() ? Optional.of(units.next()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the position is then the component's, which is still right
    }
  }

  private static List<? extends AnnotationTree> annotations(Tree declaration) {
    if (declaration instanceof ClassTree c) {
      return c.getModifiers().getAnnotations();
    } else if (declaration instanceof VariableTree v) {
      return v.getModifiers().getAnnotations();
    } else if (declaration instanceof MethodTree m) {
      return m.getModifiers().getAnnotations();
    } else if (declaration instanceof PackageTree p) {
      return p.getAnnotations();
    } else if (declaration instanceof CompilationUnitTree u) {
      return u.getPackageAnnotations();
    }
    return List.of();
  }

  /** Where the value is written: the right side of {@code name = …}, or one array element. */
  private static ExpressionTree valueTree(
      AnnotationTree annotation, AnnotationMirror mirror, AnnotationValue value) {
    Optional<WrittenAnnotations.Value> at = WrittenAnnotations.value(mirror, value);
    if (at.isEmpty()) {
      return null;
    }
    ExpressionTree written = argument(annotation, at.get().attribute());
    if (written == null || at.get().index() < 0) {
      return written;
    }
    int index = at.get().index();
    if (written instanceof NewArrayTree array) {
      return index < array.getInitializers().size() ? array.getInitializers().get(index) : array;
    }
    return written; // a one-element array written without braces
  }

  private static ExpressionTree argument(AnnotationTree annotation, String name) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment) {
        if (assignment.getVariable() instanceof IdentifierTree id
            && id.getName().contentEquals(name)) {
          return assignment.getExpression();
        }
      } else if (name.equals("value")) {
        return argument; // @Model("users")
      }
    }
    return null;
  }
}
