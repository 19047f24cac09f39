package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationStatus;
import dev.nanoka.runtime.RepairResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code repair}: accepts the current files, recording the checksum of every applied file as it
 * is now (edited ones, and ones wrangler applied). Applies nothing and deletes nothing.
 */
public final class DbRepair {

  private DbRepair() {}

  public static RepairResult repair(Connection connection, Dialect dialect, Duration lockTimeout,
      List<Migration> found) throws SQLException, MigrationException {
    LockWaits waits = new LockWaits(connection, dialect, lockTimeout);
    History.createIfMissing(connection, dialect, waits);
    waits.next();
    List<AppliedMigration> history = History.read(connection, dialect);
    List<MigrationStatus> statuses = MigrationInfo.join(found, history);
    Set<String> accepted =
        new LinkedHashSet<>(MigrationInfo.names(statuses, MigrationStatus.State.EDITED));
    waits.inLock(() -> {
      for (Migration migration : found) {
        if (accepted.contains(migration.name())) {
          History.setChecksum(connection, dialect, migration.name(),
              migration.checksum());
        }
      }
    });
    List<String> adopted = History.adopt(connection, dialect, found, history.stream()
        .filter(a -> !accepted.contains(a.name())).toList(), waits);
    return new RepairResult(List.copyOf(accepted), adopted,
        MigrationInfo.names(statuses, MigrationStatus.State.MISSING));
  }
}
