package dev.nanoka.runtime.migrate;

import dev.nanoka.runtime.introspect.SqliteIntrospector;
import dev.nanoka.runtime.schema.Schema;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
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
 * <p>Each file runs in one transaction holding the database's write lock, with its history row:
 * it applies whole or not at all. Concurrent processes wait for the lock and find the file
 * applied; a process killed mid-run leaves the last file rolled back, for the next run to apply.
 * Applied files that were edited since are refused until {@link #repair()} accepts them.
 */
public final class Migrator {

  /**
   * Transaction control a file must not contain: each file already runs in one transaction. A
   * statement whose first word (after any comments) is one of these ends or nests it; D1 refuses
   * them all, savepoints included.
   */
  private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
      "(?is)^\\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\\b.*");

  private final ConnectionFactory connections;
  private final MigrationSource source;
  private final Dialect dialect;
  private final Duration lockTimeout;
  private final MigrationListener listener;
  private final boolean checkDrift;

  private Migrator(Builder builder) {
    this.connections = Objects.requireNonNull(builder.connections, "a database");
    this.source = Objects.requireNonNull(builder.source, "a migration source");
    this.dialect = builder.dialect;
    this.lockTimeout = builder.lockTimeout;
    this.listener = builder.listener;
    this.checkDrift = builder.checkDrift;
  }

  /** A migrator for a JDBC URL, e.g. {@code jdbc:sqlite:app.db}. */
  public static Builder forUrl(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return new Builder(() -> DriverManager.getConnection(jdbcUrl));
  }

  /** A migrator for a data source; each call takes one connection and closes it. */
  public static Builder forDataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Builder(dataSource::getConnection);
  }

  /** Applies every pending migration in order. */
  public MigrateResult migrate() throws MigrationException {
    // The files first: a wrong folder must not leave a new database file behind.
    List<Migration> found = load();
    try (Connection connection = open()) {
      inLock(connection, () -> History.create(connection, dialect));
      List<MigrationStatus> statuses = MigrationInfo.join(found, History.read(connection));
      List<String> edited = names(statuses, MigrationStatus.State.EDITED);
      if (!edited.isEmpty()) {
        throw MigrationException.edited(edited);
      }
      if (checkDrift) {
        try {
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
      List<String> adopted = adopt(connection, found);
      List<String> upToDate = names(statuses, MigrationStatus.State.APPLIED);
      List<Migration> pending = found.stream()
          .filter(m -> names(statuses, MigrationStatus.State.PENDING).contains(m.name()))
          .toList();
      listener.pending(pending.size());
      List<String> applied = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        Migration migration = pending.get(i);
        listener.applying(migration.name(), i + 1, pending.size());
        long start = System.nanoTime();
        if (apply(connection, migration)) {
          applied.add(migration.name());
          listener.applied(migration.name(), Duration.ofNanos(System.nanoTime() - start));
        } else {
          upToDate.add(migration.name());
          listener.appliedElsewhere(migration.name());
        }
      }
      return new MigrateResult(applied, upToDate, adopted);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /** Every migration found or applied, with where it stands. Writes nothing. */
  public List<MigrationStatus> status() throws MigrationException {
    List<Migration> found = load();
    try (Connection connection = open()) {
      return MigrationInfo.join(found, History.read(connection));
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /** The applied migrations that were edited since, or whose file is gone. Writes nothing. */
  public List<MigrationStatus> validate() throws MigrationException {
    return status().stream()
        .filter(s -> s.state() == MigrationStatus.State.EDITED
            || s.state() == MigrationStatus.State.MISSING)
        .toList();
  }

  /**
   * How the database differs from what its applied migrations produce (replayed into an
   * in-memory shadow database), one line per difference; empty when it matches. Writes nothing.
   */
  public List<String> drift() throws MigrationException {
    try (Connection connection = open()) {
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
    try (Connection connection = open()) {
      inLock(connection, () -> History.create(connection, dialect));
      List<MigrationStatus> statuses = MigrationInfo.join(found, History.read(connection));
      List<String> accepted = names(statuses, MigrationStatus.State.EDITED);
      inLock(connection, () -> {
        for (Migration migration : found) {
          if (accepted.contains(migration.name())) {
            History.setChecksum(connection, migration.name(), migration.checksum());
          }
        }
      });
      List<String> adopted = adopt(connection, found);
      return new RepairResult(accepted, adopted,
          names(statuses, MigrationStatus.State.MISSING));
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /** Records checksums for files wrangler applied (it keeps none): trust on first sight. */
  private List<String> adopt(Connection connection, List<Migration> found)
      throws SQLException, MigrationException {
    List<String> adopted = new ArrayList<>();
    List<AppliedMigration> applied = History.read(connection);
    for (Migration migration : found) {
      boolean withoutChecksum = applied.stream()
          .anyMatch(a -> a.name().equals(migration.name()) && a.checksum().isEmpty());
      if (withoutChecksum) {
        adopted.add(migration.name());
      }
    }
    if (!adopted.isEmpty()) {
      inLock(connection, () -> {
        for (Migration migration : found) {
          if (adopted.contains(migration.name())) {
            History.setChecksum(connection, migration.name(), migration.checksum());
          }
        }
      });
    }
    return adopted;
  }

  /** Applies one file in one locked transaction; false if another process applied it first. */
  private boolean apply(Connection connection, Migration migration)
      throws SQLException, MigrationException {
    List<String> statements = SqlSplitter.split(migration.sql());
    for (int i = 0; i < statements.size(); i++) {
      // Without comments: "-- done\nCOMMIT;" would otherwise commit half the file.
      String code = SqlSplitter.withoutComments(statements.get(i)).strip();
      if (TRANSACTION_CONTROL.matcher(code).matches()) {
        throw new MigrationException(MigrationException.Kind.FAILED, migration.name()
            + ": statement " + (i + 1) + " of " + statements.size() + " (" + code
            + ") controls the"
            + " transaction itself. Remove it: every migration file already runs in one"
            + " transaction (wrangler refuses such files too).", null);
      }
    }
    return AtomicScript.run(connection, dialect, lockTimeout, migration.name(), statements,
        c -> !History.isApplied(c, migration.name()),
        c -> History.record(c, migration));
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void inLock(Connection connection, SqlWork work) throws SQLException, MigrationException {
    begin(connection);
    try {
      work.run();
      dialect.commit(connection);
    } catch (SQLException | RuntimeException e) {
      dialect.rollback(connection);
      throw e;
    }
  }

  private void begin(Connection connection) throws SQLException, MigrationException {
    AtomicScript.begin(connection, dialect, lockTimeout);
  }

  private Connection open() throws MigrationException {
    try {
      Connection connection = connections.open();
      dialect.configure(connection, lockTimeout.toMillis());
      return connection;
    } catch (SQLException e) {
      throw new MigrationException(MigrationException.Kind.UNREADABLE,
          "Cannot open the database: " + e.getMessage(), e);
    }
  }

  private List<Migration> load() throws MigrationException {
    try {
      return source.load();
    } catch (IOException e) {
      throw new MigrationException(MigrationException.Kind.UNREADABLE,
          "Cannot read the migrations (" + source.describe() + "): " + e.getMessage(), e);
    }
  }

  private MigrationException databaseProblem(SQLException e) {
    if (dialect.isLockTimeout(e)) {
      return new MigrationException(MigrationException.Kind.LOCK_TIMEOUT,
          "Waited " + lockTimeout.toSeconds() + " s for the database's lock: " + e.getMessage(), e);
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
    Connection open() throws SQLException;
  }

  /** Configures a {@link Migrator}. */
  public static final class Builder {
    private final ConnectionFactory connections;
    private MigrationSource source;
    private Dialect dialect = new SqliteDialect();
    private Duration lockTimeout = Duration.ofMinutes(5);
    private MigrationListener listener = MigrationListener.NONE;
    private boolean checkDrift;

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

    /** How long to wait for another process's write lock; 5 minutes by default. */
    public Builder lockTimeout(Duration lockTimeout) {
      if (lockTimeout.isNegative()) {
        throw new IllegalArgumentException("lockTimeout must not be negative: " + lockTimeout);
      }
      this.lockTimeout = lockTimeout;
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

    public Migrator build() {
      return new Migrator(this);
    }

    /** Shortcut for {@code build().migrate()}. */
    public MigrateResult migrate() throws MigrationException {
      return build().migrate();
    }
  }
}
