package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Eclipse compiler (ecj), as Eclipse and VS Code run the processor. Its {@code Messager}
 * places nothing of a record or a package; the processor then places each diagnostic itself
 * ({@link EclipseLocator}). One diagnostic of every kind of element — a type, a record component,
 * an annotation value, one of several {@code @Index}, a package-info — is asserted at its file
 * and line under both compilers. The other diagnostic tests run under ecj too (surefire
 * execution {@code ecj}).
 */
@Tag("each-compiler")
class EclipseCompilerTest {

  private static final JavaFileObject PACKAGE_INFO = source("test.package-info", """
      @Schema(models = {Post.class, Tag.class,
          Post.class})
      package test;

      import dev.nanoka.Schema;
      """);

  private static final JavaFileObject POST = source("test.Post", """
      package test;

      import dev.nanoka.*;

      @Model("posts")
      @Index({"title"})
      @Index({"title",
          "nope"})
      public record Post(
          long id,
          @Field(
              name = "the title")
          String title,
          Object payload) {}
      """);

  private static final JavaFileObject TAG = source("test.Tag", """
      package test;

      import dev.nanoka.*;

      @Model("tags")
      public record Tag(@Field(primaryKey = true) long id, String label) {}
      """);

  @ParameterizedTest
  @EnumSource(TestCompiler.class)
  void everyKindOfElementHasItsFileAndLine(TestCompiler compiler) {
    Result result =
        DiagnosticAssertions.compileWithOptions(compiler, List.of(), PACKAGE_INFO, POST, TAG);

    assertFalse(result.schemaWritten());
    assertError(result, Message.NO_PRIMARY_KEY, POST, "@Model(\"posts\")");
    assertError(result, Message.UNSUPPORTED_TYPE, POST, "Object payload");
    assertError(result, Message.INVALID_NAME, POST, "name = \"the title\"");
    assertError(result, Message.UNKNOWN_COMPONENT, POST, "\"nope\"");
    assertError(result, Message.SCHEMA_LISTS_TWICE, PACKAGE_INFO, "    Post.class})");
    assertEquals(5, result.compilation().errors().size(),
        DiagnosticAssertions.describe(result.compilation().errors()));
    // In the IDE a problem without a file only goes to the log: each must name its file.
    for (Diagnostic<? extends JavaFileObject> error : result.compilation().errors()) {
      assertTrue(error.getSource() != null, error.getMessage(Locale.ROOT));
    }
  }

  /**
   * Why {@link EclipseLocator} exists: ecj 3.40 gives a diagnostic at a record, its component or
   * a package no file at all. Should this fail, ecj places them: the locator can step aside.
   */
  @Test
  void ecjGivesDiagnosticsAtRecordsAndPackagesNoFile() {
    Compilation compilation = TestCompiler.ECJ.compiler(List.of(), List.of())
        .withProcessors(new WarnAtEverything())
        .compile(TestCompiler.ECJ.sources(List.of(PACKAGE_INFO, TAG)));

    List<Diagnostic<? extends JavaFileObject>> warnings = compilation.warnings().stream()
        .filter(d -> d.getMessage(Locale.ROOT).startsWith("at ")).toList();
    assertEquals(List.of("at PACKAGE package test", "at RECORD test.Tag", "at RECORD_COMPONENT id",
            "at RECORD_COMPONENT label"),
        warnings.stream().map(d -> d.getMessage(Locale.ROOT)).sorted().toList());
    for (Diagnostic<? extends JavaFileObject> warning : warnings) {
      assertNull(warning.getSource(), warning.getMessage(Locale.ROOT));
    }
  }

  /** Warns at each package and record of the compile and at the records' components. */
  private static final class WarnAtEverything extends EveryRoundProcessor {
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (Element root : round.getRootElements()) {
        if (root.getKind() == ElementKind.PACKAGE || root.getKind() == ElementKind.RECORD) {
          warn(root);
        }
        if (root.getKind() == ElementKind.RECORD) {
          ((TypeElement) root).getRecordComponents().forEach(this::warn);
        }
      }
      return false;
    }

    private void warn(Element element) {
      processingEnv.getMessager().printMessage(
          Diagnostic.Kind.WARNING, "at " + element.getKind() + " " + element, element);
    }
  }
}
