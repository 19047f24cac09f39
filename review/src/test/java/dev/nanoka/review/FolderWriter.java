package dev.nanoka.review;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFile;
import dev.nanoka.folder.MigrationNames;
import dev.nanoka.folder.Snapshot;
import dev.nanoka.folder.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a migrations folder from a sequence of schema versions with the code the processor
 * writes it with (core's differ and renderer, the folder module's file, snapshot and journal
 * writers), so the tests review folders as the build leaves them, without compiling models.
 */
final class FolderWriter {

  private final Path dir;
  private DatabaseSchema current = new DatabaseSchema(List.of());
  private String prevId = Snapshot.NO_PREVIOUS;
  private final List<Journal.Entry> entries = new ArrayList<>();

  FolderWriter(Path dir) {
    this.dir = dir;
  }

  /** Appends schema version {@code entries + 1}; returns its SQL file. */
  Path version(DatabaseSchema schema, RenameHints hints) throws Exception {
    int idx = entries.size();
    SchemaDiff diff = SchemaDiffer.diff(current, schema, hints);
    if (!diff.ambiguities().isEmpty()) {
      throw new IllegalArgumentException("declare renames or drops: " + diff.ambiguities());
    }
    String sql = StatementBreakpoints.join(SqliteMigrationRenderer.render(diff));
    String tag = MigrationNames.tag(idx, diff.changes());
    Path file = dir.resolve(tag + ".sql");
    Files.createDirectories(dir.resolve("meta"));
    write(file, MigrationFile.render(idx + 1, sql));
    String snapshot = SnapshotJson.write(schema, prevId, diff.changes());
    Path snapshotFile = dir.resolve("meta").resolve(String.format("%04d_snapshot.json", idx));
    write(snapshotFile, snapshot);
    prevId = SnapshotJson.read(snapshotFile, snapshot, false).id();
    entries.add(new Journal.Entry(idx, Journal.FIRST_WHEN + idx * Journal.STEP, tag));
    write(dir.resolve("meta").resolve("_journal.json"), new Journal(entries).toJson());
    current = schema;
    return file;
  }

  Path version(DatabaseSchema schema) throws Exception {
    return version(schema, RenameHints.NONE);
  }

  /** Writes a folder of one migration with {@code sql} as its whole text, and its snapshot. */
  static Path single(Path dir, DatabaseSchema before, DatabaseSchema after, String sql)
      throws Exception {
    FolderWriter writer = new FolderWriter(dir);
    if (!before.tables().isEmpty()) {
      writer.version(before);
    }
    Path file = writer.version(after);
    write(file, sql);
    return file;
  }

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Inserts {@code lines} after the first line of {@code file} that contains {@code after}. */
  static void insertAfter(Path file, String after, String lines) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int at = text.indexOf(after);
    if (at < 0) {
      throw new IllegalArgumentException(after + " not in " + file + ":\n" + text);
    }
    int end = text.indexOf('\n', at);
    end = end < 0 ? text.length() : end + 1;
    write(file, text.substring(0, end) + lines + text.substring(end));
  }
}
