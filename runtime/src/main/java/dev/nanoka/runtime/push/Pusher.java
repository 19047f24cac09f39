package dev.nanoka.runtime.push;

import dev.nanoka.runtime.diff.RenameHints;
import dev.nanoka.runtime.diff.SchemaDiff;
import dev.nanoka.runtime.diff.SchemaDiffer;
import dev.nanoka.runtime.introspect.SqliteIntrospector;
import dev.nanoka.runtime.migrate.AtomicScript;
import dev.nanoka.runtime.migrate.Dialect;
import dev.nanoka.runtime.migrate.MigrationException;
import dev.nanoka.runtime.migrate.SqliteDialect;
import dev.nanoka.runtime.schema.Schema;
import dev.nanoka.runtime.sql.MigrationStatement;
import dev.nanoka.runtime.sql.SqliteMigrationRenderer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a live database match the models, like Prisma's {@code db push}: introspect, diff with
 * the same engine as the migrations, check the data, apply in one transaction. Writes no
 * migration files and leaves the migration history alone.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:sqlite:dev.db")) {
 *   Pusher.push(c, NanokaSchema.INSTANCE.schema(), false, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class Pusher {

  private static final Dialect DIALECT = new SqliteDialect();

  private Pusher() {}

  /** The statements a push would run now (empty when in sync), without running them. */
  public static List<String> plan(Connection connection, Schema models) throws SQLException {
    return statements(diff(connection, models));
  }

  /**
   * Pushes the models.
   *
   * @param acceptDataLoss run even when data would be lost
   * @throws DataLossException when data would be lost and that was not accepted, or when the
   *     rows make a change impossible (nothing is changed then)
   */
  public static PushResult push(Connection connection, Schema models, boolean acceptDataLoss,
      Duration lockTimeout) throws SQLException, MigrationException, DataLossException {
    DIALECT.configure(connection, lockTimeout.toMillis());
    Schema database = SqliteIntrospector.read(connection);
    SchemaDiff diff = diff(database, models);
    List<String> statements = statements(diff);
    DataLossPredictor.Prediction prediction = DataLossPredictor.predict(connection, diff);
    List<String> losses = new ArrayList<>(prediction.losses());
    // Checked even when there is no statement to run: SQLite stores an enum as plain text, so
    // narrowing one changes no DDL, but rows may hold the removed constants.
    losses.addAll(DataLossPredictor.enumValues(connection, models.tables(), database));
    if (!prediction.unexecutable().isEmpty() || !losses.isEmpty() && !acceptDataLoss) {
      throw new DataLossException(losses, prediction.unexecutable());
    }
    if (!statements.isEmpty()) {
      AtomicScript.run(connection, DIALECT, lockTimeout, "push", statements);
    }
    return new PushResult(statements, losses);
  }

  private static SchemaDiff diff(Connection connection, Schema models) throws SQLException {
    return diff(SqliteIntrospector.read(connection), models);
  }

  private static SchemaDiff diff(Schema database, Schema models) {
    // No rename hints: like db push, a vanished name is a drop (guarded by the data check).
    return SchemaDiffer.diff(database, models, RenameHints.NONE);
  }

  private static List<String> statements(SchemaDiff diff) {
    return SqliteMigrationRenderer.render(diff).stream().map(MigrationStatement::sql).toList();
  }
}
