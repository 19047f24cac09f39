package dev.nanoka.processor;

import dev.nanoka.processor.model.AnnotationView;
import dev.nanoka.processor.model.Annotations;
import dev.nanoka.processor.model.Unresolved;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Decides which schemas this compilation generates. A {@code @Schema} lists its models by class
 * literal, so every model is seen even when only one file is being recompiled. A {@code @Schema}
 * on the package of a compiled model is found even when that package-info is not recompiled.
 * Without any {@code @Schema}, the compiled {@code @Model} records form one schema.
 */
final class SchemaPlanner {

  private final Elements elements;
  private final Diagnostics diagnostics;
  private final ProcessorOptions options;
  private final Unresolved unresolved;

  SchemaPlanner(
      Elements elements, Diagnostics diagnostics, ProcessorOptions options, Unresolved unresolved) {
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.options = options;
    this.unresolved = unresolved;
  }

  List<SchemaPlan> plan(AnnotatedElements annotated) {
    options.conflicts().forEach(conflict -> diagnostics.error(null, conflict));
    Set<TypeElement> roundModels = new LinkedHashSet<>(
        ElementFilter.typesIn(annotated.with(Annotations.MODEL, elements)));
    checkAnnotationsOutsideModels(annotated);

    Set<Element> schemaElements =
        new LinkedHashSet<>(annotated.with(Annotations.SCHEMA, elements));
    for (TypeElement model : roundModels) {
      PackageElement pkg = elements.getPackageOf(model);
      if (AnnotationView.find(pkg, Annotations.SCHEMA, elements).isPresent()) {
        schemaElements.add(pkg);
      }
    }
    if (schemaElements.isEmpty()) {
      if (roundModels.isEmpty()) {
        return List.of();
      }
      List<TypeElement> models = new ArrayList<>(roundModels);
      models.sort(Comparator.comparing(m -> m.getQualifiedName().toString()));
      Optional<Path> output = resolveOutput("output", options.schemaFile(), null, null);
      return List.of(new SchemaPlan(Optional.empty(), Optional.empty(), models, output,
          "the @Model records of this compilation", options.migrate(), options.relations(),
          migrationsFolder(output, resolveOutput("out", options.migrationsDir(), null, null)), 1,
          List.of(), options.layout()));
    }

    List<SchemaPlan> plans = new ArrayList<>();
    Map<Path, SchemaPlan> byOutput = new HashMap<>();
    Map<Path, SchemaPlan> byMigrations = new HashMap<>();
    Set<TypeElement> listed = new LinkedHashSet<>();
    boolean allListsRead = true;
    for (Element element : sorted(schemaElements)) {
      AnnotationView schema = AnnotationView.find(element, Annotations.SCHEMA, elements).orElseThrow();
      if (Unresolved.in(schema.mirror())) {
        diagnostics.unresolved(); // javac reports it; what the schema lists is not known yet
        allListsRead = false;
        continue;
      }
      List<TypeElement> models = readModels(element, schema);
      listed.addAll(models);
      if (schema.integer("version") < 1) {
        diagnostics.error(element, schema.mirror(), schema.written("version"),
            SchemaMessages.schemaVersion(schema.integer("version")));
      }
      Optional<Path> output =
          resolveOutput("output", options.schemaFile(), element, schema);
      SchemaPlan plan = new SchemaPlan(Optional.of(element), Optional.of(schema), models, output,
          "@Schema on " + describe(element), options.migrate() && schema.bool("migrate"),
          options.relations() && schema.bool("relations"),
          migrationsFolder(output, resolveOutput("out", options.migrationsDir(), element, schema)),
          schema.integer("version"), schema.strings("droppedTables"), layout(schema));
      String shortName = element.getSimpleName().toString().toLowerCase(java.util.Locale.ROOT);
      if (output.isPresent()) {
        SchemaPlan other = byOutput.putIfAbsent(output.get(), plan);
        if (other != null) {
          diagnostics.error(element, schema.mirror(), schema.written("output"),
              SchemaMessages.schemaSameOutput(describe(element), output.get(),
                  describe(other.origin().get()), shortName));
          continue;
        }
      }
      if (plan.migrate() && plan.migrations().isPresent()) {
        // One folder holds one history: two schemas sharing it would rewrite each other's files.
        SchemaPlan other = byMigrations.putIfAbsent(plan.migrations().get(), plan);
        if (other != null) {
          diagnostics.error(element, schema.mirror(), schema.written("out"),
              SchemaMessages.schemaSameMigrations(describe(element), plan.migrations().get(),
                  describe(other.origin().get()), shortName));
          continue;
        }
      }
      plans.add(plan);
    }
    for (TypeElement model : roundModels) {
      if (!listed.contains(model) && allListsRead) {
        AnnotationView annotation =
            AnnotationView.find(model, Annotations.MODEL, elements).orElseThrow();
        diagnostics.error(model, annotation.mirror(), null, SchemaMessages.modelNotInSchema(
            model.getSimpleName().toString(), describe(sorted(schemaElements).get(0))));
      }
    }
    return plans;
  }

