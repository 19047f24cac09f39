package dev.nanoka.processor.model;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.DatabaseSchema;

/**
 * What reading a schema's models gives: the schema, and what the models declare about the
 * previous version, for the migration's differ.
 *
 * @param schema the tables, in the models' order
 * @param renameHints the renames and deliberate drops declared by {@code @Model(renamedFrom,
 *     droppedColumns)}, {@code @Field(renamedFrom)} and {@code @Schema(droppedTables)}
 */
public record AssembledSchema(DatabaseSchema schema, RenameHints renameHints) {}
