package dev.nanoka.it;

import java.nio.file.Path;

/** Where the it-tests find the repository and the build they are part of. */
final class ItPaths {
  private ItPaths() {}

  /** The it-tests module directory; surefire also starts the test JVM there. */
  static Path itTests() {
    return Path.of(property("nanoka.it.basedir", System.getProperty("user.dir")))
        .toAbsolutePath()
        .normalize();
  }

  static Path repoRoot() {
    return itTests().getParent();
  }

  static Path target() {
    return itTests().resolve("target");
  }

  /** An example project as committed, e.g. {@code examples/blog}. */
  static Path example(String name) {
    return repoRoot().resolve("examples").resolve(name);
  }

  /** The version this reactor builds, i.e. the one the examples must depend on. */
  static String reactorVersion() {
    String version = property("nanoka.it.version", null);
    if (version == null) {
      throw new IllegalStateException(
          "System property nanoka.it.version is not set: run the it-tests through Maven");
    }
    return version;
  }

  /**
   * A system property set by surefire. Outside Maven (an IDE) the value can be missing or the
   * uninterpolated {@code ${...}} text; both mean "use the fallback".
   */
  static String property(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
  }

  static boolean isWindows() {
    return System.getProperty("os.name").startsWith("Windows");
  }
}
