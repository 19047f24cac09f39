package dev.nanoka.processor.migrate;

import dev.nanoka.core.diff.Ambiguity;
import dev.nanoka.core.diff.DataLoss;
import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.SqlDialect;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFile;
import dev.nanoka.folder.MigrationFolder;
import dev.nanoka.folder.MigrationNames;
import dev.nanoka.folder.PostgresSnapshotJson;
import dev.nanoka.folder.Snapshot;
import dev.nanoka.folder.SnapshotJson;
import dev.nanoka.processor.Diagnostics;
import dev.nanoka.processor.MessageText;
import dev.nanoka.processor.SchemaMessages;
import dev.nanoka.processor.writer.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the files of the current schema version's migration.
 *
 * <p>Version {@code N}'s migration is journal entry {@code N - 1}. If the folder already has it,
 * it is rewritten from the previous snapshot while you iterate; if the folder ends at
 * {@code N - 1} entries, it is appended. Anything else is a version mistake, reported, and
 * nothing is written: earlier migrations are never touched. A migration that was edited by hand
 * is kept as long as the models still produce what it was generated from. Each migration's down
 * migration is planned with it ({@link DownPlanner}).
 */
public final class MigrationPlanner {

  private final Diagnostics diagnostics;
  private final ModelLocator locator;
  private final DownPlanner downs;

  private final SqlDialect dialect;

  public MigrationPlanner(Diagnostics diagnostics, ModelLocator locator) {
    this(diagnostics, locator, SqlDialect.SQLITE);
  }

  /** A planner for the dialect of {@code @Schema(dialect)}: its SQL, snapshot and journal. */
  public MigrationPlanner(Diagnostics diagnostics, ModelLocator locator, SqlDialect dialect) {
    this.diagnostics = diagnostics;
    this.locator = locator;
    this.dialect = dialect;
    this.downs = new DownPlanner(diagnostics, locator, dialect);
  }

