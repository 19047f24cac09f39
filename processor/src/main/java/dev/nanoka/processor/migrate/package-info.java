/**
 * Deciding the files of the current version's migration ({@code MigrationPlanner}) from the
 * folder on disk (read by the {@code dev.nanoka.folder} module) and the core's diff. Nothing here writes: the
 * plan is a list of file changes that {@code writer} applies once the compile is clean.
 */
package dev.nanoka.processor.migrate;
