package dev.nanoka.runtime.internal;

import java.util.Optional;

/**
 * A row of the history.
 *
 * @param name the file name
 * @param appliedAt when, as the database wrote it ({@code CURRENT_TIMESTAMP}, UTC)
 * @param checksum the file's checksum when applied; empty for rows wrangler wrote
 */
public record AppliedMigration(String name, String appliedAt, Optional<String> checksum) {}
