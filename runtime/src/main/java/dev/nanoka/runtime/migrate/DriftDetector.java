package dev.nanoka.runtime.migrate;

import dev.nanoka.runtime.diff.RenameHints;
import dev.nanoka.runtime.diff.SchemaDescriber;
import dev.nanoka.runtime.diff.SchemaDiffer;
import dev.nanoka.runtime.introspect.SqliteIntrospector;
import dev.nanoka.runtime.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Whether a live database still matches its migration history: the applied migrations are
 * replayed into an in-memory shadow database and the two schemas compared.
 */
public final class DriftDetector {

  private DriftDetector() {}

  /** One line per difference of the live database from its history; empty when none. */
  public static List<String> detect(Connection connection, List<Migration> applied)
      throws SQLException, MigrationException {
    Schema expected = ShadowDatabase.replay(applied);
    Schema actual = SqliteIntrospector.read(connection);
    return SchemaDescriber.describe(SchemaDiffer.diff(expected, actual, RenameHints.NONE),
        "the migrations", "the database");
  }
}
