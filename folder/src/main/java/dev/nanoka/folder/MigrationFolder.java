package dev.nanoka.folder;

import dev.nanoka.core.schema.DatabaseSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A drizzle-kit migrations folder as found on disk: journal, snapshots and SQL files, checked
 * for consistency (every journal entry has its SQL file and snapshot, snapshots chain by
 * {@code prevId}). A folder that does not exist yet is empty.
 *
 * @param dir the folder
 * @param journal its journal (empty if none yet)
 * @param snapshots one per journal entry, in order
 * @param stray top-level {@code .sql} files the journal does not list
 * @param current the text of the migration that may be regenerated, when the journal lists it
 *     and its file exists
 * @param base the schema that migration starts from: the tables of the snapshot before it, read
 *     whole (the other snapshots are only read as far as their ids); empty before the first
 * @param layout how the files are laid out; the journal of {@link MigrationLayout#DRIZZLE_1} is
 *     the one its folders stand for ({@link Drizzle1Folder})
 */
public record MigrationFolder(
    Path dir, Journal journal, List<Snapshot> snapshots, List<Path> stray,
    Optional<String> current, DatabaseSchema base, MigrationLayout layout) {

  public MigrationFolder(Path dir, Journal journal, List<Snapshot> snapshots, List<Path> stray,
      Optional<String> current, DatabaseSchema base) {
    this(dir, journal, snapshots, stray, current, base, MigrationLayout.DRIZZLE_0_31);
  }

  /** The 0.31 journal; in the 1.0 layout a file that is never written. */
  public Path journalFile() {
    return dir.resolve("meta").resolve("_journal.json");
  }

  /**
   * The snapshot of entry {@code idx}; in the 1.0 layout, for an entry the journal does not list
   * yet, the 0.31 path, which the processor maps once it knows the entry.
   */
  public Path snapshotFile(int idx) {
    if (layout == MigrationLayout.DRIZZLE_1 && idx < journal.entries().size()) {
      Journal.Entry entry = journal.entries().get(idx);
      return dir.resolve(Drizzle1Folder.folderName(entry.when(), entry.tag()))
          .resolve(Drizzle1Folder.SNAPSHOT);
    }
    return dir.resolve("meta").resolve(String.format("%04d_snapshot.json", idx));
  }

  /** The SQL file of the entry with {@code tag}; as {@link #snapshotFile} for a new one. */
  public Path sqlFile(String tag) {
    if (layout == MigrationLayout.DRIZZLE_1) {
      for (Journal.Entry entry : journal.entries()) {
        if (entry.tag().equals(tag)) {
          return dir.resolve(Drizzle1Folder.folderName(entry.when(), tag))
              .resolve(Drizzle1Folder.MIGRATION);
        }
      }
    }
    return dir.resolve(tag + ".sql");
  }

  /** Reads a snapshot file of either layout as the one snapshot model. */
  public static Snapshot readSnapshot(MigrationLayout layout, Path file, boolean whole)
      throws MigrationFolderException {
    String text = FolderText.read(file);
    return SnapshotJson.read(file,
        layout == MigrationLayout.DRIZZLE_1 ? Drizzle1Snapshot.toV6(file, text) : text, whole);
  }

  /** As {@link #load(Path, int)}, for a folder in {@code layout}. */
  public static MigrationFolder load(Path dir, int regenerable, MigrationLayout layout)
      throws MigrationFolderException {
    if (layout == MigrationLayout.DRIZZLE_1) {
      return Drizzle1Folder.load(dir, regenerable);
    }
    if (!Files.exists(dir.resolve("meta").resolve("_journal.json"))
        && Drizzle1Folder.holdsMigrations(dir)) {
      throw new MigrationFolderException(dir, "is in drizzle-kit 1.0's layout (a folder per"
          + " migration), but the schema asks for drizzle-kit 0.31's. Write"
          + " `@Schema(layout = MigrationLayout.DRIZZLE_1)` (or -Ananoka.layout=drizzle-1)");
    }
    return load(dir, regenerable);
  }

  /** The snapshot of the latest migration before entry {@code idx}, if any. */
  public Optional<Snapshot> snapshotBefore(int idx) {
    return idx == 0 ? Optional.empty() : Optional.of(snapshots.get(idx - 1));
  }

  /**
   * Loads and checks the folder, except that the SQL file of entry {@code regenerable} may be
   * missing: that is the current version's migration, which a user deletes to have it
   * regenerated from the models. A superseded one missing is an error.
   */
  public static MigrationFolder load(Path dir, int regenerable) throws MigrationFolderException {
    Path journalFile = dir.resolve("meta").resolve("_journal.json");
    List<Path> sqlFiles = sqlFiles(dir);
    if (!Files.exists(journalFile)) {
      Path snapshot = dir.resolve("meta").resolve("0000_snapshot.json");
      if (!sqlFiles.isEmpty() || Files.exists(snapshot)) {
        throw new MigrationFolderException(journalFile, "is missing, but the folder holds"
            + " migrations (" + (sqlFiles.isEmpty() ? snapshot.getFileName() : sqlFiles.get(0).getFileName())
            + "). Restore it from version control; Nanoka does not rebuild history");
      }
      return new MigrationFolder(dir, new Journal(List.of()), List.of(), List.of(),
          Optional.empty(), new DatabaseSchema(List.of()));
    }
    Journal journal = Journal.read(journalFile, FolderText.read(journalFile));
    List<Snapshot> snapshots = new ArrayList<>();
    Set<Path> listed = new TreeSet<>();
    Optional<String> current = Optional.empty();
    String previousId = Snapshot.NO_PREVIOUS;
    DatabaseSchema base = new DatabaseSchema(List.of());
    for (Journal.Entry entry : journal.entries()) {
      Path sql = dir.resolve(entry.tag() + ".sql");
      if (!Files.isRegularFile(sql) && entry.idx() != regenerable) {
        throw new MigrationFolderException(sql, "is listed in meta/_journal.json but missing."
            + " Restore it from version control, or remove its entry (and later ones) from the"
            + " journal");
      }
      if (entry.idx() == regenerable && Files.isRegularFile(sql)) {
        current = Optional.of(FolderText.read(sql)); // superseded ones are never read, nor rewritten
      }
      listed.add(sql);
      Path snapshotFile = dir.resolve("meta").resolve(String.format("%04d_snapshot.json", entry.idx()));
      if (!Files.isRegularFile(snapshotFile)) {
        throw new MigrationFolderException(snapshotFile, "is missing for migration "
            + entry.tag() + ". Restore it from version control");
      }
      boolean isBase = entry.idx() == regenerable - 1;
      Snapshot snapshot = SnapshotJson.read(snapshotFile, FolderText.read(snapshotFile), isBase);
      if (isBase) {
        base = snapshot.schema().orElseThrow();
      }
      if (!snapshot.prevId().equals(previousId)) {
        throw new MigrationFolderException(snapshotFile, "has prevId " + snapshot.prevId()
            + " but the snapshot before it has id " + previousId + "; the history is out of"
            + " order");
      }
      previousId = snapshot.id();
      snapshots.add(snapshot);
    }
    Path extra = dir.resolve("meta").resolve(
        String.format("%04d_snapshot.json", journal.entries().size()));
    if (Files.exists(extra)) {
      throw new MigrationFolderException(extra, "exists, but meta/_journal.json lists only "
          + journal.entries().size() + " migrations. Restore the journal, or delete the file");
    }
    List<Path> stray = sqlFiles.stream().filter(p -> !listed.contains(p)).toList();
    return new MigrationFolder(dir, journal, snapshots, stray, current, base);
  }

  private static List<Path> sqlFiles(Path dir) throws MigrationFolderException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MigrationFolderException(dir, "cannot be listed: " + e.getMessage());
    }
  }
}
