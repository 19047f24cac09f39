package dev.nanoka.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.text.Checksums;
import dev.nanoka.folder.DownMigrationFile;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFolder;
import dev.nanoka.folder.MigrationLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/**
 * Packages a schema's migrations into the application: each file as a class-path resource under
 * {@code nanoka/migrations/<package path>/} (their down migrations under {@code down/}), and a
 * generated {@code MigrationIndex} listing them, so the runtime finds them at start-up without
 * scanning the class path:
 *
 * <pre>{@code
 * Migrator.forUrl(url).source(MigrationSource.index(NanokaMigrations.INSTANCE)).migrate();
 * }</pre>
 *
 * <p>Only written when the runtime is on the compile class path (the generated class implements
 * one of its interfaces).
 */
public final class MigrationIndexWriter {

  private static final ClassName INDEX = GeneratedClasses.runtimeType("MigrationIndex");
  private static final ClassName LIST = ClassName.get(List.class);
  private static final TypeName LIST_OF_STRING =
      ParameterizedTypeName.get(LIST, ClassName.get(String.class));

  private MigrationIndexWriter() {}

  /** Whether the compile class path has the runtime, so the index can be generated. */
  public static boolean runtimeAvailable(Elements elements) {
    return GeneratedClasses.available(elements, INDEX);
  }

  /**
   * Writes the resources and the index class for the schema declared on {@code schemaElement}:
   * the SQL files of {@code journal}'s entries, read from {@code dir} once this compile's
   * migration files are written there.
   *
   * @throws IOException when the Filer refuses or a file cannot be read
   */
  public static void write(Filer filer, Elements elements, Element schemaElement, Path dir,
      Journal journal, MigrationLayout layout) throws IOException {
    // Packaged under the 0.31 name in either layout: the name the history records (see
    // MigrationLayout), so a project that switches layouts applies nothing twice.
    MigrationFolder named = new MigrationFolder(dir, journal, List.of(), List.of(),
        Optional.empty(), new DatabaseSchema(List.of()), layout);
    String resourceFolder = GeneratedClasses.resourceFolder(elements, schemaElement, "migrations");
    List<String> files = journal.entries().stream().map(e -> e.tag() + ".sql").toList();
    // Each file's checksum as the runtime computes it, so an up-to-date start reads no file.
    List<String> checksums = new ArrayList<>();
    for (String file : files) {
      byte[] content = Files.readAllBytes(named.sqlFile(file.substring(0, file.length() - 4)));
      checksums.add(Checksums.of(new String(content, StandardCharsets.UTF_8)));
      GeneratedClasses.writeResource(filer, resourceFolder + "/" + file, schemaElement, content);
      // The runtime looks each file's down migration up by name, for Migrator.rollback: it
      // needs no entry in the index, and one that is missing is reported when it is needed.
      Path down = dir.resolve(DownMigrationFile.FOLDER).resolve(file);
      if (Files.isRegularFile(down)) {
        GeneratedClasses.writeResource(filer,
            resourceFolder + "/" + DownMigrationFile.FOLDER + "/" + file, schemaElement,
            Files.readAllBytes(down));
      }
    }

    // On PostgreSQL the history records each file's journal `when`, as drizzle-orm's migrator
    // does, so the runtime needs the journal beside the packaged files. It is the journal this
    // compile wrote: the one whose entries were just packaged.
    if (journal.dialect().equals("postgresql")) {
      GeneratedClasses.writeResource(filer, resourceFolder + "/meta/_journal.json", schemaElement,
          journal.toJson().getBytes(StandardCharsets.UTF_8));
    }

    ClassName self = GeneratedClasses.className(elements, schemaElement, "Migrations");
    TypeSpec index = GeneratedClasses.singleton(self, INDEX, schemaElement)
        .addJavadoc("The migrations of this schema, packaged as resources by Nanoka's annotation"
            + " processor.\n\n<pre>{@code\nMigrator.forUrl(url).source(MigrationSource.index($T"
            + ".INSTANCE)).migrate();\n}</pre>\n", self)
        .addField(stringList("FILES", files))
        .addField(stringList("CHECKSUMS", checksums))
        .addMethod(GeneratedClasses.returning(
            "resourceFolder", TypeName.get(String.class), CodeBlock.of("$S", resourceFolder)))
        .addMethod(GeneratedClasses.returning("files", LIST_OF_STRING, CodeBlock.of("FILES")))
        .addMethod(
            GeneratedClasses.returning("checksums", LIST_OF_STRING, CodeBlock.of("CHECKSUMS")))
        .build();
    GeneratedClasses.writeClass(filer, elements, self, index);
  }

  /** {@code private static final List<String> NAME = List.of("a", "b");} */
  private static FieldSpec stringList(String name, List<String> values) {
    CodeBlock elements =
        CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", ");
    return FieldSpec.builder(LIST_OF_STRING, name, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$T.of($L)", LIST, elements)
        .build();
  }
}
