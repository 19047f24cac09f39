package dev.nanoka.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Finds {@code @Model} on types javac never shows to annotation processors: records declared in
 * a method, constructor, initializer, lambda or anonymous class, and the types nested in them.
 * They would silently get no table; each is reported as an error instead.
 *
 * <p>javac only, through its source trees: the annotation can only be recognized by how it is
 * written, since method bodies are not attributed while processors run. Only files importing
 * something of {@code dev.nanoka} (or in that package) are scanned, once each. Under other
 * compilers the class is never loaded ({@link #of} is called through
 * {@link JavacTrees#ifAvailable}).
 */
final class LocalModels {

  private static final String PACKAGE = "dev.nanoka";
  private static final String MODEL = PACKAGE + ".Model";

  private final Trees trees;
  private final Set<URI> scanned = new HashSet<>();

  private LocalModels(Trees trees) {
    this.trees = trees;
  }

  static Optional<LocalModels> of(ProcessingEnvironment env) {
    return Optional.of(new LocalModels(Trees.instance(env)));
  }

  /** Reports the local models in the files of these root elements not scanned before. */
  void report(Set<? extends Element> roots, Diagnostics diagnostics) {
    for (Element root : roots) {
      TreePath path = trees.getPath(root);
      if (path == null || !scanned.add(path.getCompilationUnit().getSourceFile().toUri())) {
        continue;
      }
      CompilationUnitTree unit = path.getCompilationUnit();
      Set<String> names = modelNames(unit);
      if (!names.isEmpty()) {
        new Scanner(unit, names, diagnostics).scan(unit, null);
      }
    }
  }

  /** How {@code @Model} can be written in the file; none when it imports nothing of ours. */
  private static Set<String> modelNames(CompilationUnitTree unit) {
    boolean ours = unit.getPackageName() != null
        && unit.getPackageName().toString().equals(PACKAGE);
    Set<String> names = new HashSet<>(Set.of(MODEL));
    if (ours) {
      names.add("Model");
    }
    for (ImportTree importTree : unit.getImports()) {
      String imported = importTree.getQualifiedIdentifier().toString();
      if (!importTree.isStatic() && imported.startsWith(PACKAGE + ".")) {
        ours = true;
        if (imported.equals(MODEL) || imported.equals(PACKAGE + ".*")) {
          names.add("Model");
        }
      }
    }
    return ours ? names : Set.of();
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final Set<String> names;
    private final Diagnostics diagnostics;

    Scanner(CompilationUnitTree unit, Set<String> names, Diagnostics diagnostics) {
      this.unit = unit;
      this.names = names;
      this.diagnostics = diagnostics;
    }

    @Override
    public Void visitClass(ClassTree type, Void unused) {
      for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
        String where = enclosingBody(getCurrentPath());
        if (where != null && names.contains(annotation.getAnnotationType().toString())) {
          String name = type.getSimpleName().toString();
          diagnostics.errorAt((kind, text) -> trees.printMessage(kind, text, annotation, unit),
              SchemaMessages.localModel(name, where));
        }
      }
      return super.visitClass(type, unused);
    }
  }

  /** The innermost body the type is declared in, or null for a top-level or member type. */
  private static String enclosingBody(TreePath type) {
    boolean inBlock = false;
    for (TreePath path = type.getParentPath(); path != null; path = path.getParentPath()) {
      Tree tree = path.getLeaf();
      switch (tree.getKind()) {
        case METHOD:
          return ((MethodTree) tree).getName().contentEquals("<init>") ? "constructor" : "method";
        case LAMBDA_EXPRESSION:
          return "lambda";
        case NEW_CLASS:
          return "anonymous class";
        case BLOCK:
          inBlock = true;
          break;
        default:
          if (tree instanceof ClassTree && inBlock) {
            return "initializer"; // a block of a class, or of a field's initializer
          }
          break;
      }
    }
    return null;
  }
}
