package dev.nanoka.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.OutputStream;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What the classes and resources generated for a schema share.
 *
 * <p>Where they go: both follow the element carrying {@code @Schema}, so two schemas of one
 * compilation never collide: {@code NanokaSchema} and {@code nanoka/<kind>/com/example/blog} for
 * a package, {@code AppNanokaSchema} and {@code nanoka/<kind>/com/example/App} for a type.
 *
 * <p>Their shape: each class implements one interface of the runtime and is a singleton
 * ({@code INSTANCE}, a private constructor), so it is only written when the runtime is on the
 * compile class path; without it the class would not compile.
 */
public final class GeneratedClasses {

  private GeneratedClasses() {}

  /** A type of the runtime's API package, e.g. {@code MigrationIndex}. */
  static ClassName runtimeType(String simpleName) {
    return ClassName.get("dev.nanoka.runtime", simpleName);
  }

  /** Whether the compile class path has the type. */
  static boolean available(Elements elements, ClassName type) {
    return elements.getTypeElement(type.canonicalName()) != null;
  }

  /** The generated class, e.g. {@code NanokaMigrations} for suffix "Migrations". */
  public static ClassName className(Elements elements, Element schemaElement, String suffix) {
    String packageName = elements.getPackageOf(schemaElement).getQualifiedName().toString();
    return ClassName.get(packageName, schemaElement.getKind() == ElementKind.PACKAGE
        ? "Nanoka" + suffix : schemaElement.getSimpleName() + "Nanoka" + suffix);
  }

  /**
   * The class-path folder of the schema's resources of one kind, e.g.
   * {@code nanoka/migrations/com/example/blog} for kind "migrations".
   */
  public static String resourceFolder(Elements elements, Element schemaElement, String kind) {
    String packageName = elements.getPackageOf(schemaElement).getQualifiedName().toString();
    String type = schemaElement.getKind() == ElementKind.PACKAGE
        ? "" : "/" + schemaElement.getSimpleName();
    return "nanoka/" + kind
        + (packageName.isEmpty() ? "" : "/" + packageName.replace('.', '/')) + type;
  }

  /** {@code public final class Self implements Api}, with its {@code INSTANCE}. */
  static TypeSpec.Builder singleton(ClassName self, ClassName api, Element schemaElement) {
    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(schemaElement)
        .addSuperinterface(api)
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  /** An implementation of an interface method that returns a value: {@code return value;}. */
  static MethodSpec returning(String name, TypeName type, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $L", value)
        .build();
  }

  /**
   * Writes the class, unless an earlier compile left the same source and its class file in the
   * output folders: nothing is regenerated that did not change, and the compiler has no new
   * source to compile (no extra round of processing). ecj's batch compiler refuses to generate a
   * class it finds on the class path at all (eclipse-jdt/eclipse.jdt.core#1482), which a compile
   * that does not start from clean (an IDE-like incremental build) runs into when the class
   * changed: the error says so.
   */
  static void writeClass(Filer filer, Elements elements, ClassName self, TypeSpec type)
      throws IOException {
    JavaFile file = JavaFile.builder(self.packageName(), type).skipJavaLangImports(true).build();
    String text = file.toString();
    if (keepsUnchanged(filer) && upToDate(filer, self, text)) {
      return;
    }
    try {
      file.writeTo(filer);
    } catch (FilerException e) {
      if (elements.getTypeElement(self.canonicalName()) == null) {
        throw e;
      }
      throw new FilerException(e.getMessage() + " (the compiler does not regenerate a class"
          + " an earlier build left on the class path, as ecj's batch compiler does not:"
          + " eclipse-jdt/eclipse.jdt.core#1482; build from clean)");
    }
  }

  /**
   * Whether unchanged generated files may be left as they are. Not under Eclipse's IDE: its Filer
   * regenerates over an earlier class anyway, and it may take a generated file a build does not
   * write again for an obsolete one.
   */
  public static boolean keepsUnchanged(Filer filer) {
    return !filer.getClass().getName().startsWith("org.eclipse.jdt.internal.apt.pluggable.");
  }

  /** The generated class's source and class file in the output folders (either may not exist). */
  public static FileObject[] sourceAndClass(Filer filer, ClassName self) throws IOException {
    String name = String.join("$", self.simpleNames());
    return new FileObject[] {
        filer.getResource(StandardLocation.SOURCE_OUTPUT, self.packageName(), name + ".java"),
        filer.getResource(StandardLocation.CLASS_OUTPUT, self.packageName(), name + ".class")};
  }

  /** Whether the output folders hold this source and a class file compiled from it. */
  private static boolean upToDate(Filer filer, ClassName self, String text) {
    try {
      FileObject[] files = sourceAndClass(filer, self);
      FileObject source = files[0];
      FileObject compiled = files[1];
      return compiled.getLastModified() != 0
          && compiled.getLastModified() >= source.getLastModified()
          && source.getCharContent(true).toString().equals(text);
    } catch (IOException | RuntimeException e) {
      return false; // not there, or a Filer that can't tell: generate it
    }
  }

  /** Writes a class-path resource, e.g. {@code nanoka/schema/com/example/blog/schema.txt}. */
  static void writeResource(Filer filer, String name, Element schemaElement, byte[] content)
      throws IOException {
    try (OutputStream out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name,
        schemaElement).openOutputStream()) {
      out.write(content);
    }
  }
}
