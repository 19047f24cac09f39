package dev.nanoka.runtime.internal;

import java.util.Optional;

/**
 * A row of the history.
 *
 * @param name the file name
 * @param appliedAt when, as the database wrote it ({@code CURRENT_TIMESTAMP}, UTC)
 * @param checksum the file's checksum when applied; empty for rows wrangler wrote
 * @param drizzleHash on PostgreSQL, the hash drizzle's row holds: the SHA-256 of the file's text
 *     as it was applied, which tells an edit apart before Nanoka has a checksum of its own
 */
public record AppliedMigration(String name, String appliedAt, Optional<String> checksum,
    Optional<String> drizzleHash) {

  public AppliedMigration(String name, String appliedAt, Optional<String> checksum) {
    this(name, appliedAt, checksum, Optional.empty());
  }
}
