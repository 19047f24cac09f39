package dev.nanoka.cli;

import dev.nanoka.runtime.SchemaDefinition;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the models come from: the class the annotation processor generated. */
final class ModelsOptions {

  @Option(names = "--schema", paramLabel = "CLASS",
      description = "The generated schema class, e.g. com.example.blog.NanokaSchema (generated"
          + " next to your @Schema).")
  String schemaClass;

  @Option(names = "--classpath", paramLabel = "PATH", split = "[:;]",
      description = "Where to find it: class folders or jars, e.g. target/classes.")
  List<Path> classpath = new ArrayList<>();

  boolean isSet() {
    return schemaClass != null;
  }

  ClassLoader loader() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (Path entry : classpath) {
      urls.add(entry.toUri().toURL());
    }
    return urls.isEmpty() ? getClass().getClassLoader()
        : new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  /** The generated schema class --schema names, found on --classpath; read when pushed. */
  SchemaDefinition load() throws CliException {
    if (schemaClass == null) {
      throw new CliException(2, "Name the models with --schema CLASS (the NanokaSchema class the"
          + " annotation processor generated) and --classpath (e.g. target/classes).");
    }
    try {
      Class<?> type = Class.forName(schemaClass, true, loader());
      if (!SchemaDefinition.class.isAssignableFrom(type)) {
        throw new CliException(2, schemaClass + " is not a generated schema class (it does not"
            + " implement " + SchemaDefinition.class.getName() + ").");
      }
      Field instance = type.getField("INSTANCE");
      if (!Modifier.isStatic(instance.getModifiers())) {
        throw new CliException(2, schemaClass + ".INSTANCE is not static.");
      }
      return (SchemaDefinition) instance.get(null);
    } catch (ClassNotFoundException e) {
      throw new CliException(4, "Class " + schemaClass + " not found on "
          + (classpath.isEmpty() ? "the class path" : "--classpath " + classpath)
          + ". Compile the project first and point --classpath at its classes.");
    } catch (ReflectiveOperationException | MalformedURLException e) {
      throw new CliException(4, "Cannot load " + schemaClass + ": " + e);
    }
  }
}