  /** The file changes and the journal they leave, or empty when a problem was reported. */
  public Optional<PlannedMigration> plan(
      MigrationFolder folder, DatabaseSchema models, int version, RenameHints hints) {
    Journal journal = folder.journal();
    int existing = journal.entries().size();
    if (!journal.dialect().equals(dialect.drizzleName())) {
      if (existing > 0) {
        error(locator.schema("dialect"), SchemaMessages.migrationFolderInvalid(
            folder.journalFile(), "is a " + journal.dialect() + " history, but @Schema(dialect)"
                + " says " + dialect + ": a dialect is chosen once per migrations folder. Point"
                + " @Schema(out) at a new folder for " + dialect + ", or set dialect back"));
        return Optional.empty();
      }
      journal = journal.withDialect(dialect.drizzleName());
    }
    String folderName = folder.dir().getFileName() + "/";
    if (existing > version) {
      error(locator.schema("version"), SchemaMessages.versionBehind(version, folderName, existing));
      return Optional.empty();
    }
    if (existing < version - 1) {
      error(locator.schema("version"),
          SchemaMessages.versionSkipped(version, folderName, existing));
      return Optional.empty();
    }
    for (var stray : folder.stray()) {
      warning(locator.schema("out"), SchemaMessages.strayMigration(stray));
    }
    int idx = version - 1;
    Optional<Journal.Entry> current =
        existing == version ? Optional.of(journal.entries().get(idx)) : Optional.empty();
    Optional<Snapshot> previous = folder.snapshotBefore(idx);
    SchemaDiff diff = SchemaDiffer.diff(folder.base(), models, hints);
    if (!diff.ambiguities().isEmpty()) {
      diff.ambiguities().forEach(this::reportAmbiguity);
      return Optional.empty();
    }

    // A current migration deleted by the user is regenerated: there are no edits to keep.
    Optional<String> currentText = current.flatMap(e -> folder.current());
    List<FileChange> files = new ArrayList<>();
    if (diff.changes().isEmpty()) {
      Journal after = journal;
      if (current.isPresent()) {
        // The models are back at the previous version: its migration has nothing left to do.
        if (currentText.isPresent() && !MigrationFile.isUnedited(currentText.get())) {
          error(locator.schema("version"),
              SchemaMessages.migrationEdited(folder.sqlFile(current.get().tag()), version + 1));
          return Optional.empty();
        }
        files.add(FileChange.delete(folder.sqlFile(current.get().tag())));
        files.add(FileChange.delete(folder.snapshotFile(idx)));
        after = journal.withoutLast();
        files.add(FileChange.write(folder.journalFile(), after.toJson()));
        Optional<List<FileChange>> removed = downs.remove(folder, current.get().tag());
        if (removed.isEmpty()) {
          return Optional.empty();
        }
        files.addAll(removed.get());
      }
      Optional<List<FileChange>> earlier = downs.plan(folder, after, Optional.empty());
      if (earlier.isEmpty()) {
        return Optional.empty();
      }
      files.addAll(earlier.get());
      diagnostics.note(locator.schema("version").element(),
          SchemaMessages.noChanges(version, current.map(e -> e.tag() + ".sql")));
      return Optional.of(new PlannedMigration(files, after));
    }

    String sql = StatementBreakpoints.join(dialect.renderer().render(diff, models));
    String tag = MigrationNames.tag(idx, diff.changes());
    String upText = MigrationFile.render(version, sql);
    boolean upEdited = false;
    if (currentText.isPresent()) {
      var oldFile = folder.sqlFile(current.get().tag());
      String oldText = currentText.get();
      // Each checksum is a SHA-256 of the whole file, slow in javac's cold JVM: the file as
      // rendered now is told by comparing texts, and its checksum is the new header's.
      if (oldText.equals(upText) || MigrationFile.recordedChecksum(oldText)
          .equals(MigrationFile.recordedChecksum(upText))) {
        tag = current.get().tag(); // same SQL as generated before: the file stays as it is
        upEdited = !oldText.equals(upText) && !MigrationFile.isUnedited(oldText);
        upText = oldText;
      } else if (!MigrationFile.isUnedited(oldText)) {
        error(locator.schema("version"), SchemaMessages.migrationEdited(oldFile, version + 1));
        return Optional.empty();
      } else {
        if (!tag.equals(current.get().tag())) {
          files.add(FileChange.delete(oldFile));
        }
        files.add(FileChange.write(folder.sqlFile(tag), upText));
      }
    } else {
      files.add(FileChange.write(folder.sqlFile(tag), upText));
    }
    String prevId = previous.map(Snapshot::id).orElse(Snapshot.NO_PREVIOUS);
    files.add(FileChange.write(folder.snapshotFile(idx), dialect == SqlDialect.POSTGRESQL
        ? PostgresSnapshotJson.write(models, prevId, diff.changes())
        : SnapshotJson.write(models, prevId, diff.changes())));
    long when = current.map(Journal.Entry::when).orElse(journal.nextWhen());
    Journal after = journal.with(new Journal.Entry(idx, when, tag));
    files.add(FileChange.write(folder.journalFile(), after.toJson()));
    Optional<List<FileChange>> down = downs.plan(folder, after, Optional.of(
        new DownPlanner.Current(idx, tag, current.map(Journal.Entry::tag), folder.base(), models,
            diff, upEdited)));
    if (down.isEmpty()) {
      return Optional.empty();
    }
    files.addAll(down.get());

    for (SchemaChange change : diff.changes()) {
      for (DataLoss loss : change.dataLoss()) {
        // A declared drop is what the user asked for: a note, so that a -Werror build can make
        // it. An undeclared loss stays a warning on every compile of this version.
        ModelLocator.Location at = locator.table(loss.table());
        if (hints.declares(loss)) {
          diagnostics.note(at.element(), at.annotation(), at.value(),
              SchemaMessages.declaredDataLoss(tag, loss.describe()));
        } else {
          warning(at, SchemaMessages.dataLoss(tag, loss.describe()));
        }
      }
    }
    return Optional.of(new PlannedMigration(files, after));
  }

  /**
   * Reported at the new name, where a rename is declared: {@code @Model(renamedFrom)} or
   * {@code @Field(renamedFrom)}.
   */
  private void reportAmbiguity(Ambiguity ambiguity) {
    String appeared = ambiguity.appeared().get(0);
    if (ambiguity.isAboutTables()) {
      error(locator.table(appeared),
          SchemaMessages.tableRenameOrDrop(ambiguity.vanished(), ambiguity.appeared()));
    } else {
      error(locator.column(ambiguity.table(), appeared), SchemaMessages.columnRenameOrDrop(
          ambiguity.table(), ambiguity.vanished(), ambiguity.appeared()));
    }
  }

  private void error(ModelLocator.Location at, MessageText message) {
    diagnostics.error(at.element(), at.annotation(), at.value(), message);
  }

  private void warning(ModelLocator.Location at, MessageText message) {
    diagnostics.warning(at.element(), at.annotation(), at.value(), message);
  }
}
