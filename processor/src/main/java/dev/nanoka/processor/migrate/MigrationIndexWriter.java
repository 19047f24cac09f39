package dev.nanoka.processor.migrate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.nanoka.core.text.Checksums;
import dev.nanoka.processor.java.GeneratedNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Packages a schema's migrations into the application: each file as a class-path resource under
 * {@code nanoka/migrations/<package path>/}, and a generated {@code MigrationIndex} listing them,
 * so the runtime finds them at start-up without scanning the class path:
 *
 * <pre>{@code
 * Migrator.forUrl(url).source(MigrationSource.index(NanokaMigrations.INSTANCE)).migrate();
 * }</pre>
 *
 * <p>Only written when the runtime is on the compile class path (the generated class implements
 * one of its interfaces).
 */
public final class MigrationIndexWriter {

  static final String INDEX_INTERFACE = "dev.nanoka.runtime.MigrationIndex";

  private MigrationIndexWriter() {}

  /** Whether the compile class path has the runtime, so the index can be generated. */
  public static boolean runtimeAvailable(Elements elements) {
    return elements.getTypeElement(INDEX_INTERFACE) != null;
  }

  /**
   * Writes the resources and the index class for the schema declared on {@code schemaElement}:
   * the SQL files of {@code journal}'s entries, read from {@code dir} once this compile's
   * migration files are written there.
   *
   * @throws IOException when the Filer refuses or a file cannot be read
   */
  public static void write(Filer filer, Elements elements, Element schemaElement, Path dir,
      Journal journal) throws IOException {
    PackageElement pkg = elements.getPackageOf(schemaElement);
    String packageName = pkg.getQualifiedName().toString();
    String className = GeneratedNames.className(schemaElement, "Migrations");
    String resourceFolder = GeneratedNames.resourceFolder(elements, schemaElement, "migrations");

    List<String> files = journal.entries().stream().map(e -> e.tag() + ".sql").toList();
    // Each file's checksum as the runtime computes it, so an up-to-date start reads no file.
    List<String> checksums = new ArrayList<>();
    for (String file : files) {
      byte[] content = Files.readAllBytes(dir.resolve(file));
      checksums.add(Checksums.of(new String(content, StandardCharsets.UTF_8)));
      try (OutputStream out = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
          resourceFolder + "/" + file, schemaElement).openOutputStream()) {
        out.write(content);
      }
    }

    ClassName self = ClassName.get(packageName, className);
    ClassName list = ClassName.get(List.class);
    ParameterizedTypeName listOfString = ParameterizedTypeName.get(list, ClassName.get(String.class));
    TypeSpec index = TypeSpec.classBuilder(self)
        .addJavadoc("The migrations of this schema, packaged as resources by Nanoka's annotation"
            + " processor.\n\n<pre>{@code\nMigrator.forUrl(url).source(MigrationSource.index($T"
            + ".INSTANCE)).migrate();\n}</pre>\n", self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(schemaElement)
        .addSuperinterface(ClassName.bestGuess(INDEX_INTERFACE))
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addField(FieldSpec.builder(listOfString, "FILES", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", list, String.join(", ",
                files.stream().map(f -> "\"" + f + "\"").toList()))
            .build())
        .addField(FieldSpec.builder(listOfString, "CHECKSUMS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", list, String.join(", ",
                checksums.stream().map(c -> "\"" + c + "\"").toList()))
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("resourceFolder")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S", resourceFolder)
            .build())
        .addMethod(MethodSpec.methodBuilder("files")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(listOfString)
            .addStatement("return FILES")
            .build())
        .addMethod(MethodSpec.methodBuilder("checksums")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(listOfString)
            .addStatement("return CHECKSUMS")
            .build())
        .build();
    JavaFile.builder(packageName, index)
        .skipJavaLangImports(true)
        .build()
        .writeTo(filer);
  }
}
