package dev.nanoka.runtime;

import dev.nanoka.core.text.Utf8Text;
import dev.nanoka.runtime.internal.JournalTimes;
import dev.nanoka.runtime.internal.Migration;
import dev.nanoka.runtime.internal.MigrationChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where migrations are found: a drizzle-kit / wrangler migrations folder, or the class path
 * through the index the annotation processor generates.
 *
 * <pre>{@code
 * MigrationSource.index(NanokaMigrations.INSTANCE)            // packaged with the application
 * MigrationSource.folder(Path.of("drizzle/migrations"))       // a folder on disk
 * }</pre>
 */
public abstract class MigrationSource {

  /**
   * The folder of down migrations beside the files, one per file under the same name: wrangler
   * reads only the top-level {@code .sql} files and drizzle-kit only its journal's, so neither
   * sees them.
   */
  static final String DOWN = "down";

  /** Only the factories below (and tests beside them) make sources. */
  MigrationSource() {}

  /**
   * A drizzle-kit / wrangler migrations folder: its top-level {@code .sql} files in lexical
   * order of their names, as {@code wrangler d1 migrations apply} takes them ({@code meta/} is
   * not read).
   */
  public static MigrationSource folder(Path dir) {
    return new Folder(Objects.requireNonNull(dir, "dir"));
  }

  /** Migrations packaged as resources and listed by a generated {@link MigrationIndex}. */
  public static MigrationSource index(MigrationIndex index) {
    return new TableIndex(Objects.requireNonNull(index, "index"));
  }

  /** For messages, e.g. {@code folder drizzle/migrations}. */
  public abstract String describe();

  @Override
  public String toString() {
    return describe();
  }

  /** The migrations in the order they apply. */
  abstract List<Migration> load() throws IOException;

  /**
   * The migrations' names and checksums in the order they apply, when the source knows them
   * without reading the files (the generated index does); empty otherwise. It lets a start-up
   * with nothing pending decide so from the history alone.
   */
  Optional<List<MigrationChecksum>> checksums() throws IOException {
    return Optional.empty();
  }

  /**
   * The down migrations the source has for these files, by the file's name: {@code down/<name>}
   * beside them. A file without one is left out.
   */
  abstract Map<String, Migration> loadDown(List<Migration> found) throws IOException;

  /**
   * The drizzle-kit journal beside the files ({@code meta/_journal.json}), which the history on
   * PostgreSQL needs; {@link JournalTimes#NONE} when the source has none.
   */
  JournalTimes journal() throws IOException {
    return JournalTimes.NONE;
  }

  /** Whether the source exists at all: a folder that is not there yet holds no migrations. */
  boolean exists() {
    return true;
  }

  private static final class Folder extends MigrationSource {
    private final Path dir;

    Folder(Path dir) {
      this.dir = dir;
    }

    @Override
    List<Migration> load() throws IOException {
      if (!Files.isDirectory(dir)) {
        throw new NoSuchFileException(dir.toString(), null, "migrations folder not found");
      }
      List<Migration> migrations = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql"))
            .filter(Files::isRegularFile)
            .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
            .toList()) {
          migrations.add(new Migration(file.getFileName().toString(),
              Utf8Text.decode(Files.readAllBytes(file), file.toString())));
        }
      }
      return migrations;
    }

    @Override
    Map<String, Migration> loadDown(List<Migration> found) throws IOException {
      Map<String, Migration> down = new LinkedHashMap<>();
      for (Migration migration : found) {
        Path file = dir.resolve(DOWN).resolve(migration.name());
        if (Files.isRegularFile(file)) {
          down.put(migration.name(), new Migration(DOWN + "/" + migration.name(),
              Utf8Text.decode(Files.readAllBytes(file), file.toString())));
        }
      }
      return down;
    }

    @Override
    JournalTimes journal() throws IOException {
      Path file = dir.resolve("meta").resolve("_journal.json");
      return Files.isRegularFile(file)
          ? JournalTimes.parse(Files.readString(file), file.toString()) : JournalTimes.NONE;
    }

    @Override
    boolean exists() {
      return Files.isDirectory(dir);
    }

    @Override
    public String describe() {
      return "folder " + dir;
    }
  }

  private static final class TableIndex extends MigrationSource {
    private final MigrationIndex index;

    TableIndex(MigrationIndex index) {
      this.index = index;
    }

    @Override
    List<Migration> load() throws IOException {
      ClassLoader loader = index.getClass().getClassLoader();
      List<Migration> migrations = new ArrayList<>();
      for (String file : index.files()) {
        String resource = index.resourceFolder() + "/" + file;
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in == null) {
            throw notPackaged(resource);
          }
          migrations.add(new Migration(file, Utf8Text.decode(in.readAllBytes(), resource)));
        }
      }
      return migrations;
    }

    @Override
    Optional<List<MigrationChecksum>> checksums() throws IOException {
      List<String> files = index.files();
      List<String> checksums = index.checksums();
      if (checksums.size() != files.size()) {
        throw new IOException(index.getClass().getName() + " lists " + files.size()
            + " files but " + checksums.size() + " checksums: rebuild the project");
      }
      // The first and last files looked up, not read: a build that did not package the
      // migrations is reported before the database is opened. Looking up all 500 of a large
      // history cost more than the rest of an up-to-date start (benchmark 3); a single file
      // missing in between is reported by load(), when it is needed.
      ClassLoader loader = index.getClass().getClassLoader();
      for (String file : files.isEmpty() ? List.<String>of()
          : List.of(files.get(0), files.get(files.size() - 1))) {
        String resource = index.resourceFolder() + "/" + file;
        if (loader.getResource(resource) == null) {
          throw notPackaged(resource);
        }
      }
      List<MigrationChecksum> listed = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        listed.add(new MigrationChecksum(files.get(i), checksums.get(i)));
      }
      return Optional.of(listed);
    }

    @Override
    Map<String, Migration> loadDown(List<Migration> found) throws IOException {
      ClassLoader loader = index.getClass().getClassLoader();
      Map<String, Migration> down = new LinkedHashMap<>();
      for (Migration migration : found) {
        String resource = index.resourceFolder() + "/" + DOWN + "/" + migration.name();
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in != null) {
            down.put(migration.name(), new Migration(DOWN + "/" + migration.name(),
                Utf8Text.decode(in.readAllBytes(), resource)));
          }
        }
      }
      return down;
    }

    /** Packaged only when the build put it there: the processor copies the SQL files alone. */
    @Override
    JournalTimes journal() throws IOException {
      String resource = index.resourceFolder() + "/meta/_journal.json";
      try (InputStream in = index.getClass().getClassLoader().getResourceAsStream(resource)) {
        return in == null ? JournalTimes.NONE : JournalTimes.parse(
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource);
      }
    }

    private NoSuchFileException notPackaged(String resource) {
      return new NoSuchFileException(resource, null,
          "listed by " + index.getClass().getName() + " but not on the class path");
    }

    @Override
    public String describe() {
      return "class path " + index.resourceFolder();
    }
  }
}
