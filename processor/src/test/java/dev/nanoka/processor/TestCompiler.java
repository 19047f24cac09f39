package dev.nanoka.processor;

import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The compiler the processor's tests compile with: javac, or the Eclipse compiler (ecj, inside
 * Eclipse and VS Code's Java support) when {@code -Dnanoka.compiler=ecj}. The build runs the
 * diagnostic and golden tests under both (surefire executions {@code default-test} and
 * {@code ecj} of processor/pom.xml); a test can also pick one.
 */
enum TestCompiler {
  JAVAC,
  ECJ;

  /** What this compiler says of a name it can't resolve. */
  String unresolvedName() {
    return this == JAVAC ? "cannot find symbol" : "cannot be resolved";
  }

  /** The compiler of this test run. */
  static TestCompiler current() {
    return valueOf(System.getProperty("nanoka.compiler", "javac").toUpperCase(Locale.ROOT));
  }

  /**
   * A compile-testing compiler with these options, and those every compile with this compiler
   * needs (compile-testing's {@code withOptions} replaces the options given before); the class
   * path is the test's, after the entries given.
   *
   * <p>ecj's class path leaves nanoka-runtime out, so the processor generates no Java: ecj reads
   * a generated source back from the file its URI names, and compile-testing keeps them in
   * memory. {@code EclipseCompilerTest} compiles generated Java with ecj, on disk.
   */
  Compiler compiler(List<String> options, List<File> classPath) {
    List<File> path = new ArrayList<>(classPath);
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (this == JAVAC || !isRuntime(entry)) {
        path.add(new File(entry));
      }
    }
    List<String> all = new ArrayList<>(options());
    all.addAll(options);
    if (this == JAVAC) {
      Compiler javac = Compiler.javac().withOptions(all);
      return classPath.isEmpty() ? javac : javac.withClasspath(path);
    }
    return Compiler.compiler(tool()).withOptions(all).withClasspath(path);
  }

  /** The compiler itself. */
  JavaCompiler tool() {
    return this == JAVAC ? ToolProvider.getSystemJavaCompiler() : new EclipseCompiler();
  }

  /** The option that makes a warning fail the compile: javac's {@code -Werror}, ecj's own. */
  String failOnWarning() {
    return this == JAVAC ? "-Werror" : "-failOnWarning";
  }

  /** The options every compile with this compiler gets: ecj's language level, the project's. */
  List<String> options() {
    return this == JAVAC ? List.of() : List.of("-17");
  }

  /** nanoka-runtime as a jar, or as the runtime module's classes in a reactor build. */
  private static boolean isRuntime(String entry) {
    Path path = Path.of(entry);
    return path.getFileName().toString().startsWith("nanoka-runtime")
        || path.endsWith(Path.of("runtime", "target", "classes"));
  }

  /**
   * The sources as this compiler can read them. ecj reads sources from files only, so each is
   * written at the path of its name ({@code test/Note.java}) under a directory named after the
   * sources' digest: the same sources compiled twice are the same files, and print the same.
   */
  List<JavaFileObject> sources(List<JavaFileObject> sources) {
    if (this == JAVAC) {
      return sources;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (JavaFileObject source : sources) {
        digest.update((relativePath(source) + "\0" + source.getCharContent(true) + "\0")
            .getBytes(StandardCharsets.UTF_8));
      }
      Path root = Path.of(System.getProperty("java.io.tmpdir"), "nanoka-ecj-sources",
          HexFormat.of().formatHex(digest.digest()));
      List<JavaFileObject> files = new ArrayList<>();
      for (JavaFileObject source : sources) {
        Path file = root.resolve(relativePath(source));
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getCharContent(true));
        files.add(JavaFileObjects.forResource(file.toUri().toURL()));
      }
      return files;
    } catch (MalformedURLException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path a source's name gives, e.g. {@code test/Note.java}. */
  static String relativePath(JavaFileObject source) {
    return source.toUri().getPath().replaceFirst("^/+", "");
  }
}
