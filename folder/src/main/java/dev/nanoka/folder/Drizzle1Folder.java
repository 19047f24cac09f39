package dev.nanoka.folder;

import dev.nanoka.core.schema.DatabaseSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A migrations folder in drizzle-kit 1.0's layout ({@link MigrationLayout#DRIZZLE_1}), read as
 * the same history as the 0.31 layout: migration {@code N} of the folders in name order is
 * journal entry {@code N} with tag {@code NNNN_<name>} and {@code when} the folder's timestamp.
 *
 * <p>drizzle-kit 1.0 lists as migrations the sub-folders that hold a {@code snapshot.json}
 * ({@code prepareOutFolder}), so {@code down/} and {@code d1/} beside them are not migrations to
 * it, nor here.
 */
public final class Drizzle1Folder {

  /** {@code 20231114221320_create_users}: drizzle-kit's {@code prepareSnapshotFolderName}. */
  public static final Pattern NAME = Pattern.compile("(\\d{14})_(.+)");

  public static final String MIGRATION = "migration.sql";
  public static final String SNAPSHOT = "snapshot.json";
  /** The flat copy of the SQL files that wrangler's {@code migrations_dir} points at. */
  public static final String D1 = "d1";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private Drizzle1Folder() {}

  /**
   * The folder name of a migration: its journal time in UTC and its tag without the number, as
   * {@code drizzle-kit up} names it ({@code 1700000000000}, {@code 0000_create_users} →
   * {@code 20231114221320_create_users}).
   */
  public static String folderName(long when, String tag) {
    String stamp = LocalDateTime.ofInstant(Instant.ofEpochMilli(when), ZoneOffset.UTC)
        .format(STAMP);
    int underscore = tag.indexOf('_');
    return stamp + "_" + (underscore < 0 ? tag : tag.substring(underscore + 1));
  }

  /** Whether {@code dir} holds drizzle-kit 1.0 migration folders. */
  public static boolean holdsMigrations(Path dir) {
    try {
      return !folders(dir).isEmpty();
    } catch (MigrationFolderException e) {
      return false;
    }
  }

  /** The migration folders of {@code dir} (those with a snapshot or SQL file), by name. */
  static List<Path> folders(Path dir) throws MigrationFolderException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isDirectory)
          .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.exists(p.resolve(SNAPSHOT)) || Files.exists(p.resolve(MIGRATION)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MigrationFolderException(dir, "cannot be listed: " + e.getMessage());
    }
  }

  /** The journal the folders stand for. */
  public static Journal journal(Path dir) throws MigrationFolderException {
    List<Journal.Entry> entries = new ArrayList<>();
    for (Path folder : folders(dir)) {
      Matcher m = NAME.matcher(folder.getFileName().toString());
      m.matches();
      long when;
      try {
        when = LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new MigrationFolderException(folder, "is not named <yyyyMMddHHmmss>_<name>: "
            + m.group(1) + " is no date and time. Rename it");
      }
      int idx = entries.size();
      entries.add(new Journal.Entry(idx, when, String.format("%04d_%s", idx, m.group(2))));
    }
    return new Journal(entries);
  }

  /** As {@link MigrationFolder#load}, for a folder in drizzle-kit 1.0's layout. */
  static MigrationFolder load(Path dir, int regenerable) throws MigrationFolderException {
    if (Files.exists(dir.resolve("meta").resolve("_journal.json"))) {
      throw new MigrationFolderException(dir.resolve("meta").resolve("_journal.json"),
          "is drizzle-kit 0.31's journal, but the schema asks for drizzle-kit 1.0's layout."
              + " Convert the folder with drizzle-kit 1.0's `npx drizzle-kit up` (the history"
              + " stays the same), or remove the layout option to keep 0.31's");
    }
    Journal journal = journal(dir);
    List<Snapshot> snapshots = new ArrayList<>();
    Optional<String> current = Optional.empty();
    String previousId = Snapshot.NO_PREVIOUS;
    DatabaseSchema base = new DatabaseSchema(List.of());
    MigrationFolder named = new MigrationFolder(dir, journal, List.of(), List.of(),
        Optional.empty(), base, MigrationLayout.DRIZZLE_1);
    for (Journal.Entry entry : journal.entries()) {
      Path sql = named.sqlFile(entry.tag());
      if (!Files.isRegularFile(sql) && entry.idx() != regenerable) {
        throw new MigrationFolderException(sql, "is missing. Restore it from version control,"
            + " or delete its folder (and later ones)");
      }
      if (entry.idx() == regenerable && Files.isRegularFile(sql)) {
        current = Optional.of(FolderText.read(sql));
      }
      Path snapshotFile = named.snapshotFile(entry.idx());
      if (!Files.isRegularFile(snapshotFile)) {
        throw new MigrationFolderException(snapshotFile, "is missing for migration "
            + entry.tag() + ". Restore it from version control");
      }
      boolean isBase = entry.idx() == regenerable - 1;
      Snapshot snapshot = MigrationFolder.readSnapshot(
          MigrationLayout.DRIZZLE_1, snapshotFile, isBase);
      if (isBase) {
        base = snapshot.schema().orElseThrow();
      }
      if (!snapshot.prevId().equals(previousId)) {
        throw new MigrationFolderException(snapshotFile, "has prevIds [" + snapshot.prevId()
            + "] but the migration before it has id " + previousId + "; the history is out of"
            + " order");
      }
      previousId = snapshot.id();
      snapshots.add(snapshot);
    }
    List<Path> stray = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().endsWith(".sql"))
          .filter(Files::isRegularFile).sorted().forEach(stray::add);
    } catch (IOException e) {
      // a folder that does not exist yet has no stray files
    }
    return new MigrationFolder(dir, journal, snapshots, stray, current, base,
        MigrationLayout.DRIZZLE_1);
  }
}
