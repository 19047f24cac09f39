package dev.nanoka.runtime.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  public static final class Owner {}

  @TempDir Path classes;
  private URLClassLoader loader;

  @AfterEach
  void closeLoader() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }

  private Class<?> ownerFromClassesFolder() throws Exception {
    String file = Owner.class.getName().replace('.', '/') + ".class";
    Path copy = classes.resolve(file);
    Files.createDirectories(copy.getParent());
    try (var in = Owner.class.getClassLoader().getResourceAsStream(file)) {
      Files.write(copy, in.readAllBytes());
    }
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    Class<?> owner = loader.loadClass(Owner.class.getName());
    assertSame(loader, owner.getClassLoader());
    return owner;
  }

  private void writeResource(String text) throws IOException {
    Path file = classes.resolve(NAME);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void decodesTheResourceOfTheOwnersLoaderOnce() throws Exception {
    Schema schema = SchemaTextTest.everyVariant();
    writeResource(SchemaText.write(schema));
    Class<?> owner = ownerFromClassesFolder();
    assertNull(getClass().getClassLoader().getResource(NAME), "only the owner's loader sees it");

    SchemaResource resource = new SchemaResource(owner, NAME);
    Schema first = resource.schema();
    assertEquals(schema, first);
    assertSame(first, resource.schema(), "decoded once");
  }

  @Test
  void missingResourceSaysWhichAndToRebuild() throws Exception {
    Class<?> owner = ownerFromClassesFolder();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new SchemaResource(owner, NAME).schema());
    assertTrue(e.getMessage().contains(NAME) && e.getMessage().contains(Owner.class.getName())
        && e.getMessage().contains("rebuild the project"), e.getMessage());
  }

  @Test
  void unreadableResourceSaysWhichAndWhere() throws Exception {
    writeResource("nanoka-schema 9\n");
    Class<?> owner = ownerFromClassesFolder();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new SchemaResource(owner, NAME).schema());
    assertTrue(e.getMessage().contains(NAME) && e.getMessage().contains("line 1: schema text"
        + " version 9 is not supported"), e.getMessage());
  }
}