  /** {@code @Schema(layout)}, else the processor option's. */
  private dev.nanoka.folder.MigrationLayout layout(AnnotationView schema) {
    return switch (schema.enumConstant("layout")) {
      case "DRIZZLE_1" -> dev.nanoka.folder.MigrationLayout.DRIZZLE_1;
      case "DRIZZLE_0_31" -> dev.nanoka.folder.MigrationLayout.DRIZZLE_0_31;
      default -> options.layout();
    };
  }

  private List<TypeElement> readModels(Element element, AnnotationView schema) {
    List<TypeElement> models = new ArrayList<>();
    List<AnnotationValue> values = schema.list("models");
    if (values.isEmpty()) {
      diagnostics.error(
          element, schema.mirror(), schema.written("models"), SchemaMessages.schemaEmpty());
    }
    for (AnnotationValue value : values) {
      TypeMirror type = (TypeMirror) value.getValue(); // an erroneous one was seen by plan()
      if (type.getKind() != TypeKind.DECLARED) {
        continue; // int.class, String[].class: no record to read
      }
      TypeElement model = (TypeElement) ((DeclaredType) type).asElement();
      if (AnnotationView.find(model, Annotations.MODEL, elements).isEmpty()) {
        diagnostics.error(element, schema.mirror(), value,
            SchemaMessages.schemaListsNonModel(model.getSimpleName().toString()));
      } else if (models.contains(model)) {
        diagnostics.error(element, schema.mirror(), value,
            SchemaMessages.schemaListsTwice(model.getSimpleName().toString()));
      } else {
        models.add(model);
      }
    }
    return models;
  }

  /**
   * The migrations folder: the one configured, else {@code migrations} beside schema.ts (the
   * layout of drizzle-kit's own examples: {@code drizzle/schema.ts}, {@code drizzle/migrations}).
   */
  private static Optional<Path> migrationsFolder(Optional<Path> output, Optional<Path> configured) {
    if (configured.isPresent()) {
      return configured;
    }
    return output.map(o -> o.resolveSibling("migrations"));
  }

  /** A path written in @Schema, else the option's, resolved against the project directory. */
  private Optional<Path> resolveOutput(
      String attribute, Optional<String> option, Element element, AnnotationView schema) {
    String written = schema == null ? "" : schema.string(attribute);
    String path = written.isEmpty() ? option.orElse("") : written;
    if (path.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(options.projectDir().resolve(path).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      diagnostics.error(element, schema == null ? null : schema.mirror(),
          schema == null ? null : schema.written(attribute),
          SchemaMessages.writeFailed(path, e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * @Field and @Index mean nothing outside a @Model: say so rather than ignore them. A type with
   * an annotation javac could not resolve may have a @Model written that is not imported.
   */
  private void checkAnnotationsOutsideModels(AnnotatedElements annotated) {
    for (Element component : annotated.with(Annotations.FIELD, elements)) {
      Element record = component.getEnclosingElement();
      if (AnnotationView.find(record, Annotations.MODEL, elements).isEmpty()
          && !unresolved((TypeElement) record)) {
        AnnotationView field =
            AnnotationView.find(component, Annotations.FIELD, elements).orElseThrow();
        diagnostics.error(component, field.mirror(), null,
            SchemaMessages.fieldOutsideModel(record.getSimpleName().toString()));
      }
    }
    Set<Element> withIndex = new LinkedHashSet<>(annotated.with(Annotations.INDEX, elements));
    withIndex.addAll(annotated.with(Annotations.INDEXES, elements));
    for (Element type : withIndex) {
      if (AnnotationView.find(type, Annotations.MODEL, elements).isEmpty()
          && !unresolved((TypeElement) type)) {
        List<AnnotationView> indexes = AnnotationView.findRepeated(
            type, Annotations.INDEX, Annotations.INDEXES, elements);
        diagnostics.error(type, indexes.isEmpty() ? null : indexes.get(0).mirror(), null,
            SchemaMessages.indexOutsideModel(type.getSimpleName().toString()));
      }
    }
  }

  /** Whether javac could not resolve an annotation of the type: noted, not reported. */
  private boolean unresolved(TypeElement type) {
    boolean found = unresolved.inAnnotationsOf(type);
    if (found) {
      diagnostics.unresolved();
    }
    return found;
  }

  /** Schema elements in a fixed order, whatever order javac hands them over in. */
  private static List<Element> sorted(Set<Element> schemaElements) {
    List<Element> list = new ArrayList<>(schemaElements);
    list.sort(Comparator.comparing(SchemaPlanner::describe));
    return list;
  }

  static String describe(Element element) {
    if (element.getKind() == ElementKind.PACKAGE) {
      return "package " + ((PackageElement) element).getQualifiedName();
    }
    return element instanceof TypeElement type
        ? type.getQualifiedName().toString() : element.toString();
  }
}
