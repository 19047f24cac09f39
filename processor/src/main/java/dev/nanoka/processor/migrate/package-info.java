/**
 * A schema's drizzle-kit migrations folder: reading and checking what is on disk
 * ({@code MigrationFolder}, the journal and snapshot JSON), and deciding the files of the current
 * version's migration from the core's diff ({@code MigrationPlanner}). Nothing here writes: the
 * plan is a list of file changes that {@code writer} applies once the compile is clean.
 */
package dev.nanoka.processor.migrate;
