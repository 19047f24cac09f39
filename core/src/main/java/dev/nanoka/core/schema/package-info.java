/**
 * The schema model: an immutable, pure description of tables, columns, keys and indexes
 * ({@link dev.nanoka.core.schema.DatabaseSchema} and what it holds).
 *
 * <p>Readers (annotated elements at compile time, snapshot JSON, a live database) produce it;
 * writers (schema.ts, SQL, snapshots, generated Java) consume it. {@link
 * dev.nanoka.core.schema.SchemaText} is its text form, in which the processor hands it to the
 * runtime. Nothing here knows about javac or JDBC. Constructors check structural invariants
 * only; user-facing validation with good messages happens in the readers, before a model is
 * built.
 */
package dev.nanoka.core.schema;
