package dev.nanoka.processor;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Guards the classes that use javac's tree API ({@code com.sun.source}). Under Eclipse's
 * compiler {@code Trees.instance} refuses the environment (IllegalArgumentException), and the
 * processor's class loader may not see {@code com.sun.source} at all, so even loading such a
 * class fails (NoClassDefFoundError, a LinkageError). Either way the processor goes on without.
 */
final class JavacTrees {

  private JavacTrees() {}

  /** What the factory makes from javac's trees, or empty when they are not available. */
  static <T> Optional<T> ifAvailable(Supplier<Optional<T>> factory) {
    try {
      return factory.get();
    } catch (IllegalArgumentException | LinkageError e) {
      return Optional.empty();
    }
  }
}
