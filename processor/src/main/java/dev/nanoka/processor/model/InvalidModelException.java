package dev.nanoka.processor.model;

import dev.nanoka.processor.Message;
import javax.lang.model.element.AnnotationValue;

/**
 * A problem found deep inside a reader (type mapping, default parsing), carried up to the place
 * that knows the element to report it at. Never escapes the processor.
 */
public final class InvalidModelException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Message problem;
  private final transient Object[] args;
  private final transient AnnotationValue at;

  public InvalidModelException(Message problem, AnnotationValue at, Object... args) {
    super(problem.format(args), null, false, false);
    this.problem = problem;
    this.args = args.clone();
    this.at = at;
  }

  private InvalidModelException() {
    super("unresolved", null, false, false);
    this.problem = null;
    this.args = new Object[0];
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
  public Message problem() {
    return problem;
  }

  public Object[] args() {
    return args.clone();
  }

  /** The annotation value the problem is about, or null to point at the annotation. */
  public AnnotationValue at() {
    return at;
  }
}
