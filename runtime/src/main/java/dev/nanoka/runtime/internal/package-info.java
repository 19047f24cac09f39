/**
 * How the runtime works, not what it offers: the history, the write lock and its transaction,
 * the operations behind {@link dev.nanoka.runtime.Migrator} ({@code DbMigrate}, {@code DbRepair},
 * {@code DriftDetector}, {@code Pusher}, {@code Resetter}) and the {@code Dialect} that holds what
 * differs per database. Public only because the API package calls it; not API.
 */
package dev.nanoka.runtime.internal;
