package dev.nanoka.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/**
 * What a compile put on the class path (classes and resources, compile-testing keeps them in
 * memory), copied to a folder so the generated classes can be loaded as an application would.
 */
final class ClassOutput {

  private static final String PREFIX = "/CLASS_OUTPUT/";

  private final Path dir;

  private ClassOutput(Path dir) {
    this.dir = dir;
  }

  static ClassOutput of(Compilation compilation, Path dir) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (!path.startsWith(PREFIX)) {
        continue; // a generated source
      }
      Path target = dir.resolve(path.substring(PREFIX.length()));
      try (InputStream in = file.openInputStream()) {
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ClassOutput(dir);
  }

  /** The resources (not classes) under a folder, by path relative to it, with their text. */
  Map<String, String> resources(String folder) {
    Map<String, String> files = new TreeMap<>();
    Path root = dir.resolve(folder);
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (var paths = Files.walk(root)) {
      for (Path file : paths.filter(Files::isRegularFile)
          .filter(f -> !f.toString().endsWith(".class")).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * A loader for the folder whose parent is the test's class path (annotations, runtime), as
   * the CLI's {@code --classpath} loader is; close it after use.
   */
  URLClassLoader loader() {
    try {
      return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of {@code INSTANCE} of a generated class, loaded from the folder. */
  static Object instance(ClassLoader loader, String className) {
    try {
      return loader.loadClass(className).getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot load " + className + ".INSTANCE", e);
    }
  }
}
