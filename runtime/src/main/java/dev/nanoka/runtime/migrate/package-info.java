/**
 * Applying migrations over JDBC: migrations found (a folder or the class path) joined with
 * migrations applied (a history compatible with wrangler's {@code d1_migrations}), each file in
 * one transaction under SQLite's write lock, with checksums that catch edited files.
 *
 * <pre>{@code
 * MigrateResult result = Migrator.forUrl("jdbc:sqlite:app.db")
 *     .source(MigrationSource.folder(Path.of("drizzle/migrations")))
 *     .migrate();
 * }</pre>
 */
package dev.nanoka.runtime.migrate;
