/**
 * Reading {@code @Model} records into the core's schema model, with an error at the element for
 * every problem: {@code ModelReader} reads a record, {@code ColumnReader} each component (type,
 * name, default, reference, rename hint), and {@code SchemaAssembler} joins one schema's models
 * (names across tables, foreign keys) into a {@code DatabaseSchema} and the {@code RenameHints}
 * they declare. The definitions in between keep their elements and annotations, for messages;
 * nothing after this package sees an {@code Element}.
 */
package dev.nanoka.processor.model;
