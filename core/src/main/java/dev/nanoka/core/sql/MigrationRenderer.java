package dev.nanoka.core.sql;

import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.schema.DatabaseSchema;
import java.util.List;

/**
 * Turns one diff (from the one differ) into the statements of one migration, in a dialect's SQL.
 * Callers pick it by {@link SqlDialect#renderer()} so that the processor, and the runtime, never
 * know which dialect they speak.
 */
@FunctionalInterface
public interface MigrationRenderer {

  /**
   * The statements that turn a database holding the diff's old schema into {@code to}.
   *
   * @param to the schema the diff leads to: PostgreSQL needs it for types that live outside
   *     tables (enums), which the diff's table changes do not carry whole
   */
  List<MigrationStatement> render(SchemaDiff diff, DatabaseSchema to);
}
