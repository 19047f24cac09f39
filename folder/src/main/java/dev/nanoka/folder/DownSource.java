package dev.nanoka.folder;

import dev.nanoka.core.schema.DatabaseSchema;
import java.nio.file.Path;
import java.util.List;

/**
 * What the down migration of one journal entry is made from: the schemas on both sides of it,
 * from its snapshot and the one before, and the text of the migration as it is in the folder.
 * Loaded only for an entry whose down migration is being written, since
 * {@link MigrationFolder#load} reads most snapshots only as far as their ids.
 *
 * @param tag the entry's tag
 * @param version the schema version the migration leads to ({@code idx + 1})
 * @param before the schema before it (empty for the first)
 * @param after the schema after it
 * @param up the migration's SQL file as it is, header included
 */
public record DownSource(
    String tag, int version, DatabaseSchema before, DatabaseSchema after, String up) {

  /** Reads the two snapshots and the SQL file of entry {@code idx} of a loaded folder. */
  public static DownSource load(MigrationFolder folder, int idx) throws MigrationFolderException {
    String tag = folder.journal().entries().get(idx).tag();
    DatabaseSchema before = idx == 0 ? new DatabaseSchema(List.of()) : schema(folder, idx - 1);
    return new DownSource(tag, idx + 1, before, schema(folder, idx),
        FolderText.read(folder.sqlFile(tag)));
  }

  private static DatabaseSchema schema(MigrationFolder folder, int idx)
      throws MigrationFolderException {
    Path file = folder.snapshotFile(idx);
    return MigrationFolder.readSnapshot(folder.layout(), file, true).schema().orElseThrow();
  }
}
