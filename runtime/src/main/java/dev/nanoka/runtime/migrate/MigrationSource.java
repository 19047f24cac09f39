package dev.nanoka.runtime.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where migrations are found. */
public interface MigrationSource {

  /** The migrations in the order they apply. */
  List<Migration> load() throws IOException;

  /** For messages, e.g. {@code folder drizzle/migrations}. */
  String describe();

  /**
   * A drizzle-kit / wrangler migrations folder: its top-level {@code .sql} files in lexical
   * order of their names, as {@code wrangler d1 migrations apply} takes them ({@code meta/} is
   * not read).
   */
  static MigrationSource folder(Path dir) {
    return new MigrationSource() {
      @Override
      public List<Migration> load() throws IOException {
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
                Files.readString(file, StandardCharsets.UTF_8)));
          }
        }
        return migrations;
      }

      @Override
      public String describe() {
        return "folder " + dir;
      }
    };
  }

  /** Migrations packaged as resources and listed by a generated {@link MigrationIndex}. */
  static MigrationSource index(MigrationIndex index) {
    return new MigrationSource() {
      @Override
      public List<Migration> load() throws IOException {
        ClassLoader loader = index.getClass().getClassLoader();
        List<Migration> migrations = new ArrayList<>();
        for (String file : index.files()) {
          String resource = index.resourceFolder() + "/" + file;
          try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
              throw new NoSuchFileException(resource, null,
                  "listed by " + index.getClass().getName() + " but not on the class path");
            }
            migrations.add(new Migration(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
        return migrations;
      }

      @Override
      public String describe() {
        return "class path " + index.resourceFolder();
      }
    };
  }
}
