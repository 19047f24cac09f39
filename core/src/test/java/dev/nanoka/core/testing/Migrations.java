package dev.nanoka.core.testing;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Migrations as the tests need them: rendered from two schemas, or written into a folder. */
public final class Migrations {

  private Migrations() {}

  /** The statements that create {@code schema} in an empty database, as the renderer says them. */
  public static List<String> creation(DatabaseSchema schema) {
    return statements(Schemas.EMPTY, schema);
  }

  /** The statements of the migration from {@code from} to {@code to}, as the renderer says them. */
  public static List<String> statements(DatabaseSchema from, DatabaseSchema to) {
    return SqliteMigrationRenderer.render(SchemaDiffer.diff(from, to, RenameHints.NONE)).stream()
        .map(MigrationStatement::sql).toList();
  }

  /** The migration file from {@code from} to {@code to}, in drizzle-kit's layout. */
  public static String file(DatabaseSchema from, DatabaseSchema to) {
    return StatementBreakpoints.join(
        SqliteMigrationRenderer.render(SchemaDiffer.diff(from, to, RenameHints.NONE)));
  }

  /** Writes a migration file (UTF-8, the text exactly as given) and returns its path. */
  public static Path write(Path dir, String name, String sql) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
