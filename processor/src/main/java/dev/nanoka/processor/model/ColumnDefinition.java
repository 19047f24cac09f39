package dev.nanoka.processor.model;

import dev.nanoka.core.schema.Column;
import java.util.Optional;
import javax.lang.model.element.RecordComponentElement;

/**
 * One component as read.
 *
 * @param element the record component
 * @param field its {@code @Field}, if any
 * @param column the column (without its foreign key, which needs the other models)
 * @param mapping how its Java type is stored
 * @param reference the foreign key it declares, if any
 * @param renamedFrom the column's name in the previous version, if declared renamed
 *     ({@code @Field(renamedFrom)})
 */
public record ColumnDefinition(
    RecordComponentElement element,
    Optional<AnnotationView> field,
    Column column,
    ColumnMapping mapping,
    Optional<ReferenceDefinition> reference,
    Optional<String> renamedFrom) {}
