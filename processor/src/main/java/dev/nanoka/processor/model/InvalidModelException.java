package dev.nanoka.processor.model;

import dev.nanoka.processor.MessageText;
import javax.lang.model.element.AnnotationValue;

/**
 * A problem found deep inside a reader (type mapping, default parsing), carried up to the place
 * that knows the element to report it at. Never escapes the processor.
 */
public final class InvalidModelException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient MessageText problem;
  private final transient AnnotationValue at;

  public InvalidModelException(MessageText problem, AnnotationValue at) {
    super(problem.text(), null, false, false);
    this.problem = problem;
    this.at = at;
  }

  private InvalidModelException() {
    super("unresolved", null, false, false);
    this.problem = null;
    this.at = null;
  }

  /**
   * A type javac could not resolve: javac reports it itself, and anything said here would only
   * follow from it (see {@link Unresolved}).
   */
  public static InvalidModelException unresolved() {
    return new InvalidModelException();
  }

  public boolean isUnresolved() {
    return problem == null;
  }

  /** The problem; not for {@link #isUnresolved()} ones, which are not reported. */
  public MessageText problem() {
    return problem;
  }

  /** The annotation value the problem is about, or null to point at the annotation. */
  public AnnotationValue at() {
    return at;
  }
}
