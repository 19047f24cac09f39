package dev.nanoka.runtime.migrate;

import dev.nanoka.runtime.introspect.SqliteIntrospector;
import dev.nanoka.runtime.schema.Schema;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Applies migrations to a database over JDBC.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.forUrl("jdbc:sqlite:app.db")
 *     .source(MigrationSource.folder(Path.of("drizzle/migrations")))
 *     .build();
 * migrator.migrate();
 * }</pre>
 *
 * <p>Pending files run in transactions holding the database's write lock, each file with its
 * history row as one unit (a savepoint): it applies whole or not at all. A transaction commits
 * once {@link Builder#commitEvery} has passed (1 s by default) and at the end, so a long run does
 * not pay one disk flush per file. When a file fails, the files before it are committed and the
 * run stops. Concurrent processes wait for the lock and find the files applied; a process killed
 * mid-run leaves its open transaction rolled back (at most the files since the last commit), for
 * the next run to apply. Applied files that were edited since are refused until
 * {@link #repair()} accepts them.
 *
 * <p>With a source that knows its checksums (the index the processor generates), a run with
 * nothing pending reads no file and writes nothing: one query of the history decides it.
 */
public final class Migrator {

  private final ConnectionFactory connections;
  private final MigrationSource source;
  private final Dialect dialect;
  private final Duration lockTimeout;
  private final Duration commitEvery;
  private final MigrationListener listener;
  private final boolean checkDrift;
  private final boolean allowOutOfOrder;

  private Migrator(Builder builder) {
    this.connections = Objects.requireNonNull(builder.connections, "a database");
    this.source = Objects.requireNonNull(builder.source, "a migration source");
    this.dialect = builder.dialect;
    this.lockTimeout = builder.lockTimeout;
    this.commitEvery = builder.commitEvery;
    this.listener = builder.listener;
    this.checkDrift = builder.checkDrift;
    this.allowOutOfOrder = builder.outOfOrder;
  }

  /**
   * A migrator for a JDBC URL, e.g. {@code jdbc:sqlite:app.db}. Only {@link #migrate()} creates
   * a database that does not exist; the other operations report it missing.
   */
  public static Builder forUrl(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return new Builder(create -> create ? DriverManager.getConnection(jdbcUrl)
        : ExistingDatabase.open(jdbcUrl, false));
  }

  /**
   * A migrator for a data source; each call takes one connection and closes it. Whether a
   * missing database is created is the data source's business.
   */
  public static Builder forDataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Builder(create -> dataSource.getConnection());
  }

  /** Applies every pending migration in order. */
  public MigrateResult migrate() throws MigrationException {
    // The drift check needs the files' text, so it takes the full path.
    Optional<List<MigrationChecksum>> listed = checkDrift ? Optional.empty() : checksums();
    // The files first: a wrong folder must not leave a new database file behind.
    List<Migration> found = listed.isPresent() ? null : load();
    try (Connection connection = open(true)) {
      LockWaits waits = new LockWaits(connection, dialect, lockTimeout);
      List<AppliedMigration> history = History.read(connection);
      if (listed.isPresent()) {
        Optional<List<String>> upToDate = MigrationInfo.allApplied(listed.get(), history);
        if (upToDate.isPresent()) {
          listener.pending(0);
          return new MigrateResult(List.of(), upToDate.get(), List.of(), List.of());
        }
        found = load();
      }
      List<MigrationStatus> statuses = MigrationInfo.join(found, history);
      List<String> edited = names(statuses, MigrationStatus.State.EDITED);
      if (!edited.isEmpty()) {
        throw MigrationException.edited(edited);
      }
      List<String> outOfOrder = names(statuses, MigrationStatus.State.OUT_OF_ORDER);
      if (!outOfOrder.isEmpty() && !allowOutOfOrder) {
        throw MigrationException.outOfOrder(outOfOrder,
            MigrationInfo.lastApplied(statuses).orElseThrow());
      }
      Set<String> pendingNames = new HashSet<>(names(statuses, MigrationStatus.State.PENDING));
      pendingNames.addAll(outOfOrder);
      // Every pending file is split and checked before the first one runs: a file that would
      // not run as written stops the run with nothing applied or recorded.
      List<PendingScript> pending = new ArrayList<>();
      for (Migration migration : found) {
        if (pendingNames.contains(migration.name())) {
          pending.add(PendingScript.of(migration));
        }
      }
      if (checkDrift) {
        try {
          waits.next();
          List<String> drift = drift(connection, found);
          if (!drift.isEmpty()) {
            listener.drift(drift);
          }
        } catch (MigrationException e) {
          // The check only advises: a history that cannot be replayed (files deleted after a
          // squash, SQL the shadow database cannot run) must not stop the migration.
          listener.driftNotChecked(e.getMessage());
        }
      }
      createHistoryIfMissing(connection, waits);
      List<String> adopted = adopt(connection, found, history, waits);
      List<String> upToDate = names(statuses, MigrationStatus.State.APPLIED);
      listener.pending(pending.size());
      List<String> applied = applyAll(connection, pending, upToDate, waits);
      return new MigrateResult(applied, upToDate, adopted,
          outOfOrder.stream().filter(applied::contains).toList());
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /** Every migration found or applied, with where it stands. Writes nothing. */
  public List<MigrationStatus> status() throws MigrationException {
    List<Migration> found = load();
    try (Connection connection = open(false)) {
      return MigrationInfo.join(found, History.read(connection));
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /**
   * The applied migrations that were edited since, or whose file is gone, and the pending ones
   * that are out of order (unless {@link Builder#outOfOrder} allows them). Writes nothing.
   */
  public List<MigrationStatus> validate() throws MigrationException {
    return MigrationInfo.problems(status(), allowOutOfOrder);
  }

  /**
   * How the database differs from what its applied migrations produce (replayed into an
   * in-memory shadow database), one line per difference; empty when it matches. Writes nothing.
   */
  public List<String> drift() throws MigrationException {
    try (Connection connection = open(false)) {
      return drift(connection, load());
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  private List<String> drift(Connection connection, List<Migration> found)
      throws SQLException, MigrationException {
    // The history and the schema from one snapshot: another process may be migrating, and its
    // new tables must not look like drift to a run that read the history before them.
    List<String> applied;
    Schema actual;
    connection.setAutoCommit(false);
    try {
      applied = History.read(connection).stream().map(AppliedMigration::name).toList();
      actual = SqliteIntrospector.read(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    List<String> names = found.stream().map(Migration::name).toList();
    List<String> missing = applied.stream().filter(name -> !names.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new MigrationException(MigrationException.Kind.UNREADABLE, "Cannot replay the"
          + " history: applied migration" + (missing.size() > 1 ? "s" : "") + " without a file ("
          + String.join(", ", missing) + ").", null);
    }
    return DriftDetector.detect(actual,
        found.stream().filter(m -> applied.contains(m.name())).toList());
  }

  /**
   * Accepts the current files: records the checksum of every applied file as it is now (edited
   * ones and ones wrangler applied). Applies nothing and deletes nothing.
   */
  public RepairResult repair() throws MigrationException {
    List<Migration> found = load();
    try (Connection connection = open(false)) {
      LockWaits waits = new LockWaits(connection, dialect, lockTimeout);
      createHistoryIfMissing(connection, waits);
      waits.next();
      List<AppliedMigration> history = History.read(connection);
      List<MigrationStatus> statuses = MigrationInfo.join(found, history);
      Set<String> accepted = new LinkedHashSet<>(names(statuses, MigrationStatus.State.EDITED));
      inLock(waits, () -> {
        for (Migration migration : found) {
          if (accepted.contains(migration.name())) {
            History.setChecksum(connection, migration.name(), migration.checksum());
          }
        }
      });
      List<String> adopted = adopt(connection, found, history, waits);
      return new RepairResult(List.copyOf(accepted), adopted,
          names(statuses, MigrationStatus.State.MISSING));
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /** Records checksums for files wrangler applied (it keeps none): trust on first sight. */
  private List<String> adopt(Connection connection, List<Migration> found,
      List<AppliedMigration> history, LockWaits waits) throws SQLException, MigrationException {
    Set<String> withoutChecksum = new HashSet<>();
    history.stream().filter(a -> a.checksum().isEmpty()).forEach(a -> withoutChecksum.add(a.name()));
    List<Migration> adopted = found.stream()
        .filter(m -> withoutChecksum.contains(m.name()))
        .toList();
    if (!adopted.isEmpty()) {
      inLock(waits, () -> {
        for (Migration migration : adopted) {
          History.setChecksum(connection, migration.name(), migration.checksum());
        }
      });
    }
    return adopted.stream().map(Migration::name).toList();
  }

  /**
   * Applies the pending files, several per transaction, committing once {@link #commitEvery}
   * has passed. Returns the files this run applied; those another process applied meanwhile are
   * added to {@code upToDate}.
   */
  private List<String> applyAll(Connection connection, List<PendingScript> pending,
      List<String> upToDate, LockWaits waits) throws SQLException, MigrationException {
    List<String> applied = new ArrayList<>();
    int next = 0;
    while (next < pending.size()) {
      try (WriteTransaction transaction = waits.begin()) {
        long began = System.nanoTime();
        // Under the lock: another process may have applied some while this one waited.
        Set<String> done = new HashSet<>();
        History.read(connection).forEach(a -> done.add(a.name()));
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
                c -> History.record(c, migration));
          } catch (MigrationException | SQLException e) {
            if (transaction.isOpen()) {
              transaction.commit(); // the files before the failing one stay applied
              throw e;
            }
            if (e instanceof MigrationException failure) {
              throw MigrationException.transactionLost(failure, uncommitted);
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

  /** Only when missing: a write transaction on every start would cost a flush to disk. */
  private void createHistoryIfMissing(Connection connection, LockWaits waits)
      throws SQLException, MigrationException {
    waits.next();
    if (!History.complete(connection)) {
      inLock(waits, () -> History.create(connection, dialect));
    }
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void inLock(LockWaits waits, SqlWork work) throws SQLException, MigrationException {
    try (WriteTransaction transaction = waits.begin()) {
      work.run();
      waits.commit(transaction);
    }
  }

  /** @param create whether a missing database is created (migrate) or an error (the rest) */
  private Connection open(boolean create) throws MigrationException {
    Connection connection = null;
    try {
      connection = connections.open(create);
      dialect.configure(connection, lockTimeout.toMillis());
      return connection;
    } catch (SQLException e) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
      }
      throw new MigrationException(MigrationException.Kind.UNREADABLE,
          "Cannot open the database: " + e.getMessage(), e);
    }
  }

  private Optional<List<MigrationChecksum>> checksums() throws MigrationException {
    try {
      return source.checksums();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private List<Migration> load() throws MigrationException {
    try {
      return source.load();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private MigrationException unreadable(IOException e) {
    return new MigrationException(MigrationException.Kind.UNREADABLE,
        "Cannot read the migrations (" + source.describe() + "): " + e.getMessage(), e);
  }

  private MigrationException databaseProblem(SQLException e) {
    if (dialect.isLockTimeout(e)) {
      return new MigrationException(MigrationException.Kind.LOCK_TIMEOUT,
          "Waited " + lockTimeout.toSeconds() + " s for the database's lock: " + e.getMessage(), e);
    }
    if (dialect.isReadOnly(e)) {
      return MigrationException.readOnly("nothing was written", e);
    }
    return new MigrationException(MigrationException.Kind.UNREADABLE,
        "Database error: " + e.getMessage(), e);
  }

  private static List<String> names(List<MigrationStatus> statuses, MigrationStatus.State state) {
    List<String> names = new ArrayList<>();
    statuses.stream().filter(s -> s.state() == state).forEach(s -> names.add(s.name()));
    return names;
  }

  /** Opens a connection. */
  @FunctionalInterface
  private interface ConnectionFactory {
    Connection open(boolean create) throws SQLException, MigrationException;
  }

  /** Configures a {@link Migrator}. */
  public static final class Builder {
    private final ConnectionFactory connections;
    private MigrationSource source;
    private Dialect dialect = new SqliteDialect();
    private Duration lockTimeout = Duration.ofMinutes(5);
    private Duration commitEvery = Duration.ofSeconds(1);
    private MigrationListener listener = MigrationListener.NONE;
    private boolean checkDrift;
    private boolean outOfOrder;

    private Builder(ConnectionFactory connections) {
      this.connections = connections;
    }

    /** Where the migrations are; required. */
    public Builder source(MigrationSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The database's dialect; SQLite by default. */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * How long to wait for another process's lock; 5 minutes by default. One deadline covers
     * every wait of an operation until it holds the write lock (reading the history, the drift
     * check, taking the lock); once it is held, and after each commit, the next wait may take as
     * long again.
     */
    public Builder lockTimeout(Duration lockTimeout) {
      if (lockTimeout.isNegative()) {
        throw new IllegalArgumentException("lockTimeout must not be negative: " + lockTimeout);
      }
      this.lockTimeout = lockTimeout;
      return this;
    }

    /**
     * How long pending files may run in one transaction before it commits; 1 s by default. A
     * commit flushes to disk, which costs more than a small migration file itself, so files are
     * grouped; a killed process loses at most the files of its open transaction, which the next
     * run applies again. {@link Duration#ZERO} commits after every file.
     */
    public Builder commitEvery(Duration commitEvery) {
      if (commitEvery.isNegative()) {
        throw new IllegalArgumentException("commitEvery must not be negative: " + commitEvery);
      }
      this.commitEvery = commitEvery;
      return this;
    }

    /** Progress reports; none by default. */
    public Builder listener(MigrationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Before applying, compare the database with its history (replayed in memory) and report
     * differences to the listener. Off by default: it costs a replay of every applied migration,
     * which a production start-up should not pay. The CLI turns it on.
     */
    public Builder checkDrift(boolean checkDrift) {
      this.checkDrift = checkDrift;
      return this;
    }

    /**
     * Whether {@code migrate} applies a pending file that sorts before an applied one — a file
     * that was missing (from another branch, or a deploy) and turned up later. Off by default:
     * such a file would run after migrations written after it, so {@code migrate} refuses it,
     * naming it, and {@code validate} reports it (wrangler applies it without a word). On, it
     * is applied with the rest, in the source's order, and listed in
     * {@link MigrateResult#outOfOrder()}.
     */
    public Builder outOfOrder(boolean outOfOrder) {
      this.outOfOrder = outOfOrder;
      return this;
    }

    public Migrator build() {
      return new Migrator(this);
    }

    /** Shortcut for {@code build().migrate()}. */
    public MigrateResult migrate() throws MigrationException {
      return build().migrate();
    }
  }
}
