package dev.nanoka.processor.model;

import dev.nanoka.core.schema.ForeignKey;
import javax.lang.model.type.TypeMirror;

/**
 * A foreign key as declared by {@code @Field(references = …)}, before its target is resolved.
 *
 * @param field the {@code @Field} that declares it (diagnostics point at it)
 * @param target the referenced type
 * @param targetField the referenced component, or empty for the target's primary key
 */
public record ReferenceDefinition(
    AnnotationView field,
    TypeMirror target,
    String targetField,
    ForeignKey.Action onUpdate,
    ForeignKey.Action onDelete) {}
