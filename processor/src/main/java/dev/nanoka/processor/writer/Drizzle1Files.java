package dev.nanoka.processor.writer;

import dev.nanoka.folder.Drizzle1Folder;
import dev.nanoka.folder.Drizzle1Snapshot;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFolder;
import dev.nanoka.folder.MigrationFolderException;
import dev.nanoka.processor.migrate.PlannedMigration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out a planned migration in drizzle-kit 1.0's layout: the planner decides in 0.31's terms
 * (journal entries, {@code NNNN_<name>.sql}, {@code meta/NNNN_snapshot.json}), and each file is
 * put where {@code drizzle-kit up} would put it — {@code <yyyyMMddHHmmss>_<name>/migration.sql}
 * and {@code snapshot.json} converted as {@code up} converts it — so the folder is byte for byte
 * the one {@code up} makes of the 0.31 folder. There is no journal. Down migrations stay in
 * {@code down/NNNN_<name>.sql}, where {@code up} leaves them.
 *
 * <p>wrangler reads only the {@code .sql} files directly in its {@code migrations_dir}, so the
 * SQL of every migration is also written to {@code d1/NNNN_<name>.sql}, byte for byte: the name
 * the runtime's history records for the migration in either layout, so wrangler, the runtime and
 * a folder converted from 0.31 agree on what is applied.
 */
public final class Drizzle1Files {

  private static final Pattern SNAPSHOT = Pattern.compile("(\\d{4,9})_snapshot\\.json");

  private Drizzle1Files() {}

  /** The plan's files in the 1.0 layout, plus the flat copies for wrangler. */
  public static PlannedMigration map(MigrationFolder folder, PlannedMigration planned)
      throws MigrationFolderException {
    Path dir = folder.dir();
    Journal before = folder.journal();
    Journal after = planned.journal();
    Map<Path, FileChange> out = new LinkedHashMap<>();
    Map<String, String> d1 = new LinkedHashMap<>(); // tag -> text written this compile
    for (FileChange change : planned.files()) {
      Path path = change.path();
      Path parent = path.getParent();
      String name = path.getFileName().toString();
      if (path.equals(folder.journalFile())) {
        continue; // 1.0 has no journal
      }
      if (name.equals(Drizzle1Folder.SNAPSHOT) && !parent.equals(dir)) {
        // an entry the folder has: MigrationFolder named its 1.0 snapshot already
        out.put(path, change.content().isPresent()
            ? FileChange.write(path, Drizzle1Snapshot.fromV6(path, change.content().get()))
            : change);
        continue;
      }
      Matcher snapshot = SNAPSHOT.matcher(name);
      if (parent.equals(dir.resolve("meta")) && snapshot.matches()) {
        int idx = Integer.parseInt(snapshot.group(1));
        Journal.Entry entry = change.content().isPresent() || idx >= before.entries().size()
            ? after.entries().get(idx) : before.entries().get(idx);
        Path target = folderOf(dir, entry).resolve(Drizzle1Folder.SNAPSHOT);
        out.put(target, change.content().isPresent()
            ? FileChange.write(target, Drizzle1Snapshot.fromV6(target, change.content().get()))
            : FileChange.delete(target));
        continue;
      }
      Optional<Journal.Entry> entry = parent.equals(dir) && name.endsWith(".sql")
          ? byTag(name.substring(0, name.length() - 4), after, before)
          : byFolder(dir, parent, after, before);
      if (entry.isEmpty()) {
        out.put(path, change); // down/ files: where up leaves them
        continue;
      }
      Path target = folderOf(dir, entry.get()).resolve(Drizzle1Folder.MIGRATION);
      out.put(target, new FileChange(target, change.content()));
      if (change.content().isPresent()) {
        d1.put(entry.get().tag(), change.content().get());
      } else {
        Path copy = d1File(dir, entry.get().tag());
        out.put(copy, FileChange.delete(copy));
      }
    }
    // The entry being rewritten under a new name, or removed, leaves its old folder empty.
    for (Journal.Entry old : before.entries()) {
      boolean kept = old.idx() < after.entries().size()
          && after.entries().get(old.idx()).equals(old);
      if (!kept) {
        Path oldFolder = folderOf(dir, old);
        for (String file : List.of(Drizzle1Folder.MIGRATION, Drizzle1Folder.SNAPSHOT)) {
          out.putIfAbsent(oldFolder.resolve(file), FileChange.delete(oldFolder.resolve(file)));
        }
        out.put(oldFolder, FileChange.delete(oldFolder));
        Path copy = d1File(dir, old.tag());
        out.putIfAbsent(copy, FileChange.delete(copy));
      }
    }
    // Every migration's flat copy follows its migration.sql, hand edits included.
    for (Journal.Entry entry : after.entries()) {
      Path copy = d1File(dir, entry.tag());
      String text = d1.get(entry.tag());
      if (text == null) {
        Path sql = folderOf(dir, entry).resolve(Drizzle1Folder.MIGRATION);
        if (!Files.isRegularFile(sql)) {
          continue; // reported by the folder's checks
        }
        try {
          text = new String(Files.readAllBytes(sql), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new MigrationFolderException(sql, "could not be read: " + e.getMessage());
        }
      }
      out.put(copy, FileChange.write(copy, text));
    }
    List<FileChange> files = new ArrayList<>(out.values());
    return new PlannedMigration(files, after);
  }

  /** The flat copy for wrangler: {@code d1/NNNN_<name>.sql}. */
  public static Path d1File(Path dir, String tag) {
    return dir.resolve(Drizzle1Folder.D1).resolve(tag + ".sql");
  }

  private static Path folderOf(Path dir, Journal.Entry entry) {
    return dir.resolve(Drizzle1Folder.folderName(entry.when(), entry.tag()));
  }

  private static Optional<Journal.Entry> byTag(String tag, Journal after, Journal before) {
    for (Journal journal : List.of(after, before)) {
      for (Journal.Entry entry : journal.entries()) {
        if (entry.tag().equals(tag)) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Journal.Entry> byFolder(
      Path dir, Path folder, Journal after, Journal before) {
    for (Journal journal : List.of(before, after)) {
      for (Journal.Entry entry : journal.entries()) {
        if (folderOf(dir, entry).equals(folder)) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }
}
