package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.DiagnosticAssertions.assertError;
import static dev.nanoka.processor.DiagnosticAssertions.compile;
import static dev.nanoka.processor.DiagnosticAssertions.compileFailing;
import static dev.nanoka.processor.DiagnosticAssertions.errorCount;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.processor.DiagnosticAssertions.Result;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Model} on a record javac never shows to processors (declared in a method, lambda,
 * initializer or anonymous class) is an error at the annotation, not a table silently missing.
 */
// javac only: ecj shows processors no local records either, and has no trees to find them in
@Tag("javac-only")
class LocalModelTest {

  private static final JavaFileObject USER = source("test.User", """
      package test;

      import dev.nanoka.*;

      @Model("users")
      public record User(@Field(primaryKey = true) long id) {}
      """);

  @ParameterizedTest(name = "in a {1}")
  @CsvSource(delimiter = '|', textBlock = """
      void seed() { @Model("drafts") record Draft(@Field(primaryKey = true) long id) {} }             | method
      Setup() { @Model("drafts") record Draft(@Field(primaryKey = true) long id) {} }                 | constructor
      Runnable r = () -> { @Model("drafts") record Draft(@Field(primaryKey = true) long id) {} };     | lambda
      static { @Model("drafts") record Draft(@Field(primaryKey = true) long id) {} }                  | initializer
      Object o = new Object() { @Model("drafts") record Draft(@Field(primaryKey = true) long id) {} }; | anonymous class
      void seed() { class Holder { @Model("drafts") record Draft(@Field(primaryKey = true) long id) {} } } | method
      """)
  void localModel(String member, String where) {
    JavaFileObject setup = source("test.Setup", """
        package test;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        class Setup {
          %s
        }
        """.formatted(member));
    Result result = compileFailing(USER, setup);
    assertError(result, Message.LOCAL_MODEL, setup, "@Model(\"drafts\")",
        "@Model Draft is declared inside a " + where + ", and javac never shows such local types"
            + " to annotation processors, so it would get no table.",
        "Declare it outside the " + where + ": as a top-level `public record Draft(...)` in its"
            + " own file, or as a member of a class.");
    assertEquals(1, result.compilation().errors().size(),
        () -> result.compilation().errors().toString());
  }

  @Test
  void localModelWrittenWithItsQualifiedName() {
    JavaFileObject setup = source("test.Setup", """
        package test;

        import dev.nanoka.Field;

        class Setup {
          void seed() {
            @dev.nanoka.Model("drafts")
            record Draft(@Field(primaryKey = true) long id) {}
          }
        }
        """);
    Result result = compileFailing(USER, setup);
    assertError(result, Message.LOCAL_MODEL, setup, "@dev.nanoka.Model(\"drafts\")",
        "@Model Draft is declared inside a method");
  }

  /** Only Nanoka's @Model counts: another library's annotation of that name is left alone. */
  @Test
  void anotherModelAnnotationIsNotOurs() {
    JavaFileObject model = source("other.Model", """
        package other;

        public @interface Model {
          String value();
        }
        """);
    JavaFileObject setup = source("test.Setup", """
        package test;

        import dev.nanoka.Field;
        import other.Model;

        class Setup {
          void seed() {
            @Model("drafts")
            record Draft(long id) {}
          }
        }
        """);
    Result result = compile(USER, model, setup);
    assertThat(result.compilation()).succeeded();
    assertEquals(0, errorCount(result, Message.LOCAL_MODEL));
  }
}
