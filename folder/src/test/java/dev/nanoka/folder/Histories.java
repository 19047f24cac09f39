package dev.nanoka.folder;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Migration folders written the way the processor writes them — the core's differ and renderer,
 * this module's journal, snapshot and file formats — and merged the way git merges them.
 */
final class Histories {

  private Histories() {}

  /** A {@code users} table: an integer key, a name, and nullable text columns. */
  static DatabaseSchema users(String... nullableColumns) {
    List<Column> columns = new ArrayList<>(List.of(
        new Column("id", "id", new LogicalType.Int(), true, true, false, false, Optional.empty()),
        new Column("name", "name", new LogicalType.Text(), true, false, false, false,
            Optional.empty())));
    for (String name : nullableColumns) {
      columns.add(new Column(name, name, new LogicalType.Text(), false, false, false, false,
          Optional.empty()));
    }
    return new DatabaseSchema(List.of(
        new Table("users", "users", columns, List.of(), List.of(), List.of())));
  }

  /**
   * Writes one migration per schema version into {@code dir}, as the processor would after a
   * compile at each version: version {@code i + 1} owns journal entry {@code i}.
   */
  static void write(Path dir, DatabaseSchema... versions) {
    DatabaseSchema previous = new DatabaseSchema(List.of());
    String prevId = Snapshot.NO_PREVIOUS;
    Journal journal = new Journal(List.of());
    for (int idx = 0; idx < versions.length; idx++) {
      SchemaDiff diff = SchemaDiffer.diff(previous, versions[idx], RenameHints.NONE);
      String sql = StatementBreakpoints.join(SqliteMigrationRenderer.render(diff));
      String tag = MigrationNames.tag(idx, diff.changes());
      write(dir.resolve(tag + ".sql"), MigrationFile.render(idx + 1, sql));
      String snapshot = SnapshotJson.write(versions[idx], prevId);
      Path snapshotFile = dir.resolve(String.format("meta/%04d_snapshot.json", idx));
      write(snapshotFile, snapshot);
      try {
        prevId = SnapshotJson.read(snapshotFile, snapshot, false).id();
      } catch (MigrationFolderException e) {
        throw new AssertionError(e);
      }
      journal = journal.with(new Journal.Entry(idx, journal.nextWhen(), tag));
      previous = versions[idx];
    }
    write(dir.resolve("meta/_journal.json"), journal.toJson());
  }

  /**
   * The text git leaves when it merges {@code theirs} into {@code ours} from their common
   * {@code base} ({@code git merge-file}, conflict markers labelled as a merge of branch b into
   * HEAD labels them), in the diff3 style when asked.
   */
  static String gitMerge(String ours, String base, String theirs, boolean diff3) {
    try {
      Path work = Files.createTempDirectory("nanoka-merge");
      try {
        Path o = write(work.resolve("ours"), ours);
        Path b = write(work.resolve("base"), base);
        Path t = write(work.resolve("theirs"), theirs);
        List<String> command = new ArrayList<>(List.of("git", "merge-file", "-p"));
        if (diff3) {
          command.add("--diff3");
        }
        command.addAll(List.of("-L", "HEAD", "-L", "base", "-L", "b", o.toString(), b.toString(),
            t.toString()));
        Process git = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = git.getInputStream().readAllBytes();
        String errors = new String(git.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = git.waitFor();
        if (exit <= 0) {
          throw new AssertionError("git merge-file found no conflict (exit " + exit + "): "
              + errors);
        }
        return new String(out, StandardCharsets.UTF_8);
      } finally {
        deleteRecursively(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder and everything in it. */
  static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted((x, y) -> y.compareTo(x)).toList()) {
        Files.delete(file);
      }
    }
  }
}
