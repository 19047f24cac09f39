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
import dev.nanoka.runtime.schema.Table;
import dev.nanoka.runtime.sql.MigrationStatement;
import dev.nanoka.runtime.sql.SqliteMigrationRenderer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes a live database match the models, like Prisma's {@code db push}: introspect, diff with
 * the same engine as the migrations, check the data, apply in one transaction. Writes no
 * migration files and leaves the migration history alone.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:sqlite:dev.db")) {
 *   Pusher.push(c, NanokaSchema.INSTANCE.schema(), false);
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
   * @throws DataLossException when data would be lost and that was not accepted
   */
  public static PushResult push(Connection connection, Schema models, boolean acceptDataLoss,
      Duration lockTimeout) throws SQLException, MigrationException, DataLossException {
    DIALECT.configure(connection, lockTimeout.toMillis());
    SchemaDiff diff = diff(connection, models);
    List<String> statements = statements(diff);
    if (statements.isEmpty()) {
      return new PushResult(List.of(), List.of());
    }
    List<String> problems = new ArrayList<>(DataLossPredictor.predict(connection, diff));
    Set<String> existing = SqliteIntrospector.read(connection).tables().stream()
        .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    problems.addAll(DataLossPredictor.enumValues(connection, models.tables(), existing));
    if (!problems.isEmpty() && !acceptDataLoss) {
      throw new DataLossException(problems);
    }
    AtomicScript.run(connection, DIALECT, lockTimeout, "push", statements, c -> true, c -> { });
    return new PushResult(statements, problems);
  }

  private static SchemaDiff diff(Connection connection, Schema models) throws SQLException {
    // No rename hints: like db push, a vanished name is a drop (guarded by the data check).
    return SchemaDiffer.diff(SqliteIntrospector.read(connection), models, RenameHints.NONE);
  }

  private static List<String> statements(SchemaDiff diff) {
    return SqliteMigrationRenderer.render(diff).stream().map(MigrationStatement::sql).toList();
  }

  /** The names of the tables of a schema, for messages. */
  static String names(List<Table> tables) {
    return tables.stream().map(Table::name).collect(Collectors.joining(", "));
  }
}
