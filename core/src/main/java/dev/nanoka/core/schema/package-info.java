/**
 * The schema model: an immutable, pure description of tables, columns, keys and indexes.
 *
 * <p>Readers (annotated elements at compile time, later snapshot JSON and live databases)
 * produce it; writers (schema.ts, SQL, snapshots, generated Java) consume it. {@link
 * dev.nanoka.core.schema.SchemaText} is its text form, in which the processor hands it to the
 * runtime. Nothing here knows about javac or JDBC, and the only I/O is {@link
 * dev.nanoka.runtime.internal.SchemaResource} reading that text from the class path. Constructors
 * check structural invariants only; user-facing validation with good messages happens in the
 * readers, before a model is built.
 */
package dev.nanoka.core.schema;
