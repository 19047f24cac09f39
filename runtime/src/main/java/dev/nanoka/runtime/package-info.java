/**
 * Nanoka's runtime API: everything an application or a build script imports. {@link
 * dev.nanoka.runtime.Migrator} is configured once (a database, a {@link
 * dev.nanoka.runtime.MigrationSource}, the generated {@link dev.nanoka.runtime.SchemaDefinition},
 * options) and offers every operation: {@code migrate}, {@code status}, {@code validate},
 * {@code repair}, {@code drift}, {@code diff}, and for development databases {@code push} and
 * {@code reset}.
 *
 * <pre>{@code
 * Migrator.forUrl("jdbc:sqlite:app.db")
 *     .source(MigrationSource.index(NanokaMigrations.INSTANCE))
 *     .migrate();
 * }</pre>
 *
 * <p>Results are records, failures are {@link dev.nanoka.runtime.MigrationException} (with a
 * {@link dev.nanoka.runtime.MigrationException.Kind}) and {@link
 * dev.nanoka.runtime.DataLossException}. Nothing outside this package is API: {@code
 * dev.nanoka.runtime.internal} and the {@code nanoka-core} module change without notice.
 */
package dev.nanoka.runtime;
