package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.SchemaCompiler.compile;
import static dev.nanoka.processor.SchemaCompiler.read;
import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models that are not part of this compilation: compiled earlier into class files (another
 * module, a jar), or left alone by an IDE that recompiles only the edited file. Their
 * CLASS-retention annotations are read from the class files. Goldens:
 * {@code golden/SeparateCompilationTest/*.ts}.
 */
class SeparateCompilationTest {

  /** Every kind of annotation value, so each is proven readable from a class file. */
  private static final List<JavaFileObject> MODELS = List.of(
      source("com.example.lib.Nullable", """
          package com.example.lib;

          import java.lang.annotation.ElementType;
          import java.lang.annotation.Retention;
          import java.lang.annotation.RetentionPolicy;
          import java.lang.annotation.Target;

          @Retention(RetentionPolicy.CLASS)
          @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
              ElementType.PARAMETER})
          public @interface Nullable {}
          """),
      source("com.example.lib.Author", """
          package com.example.lib;

          import dev.nanoka.DefaultFunction;
          import dev.nanoka.Field;
          import dev.nanoka.Model;
          import java.time.Instant;
          import java.util.UUID;

          @Model
          public record Author(
              @Field(primaryKey = true, defaultFunction = DefaultFunction.RANDOM_UUID) UUID id,
              @Field(name = "email_address", unique = true) String email,
              @Nullable String bio,
              @Field(defaultFunction = DefaultFunction.NOW) Instant joinedAt) {}
          """),
      source("com.example.lib.Article", """
          package com.example.lib;

          import dev.nanoka.ColumnType;
          import dev.nanoka.Field;
          import dev.nanoka.Index;
          import dev.nanoka.Model;
          import dev.nanoka.ReferentialAction;
          import java.time.Instant;
          import java.util.List;
          import java.util.UUID;

          @Model("articles")
          @Index({"authorId", "publishedAt"})
          @Index(value = {"slug"}, unique = true, name = "article_slug")
          public record Article(
              @Field(primaryKey = true, autoIncrement = true) long id,
              @Field(references = Author.class, onDelete = ReferentialAction.CASCADE,
                  index = true) UUID authorId,
              String slug,
              @Field(defaultValue = "DRAFT") State state,
              @Field(json = true) List<Section> sections,
              @Field(type = ColumnType.TIMESTAMP, nullable = true) Instant publishedAt) {

            public enum State { DRAFT, REVIEW, LIVE }

            public record Section(String heading, @Nullable String body) {}
          }
          """),
      source("com.example.lib.ArticleTag", """
          package com.example.lib;

          import dev.nanoka.Field;
          import dev.nanoka.Model;

          @Model(value = "article_tags", primaryKey = {"articleId", "tag"})
          public record ArticleTag(
              @Field(references = Article.class) long articleId,
              String tag) {}
          """));

  private static final JavaFileObject SCHEMA_TYPE = source("com.example.app.LibSchema", """
      package com.example.app;

      import com.example.lib.Article;
      import com.example.lib.ArticleTag;
      import com.example.lib.Author;
      import dev.nanoka.Schema;

      @Schema(models = {Author.class, Article.class, ArticleTag.class})
      final class LibSchema {}
      """);

  @TempDir Path dir;

  @Test
  void schemaListsModelsCompiledEarlier() throws Exception {
    Path classes = dir.resolve("lib-classes");
    compileToClasses(classes, MODELS);
    Path output = dir.resolve("schema.ts");

    Compilation compilation = compile(
        List.of("-Ananoka.output=" + output), List.of(classes.toFile()), List.of(SCHEMA_TYPE));

    assertThat(compilation).succeededWithoutWarnings();
    List<JavaFileObject> everything = new ArrayList<>(MODELS);
    everything.add(SCHEMA_TYPE);
    assertEquals(schemaOf(everything), read(output),
        "models read from class files must give the same schema as from sources");
    Golden.assertMatches("fromClassFiles", read(output));
  }

  /**
   * An IDE recompiles only the edited model. The package's {@code @Schema} (package-info) is a
   * class file by then, and still makes every listed model part of the schema.
   */
  @Test
  void packageSchemaCoversModelsAnIdeDoesNotRecompile() throws Exception {
    JavaFileObject packageInfo = source("com.example.lib.package-info", """
        @Schema(models = {Author.class, Article.class, ArticleTag.class})
        package com.example.lib;

        import dev.nanoka.Schema;
        """);
    List<JavaFileObject> firstBuild = new ArrayList<>(MODELS);
    firstBuild.add(packageInfo);
    Path classes = dir.resolve("classes");
    compileToClasses(classes, firstBuild);
    Path output = dir.resolve("schema.ts");

    JavaFileObject editedTag = source("com.example.lib.ArticleTag", """
        package com.example.lib;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model(value = "article_tags", primaryKey = {"articleId", "tag"})
        public record ArticleTag(
            @Field(references = Article.class) long articleId,
            String tag,
            @Field(defaultValue = "0") int weight) {}
        """);
    Compilation compilation = compile(
        List.of("-Ananoka.output=" + output), List.of(classes.toFile()), List.of(editedTag));

    assertThat(compilation).succeededWithoutWarnings();
    String schema = read(output);
    for (String table : List.of("'authors'", "'articles'", "'article_tags'")) {
      assertTrue(schema.contains("sqliteTable(" + table), table + " is missing:\n" + schema);
    }
    assertTrue(schema.contains("  weight: integer('weight').notNull().default(0),\n"),
        "the edited source must be used:\n" + schema);
    Golden.assertMatches("incrementalWithPackageSchema", schema);
  }

  /**
   * A JSpecify-style {@code @Nullable} is a type annotation. javac before 22 drops type
   * annotations read from class files (JDK-8225377), so on JDK 17 such a column of a model
   * compiled earlier reads as NOT NULL; a declaration {@code @Nullable} (above) or
   * {@code nullable = true} works on every JDK.
   */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_22)
  void typeUseNullableIsReadFromClassFiles() throws Exception {
    List<JavaFileObject> models = List.of(
        source("com.example.spec.Nullable", """
            package com.example.spec;

            import java.lang.annotation.ElementType;
            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;
            import java.lang.annotation.Target;

            @Retention(RetentionPolicy.RUNTIME)
            @Target(ElementType.TYPE_USE)
            public @interface Nullable {}
            """),
        source("com.example.spec.Profile", """
            package com.example.spec;

            import dev.nanoka.Field;
            import dev.nanoka.Model;

            @Model
            public record Profile(
                @Field(primaryKey = true) long id,
                @Nullable String bio,
                @Field(json = true) Links links) {

              public record Links(String home, @Nullable String blog) {}
            }
            """));
    JavaFileObject schemaType = source("com.example.app.SpecSchema", """
        package com.example.app;

        @dev.nanoka.Schema(models = com.example.spec.Profile.class)
        final class SpecSchema {}
        """);
    Path classes = dir.resolve("spec-classes");
    compileToClasses(classes, models);
    Path output = dir.resolve("schema.ts");

    Compilation compilation = compile(
        List.of("-Ananoka.output=" + output), List.of(classes.toFile()), List.of(schemaType));

    assertThat(compilation).succeededWithoutWarnings();
    String schema = read(output);
    assertTrue(schema.contains("  bio: text('bio'),\n"), schema);
    assertTrue(schema.contains("  blog: string | null\n"), schema);
  }

  /** Plain javac, no processor: the class files a previous build left behind. */
  private static void compileToClasses(Path classes, List<JavaFileObject> sources)
      throws Exception {
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter log = new StringWriter();
    boolean ok = javac.getTask(log, null, null,
        List.of("-proc:none", "-d", classes.toString(),
            "-classpath", System.getProperty("java.class.path")),
        null, sources).call();
    assertTrue(ok, "compiling the models failed:\n" + log);
  }
}
