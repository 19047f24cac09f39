package dev.nanoka.runtime.internal;

import dev.nanoka.core.diff.DataLoss;
import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.runtime.DataLossException;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.PushResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code push}: makes a live database match the models, like Prisma's {@code db push}:
 * introspect, diff with the same engine as the migrations, count the rows each of the diff's
 * data losses affects, apply in one transaction. Writes no migration files and leaves the
 * migration history alone.
 *
 * <p>All of it happens under the database's write lock: a row another process commits while
 * this push waits for the lock is counted, never dropped unseen. A refused push rolls back and
 * leaves the database file as it was, byte for byte. The counting ({@link AffectedRows}) and the
 * care for views and triggers ({@link DependentObjects}) speak SQLite.
 */
public final class Pusher {

  private Pusher() {}

  /** The statements a push would run now (empty when in sync), without running them. */
  public static List<String> plan(Connection connection, Dialect dialect, DatabaseSchema models)
      throws SQLException, MigrationException {
    dialect.checkModels(models);
    return sql(dialect.render(diff(dialect.introspect(connection), models), models));
  }

  /**
   * Pushes the models.
   *
   * @param acceptDataLoss run even when data would be lost, and drop the views and triggers the
   *     change breaks
   * @throws DataLossException when data would be lost (or a view or trigger broken) and that was
   *     not accepted, or when the rows make a change impossible; nothing is changed then
   */
  public static PushResult push(Connection connection, Dialect dialect, DatabaseSchema models,
      boolean acceptDataLoss, Duration lockTimeout)
      throws SQLException, MigrationException, DataLossException {
    dialect.checkModels(models);
    dialect.configure(connection, lockTimeout.toMillis());
    return AtomicScript.underLock(connection, dialect, lockTimeout, "push", script -> {
      DatabaseSchema database = dialect.introspect(connection);
      SchemaDiff diff = diff(database, models);
      List<DataLoss> possible = new ArrayList<>(diff.losses());
      // Checked even when there is no statement to run: SQLite stores an enum as plain text, so
      // narrowing one changes no DDL, but rows may hold the removed constants.
      LossCounter affected = dialect.lossCounter(connection, diff.renamed());
      possible.addAll(affected.beyondDiff(database, models));
      List<String> losses = new ArrayList<>();
      List<String> unexecutable = new ArrayList<>();
      for (DataLoss loss : possible) {
        Optional<String> line = affected.describe(loss);
        if (line.isPresent()) {
          (affected.fails(loss) ? unexecutable : losses).add(line.get());
        }
      }
      if (!unexecutable.isEmpty()) {
        throw new DataLossException(losses, unexecutable);
      }
      List<String> statements = sql(dialect.render(diff, models));
      if (!statements.isEmpty()) {
        DependentObjects dependents = dialect instanceof PostgresDialect
            ? DependentObjects.none(connection)
            : DependentObjects.setAside(connection,
                SqliteIntrospector.updateTriggerNames(database));
        script.run(statements);
        losses.addAll(dependents.restore(acceptDataLoss));
      }
      if (!losses.isEmpty() && !acceptDataLoss) {
        throw new DataLossException(losses, List.of());
      }
      return new PushResult(statements, losses);
    });
  }

  private static SchemaDiff diff(DatabaseSchema database, DatabaseSchema models) {
    // No rename hints: like db push, a vanished name is a drop (guarded by the data check).
    return SchemaDiffer.diff(database, models, RenameHints.NONE);
  }

  private static List<String> sql(List<MigrationStatement> statements) {
    return statements.stream().map(MigrationStatement::sql).toList();
  }
}
