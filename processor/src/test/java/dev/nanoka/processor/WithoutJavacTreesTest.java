package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor where javac's tree API ({@code com.sun.source}) can't be loaded, as under
 * Eclipse's compiler in the IDE: it still reads the models and writes the schema; only what
 * needs the trees (such as precise positions, or finding a local model) is left out.
 */
// javac with its trees hidden: what ecj lacks is ecj's own run
@Tag("javac-only")
class WithoutJavacTreesTest {

  @TempDir Path dir;

  @Test
  void theProcessorWorksWithoutComSunSource() throws Exception {
    JavaFileObject note = source("test.Note", """
        package test;

        import dev.nanoka.*;

        @Model("notes")
        public record Note(@Field(primaryKey = true) long id, String body) {
          static void seed() {
            @Model("drafts") record Draft(@Field(primaryKey = true) long id) {}
          }
        }
        """);
    try (URLClassLoader loader = new HidingLoader(classPath())) {
      Processor processor = (Processor) loader.loadClass(NanokaProcessor.class.getName())
          .getDeclaredConstructor().newInstance();
      Compilation compilation = Compiler.javac()
          .withProcessors(processor)
          .withOptions("-Ananoka.output=" + dir.resolve("schema.ts"))
          .compile(note);
      DiagnosticAssertions.assertProcessorHealthy(compilation);
      assertThat(compilation).succeededWithoutWarnings();
      String schema = Files.readString(dir.resolve("schema.ts"));
      assertTrue(schema.contains("export const notes = sqliteTable('notes', {"), schema);
    }
  }

  private static URL[] classPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    return urls.toArray(URL[]::new);
  }

  /**
   * Loads the processor and its dependencies itself, over the platform's class loader, and
   * refuses {@code com.sun.source}: what an IDE's processor class loader may do.
   */
  private static final class HidingLoader extends URLClassLoader {
    HidingLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("com.sun.source.")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
