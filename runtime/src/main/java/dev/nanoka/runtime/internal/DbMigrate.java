package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationListener;
import dev.nanoka.runtime.MigrationStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code migrate}: joins the migrations found with the history, refuses what must not run, and
 * applies the pending files, several per transaction.
 *
 * <p>Each file runs with its history row as one unit (a savepoint) in a transaction holding the
 * database's write lock; the transaction commits once {@code commitEvery} has passed and at the
 * end, so a long run does not pay one disk flush per file. When a file fails, the files before
 * it are committed and the run stops.
 */
public final class DbMigrate {

  private final Connection connection;
  private final Dialect dialect;
  private final LockWaits waits;
  private final MigrationListener listener;
  private final Duration commitEvery;
  private final boolean checkDrift;
  private final boolean allowOutOfOrder;

  public DbMigrate(Connection connection, Dialect dialect, Duration lockTimeout,
      MigrationListener listener, Duration commitEvery, boolean checkDrift,
      boolean allowOutOfOrder) {
    this.connection = connection;
    this.dialect = dialect;
    this.waits = new LockWaits(connection, dialect, lockTimeout);
    this.listener = listener;
    this.commitEvery = commitEvery;
    this.checkDrift = checkDrift;
    this.allowOutOfOrder = allowOutOfOrder;
  }

  /**
   * @param listed the source's checksums, when it knows them without reading the files (then an
   *     up-to-date database is decided from one read of the history); empty otherwise
   */
  public MigrateResult migrate(Migrations source, Optional<List<MigrationChecksum>> listed)
      throws SQLException, MigrationException {
    List<AppliedMigration> history = History.read(connection, dialect);
    if (listed.isPresent()) {
      Optional<List<String>> upToDate = MigrationInfo.allApplied(listed.get(), history);
      if (upToDate.isPresent()) {
        listener.pending(0);
        return new MigrateResult(List.of(), upToDate.get(), List.of(), List.of());
      }
    }
    List<Migration> found = source.load();
    List<MigrationStatus> statuses = MigrationInfo.join(found, history);
    List<String> edited = MigrationInfo.names(statuses, MigrationStatus.State.EDITED);
    if (!edited.isEmpty()) {
      throw Failures.edited(edited);
    }
    Map<String, String> renumbered = MigrationInfo.renumbered(statuses);
    if (!renumbered.isEmpty()) {
      throw Failures.renumbered(renumbered);
    }
    List<String> outOfOrder = MigrationInfo.names(statuses, MigrationStatus.State.OUT_OF_ORDER);
    if (!outOfOrder.isEmpty() && !allowOutOfOrder) {
      throw Failures.outOfOrder(outOfOrder, MigrationStatus.lastApplied(statuses).orElseThrow());
    }
    Set<String> pendingNames =
        new HashSet<>(MigrationInfo.names(statuses, MigrationStatus.State.PENDING));
    pendingNames.addAll(outOfOrder);
    // Every pending file is split and checked before the first one runs: a file that would
    // not run as written stops the run with nothing applied or recorded.
    List<PendingScript> pending = new ArrayList<>();
    for (Migration migration : found) {
      if (pendingNames.contains(migration.name())) {
        pending.add(PendingScript.of(migration, dialect));
      }
    }
    if (checkDrift) {
      try {
        waits.next();
        List<String> drift = DriftDetector.detect(connection, dialect, found);
        if (!drift.isEmpty()) {
          listener.drift(drift);
        }
      } catch (MigrationException e) {
        // The check only advises: a history that cannot be replayed (files deleted after a
        // squash, SQL the shadow database cannot run) must not stop the migration.
        listener.driftNotChecked(e.getMessage());
      }
    }
    History.createIfMissing(connection, dialect, waits);
    List<String> adopted = History.adopt(connection, dialect, found, history, waits);
    List<String> upToDate = MigrationInfo.names(statuses, MigrationStatus.State.APPLIED);
    listener.pending(pending.size());
    List<String> applied = applyAll(pending, upToDate);
    return new MigrateResult(applied, upToDate, adopted,
        outOfOrder.stream().filter(applied::contains).toList());
  }

  /**
   * Applies the pending files, several per transaction, committing once {@link #commitEvery}
   * has passed. Returns the files this run applied; those another process applied meanwhile are
   * added to {@code upToDate}.
   */
  private List<String> applyAll(List<PendingScript> pending, List<String> upToDate)
      throws SQLException, MigrationException {
    List<String> applied = new ArrayList<>();
    int next = 0;
    while (next < pending.size()) {
      try (WriteTransaction transaction = waits.begin()) {
        long began = System.nanoTime();
        // Under the lock: another process may have applied some while this one waited.
        Set<String> done = new HashSet<>();
        History.read(connection, dialect).forEach(a -> done.add(a.name()));
        List<String> uncommitted = new ArrayList<>();
        do {
          PendingScript script = pending.get(next++);
          Migration migration = script.migration();
          if (done.contains(migration.name())) {
            upToDate.add(migration.name());
            listener.appliedElsewhere(migration.name());
            continue;
          }
          listener.applying(migration.name(), next, pending.size());
          long start = System.nanoTime();
          try {
            transaction.runScript(migration.name(), script.statements(),
                "The file was rolled back; later migrations were not run.",
                c -> History.record(c, dialect, migration));
          } catch (MigrationException | SQLException e) {
            if (transaction.isOpen()) {
              transaction.commit(); // the files before the failing one stay applied
              throw e;
            }
            if (e instanceof MigrationException failure) {
              throw Failures.transactionLost(failure, uncommitted);
            }
            throw e;
          }
          applied.add(migration.name());
          uncommitted.add(migration.name());
          listener.applied(migration.name(), Duration.ofNanos(System.nanoTime() - start));
        } while (next < pending.size()
            && System.nanoTime() - began < commitEvery.toNanos());
        waits.commit(transaction);
      }
    }
    return applied;
  }
}
