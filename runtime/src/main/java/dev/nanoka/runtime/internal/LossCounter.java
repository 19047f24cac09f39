package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.DataLoss;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Counts the rows of one database that a {@link DataLoss} affects, in the database's own SQL:
 * {@link AffectedRows} for SQLite, {@link PostgresAffectedRows} for PostgreSQL.
 */
public interface LossCounter {

  /** One line about the affected rows, or empty when the database has none. */
  Optional<String> describe(DataLoss loss) throws SQLException;

  /** Whether the change cannot run at all over the rows {@link #describe} found. */
  default boolean fails(DataLoss loss) {
    return loss.effect() == DataLoss.Effect.FAILS;
  }

  /**
   * What push checks beyond the diff's losses: on SQLite enum columns, whose stored text may not
   * be a constant (see {@link SchemaDiffer#enumValues}).
   */
  default List<DataLoss> beyondDiff(DatabaseSchema database, DatabaseSchema models) {
    return SchemaDiffer.enumValues(database, models);
  }
}
