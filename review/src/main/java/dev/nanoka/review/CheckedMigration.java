package dev.nanoka.review;

import dev.nanoka.folder.Journal;
import dev.nanoka.folder.Snapshot;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One journal entry as the check found it on disk.
 *
 * @param entry the journal's entry
 * @param sqlFile its migration file
 * @param sql the file's text, when it exists and is readable
 * @param snapshotFile its snapshot
 * @param snapshot the snapshot read whole, when it exists and is valid
 */
record CheckedMigration(Journal.Entry entry, Path sqlFile, Optional<String> sql,
    Path snapshotFile, Optional<Snapshot> snapshot) {

  /** Whether both files are there to replay and compare. */
  boolean isWhole() {
    return sql.isPresent() && snapshot.flatMap(Snapshot::schema).isPresent();
  }
}
