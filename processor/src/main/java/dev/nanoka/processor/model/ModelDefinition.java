package dev.nanoka.processor.model;

import dev.nanoka.core.schema.TableIndex;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Model} record as read, before foreign keys are resolved against the other models.
 *
 * @param element the record
 * @param model its {@code @Model} annotation
 * @param tableName the table name
 * @param columns the columns in component order
 * @param compositeKey column names of a table-level primary key, or empty
 * @param indexDefinitions indexes from {@code @Field(index = true)} and {@code @Index}, with
 *     where they were declared
 * @param renamedFrom the table's name in the previous version, if declared renamed
 *     ({@code @Model(renamedFrom)})
 * @param droppedColumns columns of the previous version declared dropped on purpose
 *     ({@code @Model(droppedColumns)})
 */
public record ModelDefinition(
    TypeElement element,
    AnnotationView model,
    String tableName,
    List<ColumnDefinition> columns,
    List<String> compositeKey,
    List<IndexDefinition> indexDefinitions,
    Optional<String> renamedFrom,
    List<String> droppedColumns) {

  public ModelDefinition {
    columns = List.copyOf(columns);
    compositeKey = List.copyOf(compositeKey);
    indexDefinitions = List.copyOf(indexDefinitions);
    droppedColumns = List.copyOf(droppedColumns);
  }

  /** The indexes from {@code @Field(index = true)} and {@code @Index}. */
  public List<TableIndex> indexes() {
    return indexDefinitions.stream().map(IndexDefinition::index).toList();
  }

  public String simpleName() {
    return element.getSimpleName().toString();
  }

  /** The primary key's column names, whether declared on a field or on the model. */
  public List<String> primaryKey() {
    if (!compositeKey.isEmpty()) {
      return compositeKey;
    }
    return columns.stream()
        .filter(c -> c.column().primaryKey())
        .map(c -> c.column().name())
        .toList();
  }
}
