package dev.nanoka.processor.migrate;

import dev.nanoka.folder.Journal;
import dev.nanoka.processor.writer.FileChange;
import java.util.List;

/**
 * What planning the current version's migration decided: the files to write or delete, and the
 * journal the folder has once they are written, so the migrations can be packaged without
 * loading the folder again.
 *
 * @param files the changes to the folder
 * @param journal the journal after the changes
 */
public record PlannedMigration(List<FileChange> files, Journal journal) {

  public PlannedMigration {
    files = List.copyOf(files);
  }
}
