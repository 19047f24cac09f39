package dev.nanoka.processor.migrate;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.processor.model.AnnotationView;
import dev.nanoka.processor.model.ColumnDefinition;
import dev.nanoka.processor.model.ModelDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the renames and deliberate drops users declared: {@code @Model(renamedFrom,
 * droppedColumns)}, {@code @Field(renamedFrom)} and {@code @Schema(droppedTables)}.
 */
public final class RenameHintsReader {

  private RenameHintsReader() {}

  public static RenameHints read(List<ModelDefinition> models, Optional<AnnotationView> schema) {
    Map<String, String> tables = new HashMap<>();
    Map<String, Map<String, String>> columns = new HashMap<>();
    Map<String, Set<String>> droppedColumns = new HashMap<>();
    for (ModelDefinition model : models) {
      String renamedFrom = model.model().string("renamedFrom");
      if (!renamedFrom.isEmpty()) {
        tables.put(model.tableName(), renamedFrom);
      }
      droppedColumns.put(model.tableName(), Set.copyOf(model.model().strings("droppedColumns")));
      Map<String, String> renamed = new HashMap<>();
      for (ColumnDefinition column : model.columns()) {
        column.field().map(f -> f.string("renamedFrom")).filter(s -> !s.isEmpty())
            .ifPresent(old -> renamed.put(column.column().name(), old));
      }
      columns.put(model.tableName(), renamed);
    }
    Set<String> droppedTables =
        schema.map(s -> Set.copyOf(s.strings("droppedTables"))).orElse(Set.of());
    return new RenameHints(tables, columns, droppedTables, droppedColumns);
  }
}
