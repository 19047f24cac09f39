package dev.nanoka.processor;

import dev.nanoka.folder.MigrationLayout;
import dev.nanoka.processor.model.AnnotationView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One schema to generate: which models, in which order, and where its schema.ts goes.
 *
 * @param origin the element carrying {@code @Schema}, or empty when the compilation's
 *     {@code @Model} records form the schema implicitly
 * @param schema the {@code @Schema} annotation, when there is one
 * @param models the model records in table order
 * @param output where schema.ts is written; empty when no location was configured
 * @param description what the file is generated from, for its header comment
 * @param migrate whether migrations are written
 * @param relations whether schema.ts declares Drizzle relations
 * @param migrations the migrations folder; empty when none was configured
 * @param version the schema version whose migration is written
 * @param droppedTables the tables of the previous version declared dropped on purpose
 *     ({@code @Schema(droppedTables)})
 * @param layout the migrations folder's layout ({@code @Schema(layout)}, else the option)
 */
record SchemaPlan(
    Optional<Element> origin,
    Optional<AnnotationView> schema,
    List<TypeElement> models,
    Optional<Path> output,
    String description,
    boolean migrate,
    boolean relations,
    Optional<Path> migrations,
    int version,
    List<String> droppedTables,
    MigrationLayout layout) {

  SchemaPlan {
    models = List.copyOf(models);
    droppedTables = List.copyOf(droppedTables);
  }
}
