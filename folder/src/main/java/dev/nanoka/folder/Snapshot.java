package dev.nanoka.folder;

import dev.nanoka.core.schema.DatabaseSchema;
import java.util.Optional;

/**
 * One {@code meta/NNNN_snapshot.json}: the schema after a migration, in drizzle-kit's format.
 *
 * @param id this snapshot's id (a UUID)
 * @param prevId the previous snapshot's id, all zeros for the first
 * @param schema the tables, when read: only the snapshot a migration is planned from is read
 *     whole, the others only as far as their ids
 */
public record Snapshot(String id, String prevId, Optional<DatabaseSchema> schema) {

  /** The {@code prevId} of the first snapshot. */
  public static final String NO_PREVIOUS = "00000000-0000-0000-0000-000000000000";
}
