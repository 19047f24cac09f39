package dev.nanoka.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.SchemaText;
import dev.nanoka.core.schema.SchemaTextTest;
import dev.nanoka.runtime.SchemaDefinition;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated class's resource is found through that class's own loader, as when the CLI
 * loads {@code NanokaSchema} from {@code --classpath}.
 */
class SchemaResourceTest {

  private static final String NAME = "nanoka/schema/app/schema.txt";

  /** Stands in for a generated class; copied into a folder only its own loader sees. */
  public static final class Owner implements SchemaDefinition {
    @Override
    public String resource() {
      return NAME;
    }
  }

  @TempDir Path classes;
  private URLClassLoader loader;

  @AfterEach
  void closeLoader() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }

  private SchemaDefinition ownerFromClassesFolder() throws Exception {
    String file = Owner.class.getName().replace('.', '/') + ".class";
    Path copy = classes.resolve(file);
    Files.createDirectories(copy.getParent());
    try (var in = Owner.class.getClassLoader().getResourceAsStream(file)) {
      Files.write(copy, in.readAllBytes());
    }
    // Owner from the folder, everything else (SchemaDefinition) from the test's loader.
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(Owner.class.getName())) {
          synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : findClass(name);
          }
        }
        return super.loadClass(name, resolve);
      }
    };
    Class<?> owner = loader.loadClass(Owner.class.getName());
    assertSame(loader, owner.getClassLoader());
    return (SchemaDefinition) owner.getConstructor().newInstance();
  }

  private void writeResource(String text) throws IOException {
    Path file = classes.resolve(NAME);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void decodesTheResourceOfTheOwnersLoader() throws Exception {
    DatabaseSchema schema = SchemaTextTest.everyVariant();
    writeResource(SchemaText.write(schema));
    SchemaDefinition owner = ownerFromClassesFolder();
    assertNull(getClass().getClassLoader().getResource(NAME), "only the owner's loader sees it");

    assertEquals(schema, SchemaResource.read(owner));
  }

  @Test
  void missingResourceSaysWhichAndToRebuild() throws Exception {
    SchemaDefinition owner = ownerFromClassesFolder();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SchemaResource.read(owner));
    assertTrue(e.getMessage().contains(NAME) && e.getMessage().contains(Owner.class.getName())
        && e.getMessage().contains("rebuild the project"), e.getMessage());
  }

  @Test
  void unreadableResourceSaysWhichAndWhere() throws Exception {
    writeResource("nanoka-schema 9\n");
    SchemaDefinition owner = ownerFromClassesFolder();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SchemaResource.read(owner));
    assertTrue(e.getMessage().contains(NAME) && e.getMessage().contains("line 1: schema text"
        + " version 9 is not supported"), e.getMessage());
  }
}
