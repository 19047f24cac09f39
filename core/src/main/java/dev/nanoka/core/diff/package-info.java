/**
 * The diff engine: what changed between two schemas, as a list of changes, with the data each
 * change may lose. Pure functions over the schema model; one engine for migrations (processor),
 * push and drift (runtime).
 */
package dev.nanoka.core.diff;
