/**
 * The schema model: an immutable, pure description of tables, columns, keys and indexes.
 *
 * <p>Readers (annotated elements at compile time, later snapshot JSON and live databases)
 * produce it; writers (schema.ts, SQL, snapshots, generated Java) consume it. Nothing here does
 * I/O or knows about javac or JDBC. Constructors check structural invariants only; user-facing
 * validation with good messages happens in the readers, before a model is built.
 */
package dev.nanoka.runtime.schema;
