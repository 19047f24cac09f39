package dev.nanoka.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds annotations javac could not resolve in a type's source. javac gives such an annotation
 * no mirror at all, so a record whose {@code @Field} import is missing looks like a record
 * without {@code @Field}; in the source tree it is there, with an error type. javac only (call
 * {@link #of} through {@link JavacTrees#ifAvailable}); a type from a class file has no tree and
 * had none.
 */
final class UnresolvedAnnotations {

  private final Trees trees;

  private UnresolvedAnnotations(Trees trees) {
    this.trees = trees;
  }

  static Optional<UnresolvedAnnotations> of(ProcessingEnvironment env) {
    return Optional.of(new UnresolvedAnnotations(Trees.instance(env)));
  }

  /** Whether the type, or one of its fields (a record's components), has one. */
  boolean in(TypeElement type) {
    TreePath path = trees.getPath(type);
    if (path == null || !(path.getLeaf() instanceof ClassTree declaration)) {
      return false;
    }
    if (anyUnresolved(path, declaration.getModifiers().getAnnotations())) {
      return true;
    }
    for (Tree member : declaration.getMembers()) {
      if (member instanceof VariableTree field
          && anyUnresolved(new TreePath(path, field), field.getModifiers().getAnnotations())) {
        return true;
      }
    }
    return false;
  }

  private boolean anyUnresolved(TreePath owner, List<? extends AnnotationTree> annotations) {
    for (AnnotationTree annotation : annotations) {
      TypeMirror type = trees.getTypeMirror(new TreePath(owner, annotation));
      if (type != null && type.getKind() == TypeKind.ERROR) {
        return true;
      }
    }
    return false;
  }
}
