package dev.nanoka.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports problems: at an element, and where possible at the
 * annotation (and value) that caused it, so the IDE underlines the right spot. Readers report and
 * carry on, so a compile shows every problem at once; nothing is written once an error was seen.
 *
 * <p>Reports of a reading can be {@linkplain #hold() held back}: when javac could not resolve a
 * type yet, the reading is thrown away and done again in the next round, and its reports must
 * show once, from the reading that counts.
 */
public final class Diagnostics {

  /** A position only the caller can name (a source tree), where a message is printed. */
  public interface Position {
    void print(Diagnostic.Kind kind, String text);
  }

  private final Messager messager;
  private final Locator locator;
  private boolean errors;
  private boolean unresolved;
  private int reports;
  /** A model listed by two schemas is read twice; its problems are still reported once. */
  private Set<List<Object>> printed = new HashSet<>();
  /** Reports held back, in order; null when reports are printed at once. */
  private List<Runnable> held;
  private boolean errorsBeforeHold;
  private Set<List<Object>> printedBeforeHold;

  /**
   * Reports through javac's trees where they give a better position than the Messager; under
   * ecj, where its Messager loses the position.
   */
  public Diagnostics(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.locator = JavacTrees.ifAvailable(() -> SourceLocator.of(env))
        .<Locator>map(javac -> javac)
        .orElseGet(() -> new EclipseLocator(env));
  }

  /** Reports an error at the element, annotation and value given (each may be null). */
  public void error(
      Element element, AnnotationMirror mirror, AnnotationValue value, MessageText message) {
    errors = true;
    print(Diagnostic.Kind.ERROR, element, mirror, value, message.text());
  }

  public void error(Element element, MessageText message) {
    error(element, null, null, message);
  }

  /** Reports an error at a position the caller prints at. */
  public void errorAt(Position at, MessageText message) {
    errors = true;
    report(() -> at.print(Diagnostic.Kind.ERROR, message.text()));
  }

  /** Reports a warning; it does not stop files from being written. */
  public void warning(
      Element element, AnnotationMirror mirror, AnnotationValue value, MessageText message) {
    print(Diagnostic.Kind.WARNING, element, mirror, value, message.text());
  }

  /** Reports a note: information, not a problem. */
  public void note(Element element, MessageText message) {
    note(element, null, null, message);
  }

  /** Reports a note at an annotation (value) of the element. */
  public void note(
      Element element, AnnotationMirror mirror, AnnotationValue value, MessageText message) {
    print(Diagnostic.Kind.NOTE, element, mirror, value, message.text());
  }

  /**
   * Notes that something javac could not resolve kept a model from being read. javac reports
   * the name itself; like an error, it stops files from being written.
   */
  public void unresolved() {
    unresolved = true;
  }

  /** How many diagnostics were reported so far (held ones included). */
  public int reports() {
    return reports;
  }

  /** Whether any error was reported. */
  public boolean hasErrors() {
    return errors;
  }

  /** Whether a model was left unread because javac could not resolve something in it. */
  public boolean hasUnresolved() {
    return unresolved;
  }

  /** Holds the following reports back until {@link #release()} or {@link #drop()}. */
  public void hold() {
    held = new ArrayList<>();
    errorsBeforeHold = errors;
    printedBeforeHold = new HashSet<>(printed);
    unresolved = false;
  }

  /** Prints the reports held back. */
  public void release() {
    List<Runnable> reports = held;
    held = null;
    reports.forEach(Runnable::run);
  }

  /** Forgets the reports held back, and the errors and unresolved names among them. */
  public void drop() {
    held = null;
    errors = errorsBeforeHold;
    printed = printedBeforeHold;
    unresolved = false;
  }

  private void print(
      Diagnostic.Kind kind, Element element, AnnotationMirror mirror, AnnotationValue value,
      String text) {
    if (!printed.add(List.of(kind, text, element == null ? "" : element,
        mirror == null ? "" : mirror, value == null ? "" : value))) {
      return;
    }
    report(() -> {
      if (element != null && locator.print(kind, text, element, mirror, value)) {
        return;
      }
      if (element == null) {
        messager.printMessage(kind, text);
      } else if (mirror == null) {
        messager.printMessage(kind, text, element);
      } else if (value == null) {
        messager.printMessage(kind, text, element, mirror);
      } else {
        messager.printMessage(kind, text, element, mirror, value);
      }
    });
  }

  private void report(Runnable report) {
    reports++;
    if (held != null) {
      held.add(report);
    } else {
      report.run();
    }
  }
}
