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
    return detect(SqliteIntrospector.read(connection), applied);
  }

  /**
   * One line per difference of a schema read from the live database from its history. The
   * caller reads the schema and the history in one transaction: read apart, another process
   * migrating in between makes its new tables look like drift.
   */
  public static List<String> detect(Schema actual, List<Migration> applied)
      throws MigrationException {
    Schema expected = ShadowDatabase.replay(applied);
    return SchemaDescriber.describe(SchemaDiffer.diff(expected, actual, RenameHints.NONE),
        "the migrations", "the database");
  }
}
