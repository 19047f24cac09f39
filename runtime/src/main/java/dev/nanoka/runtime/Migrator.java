package dev.nanoka.runtime;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.runtime.internal.DbBaseline;
import dev.nanoka.runtime.internal.DbMigrate;
import dev.nanoka.runtime.internal.DbRepair;
import dev.nanoka.runtime.internal.DbRollback;
import dev.nanoka.runtime.internal.Dialect;
import dev.nanoka.runtime.internal.Dialects;
import dev.nanoka.runtime.internal.DriftDetector;
import dev.nanoka.runtime.internal.ExistingDatabase;
import dev.nanoka.runtime.internal.Failures;
import dev.nanoka.runtime.internal.History;
import dev.nanoka.runtime.internal.JournalTimes;
import dev.nanoka.runtime.internal.Migration;
import dev.nanoka.runtime.internal.MigrationChecksum;
import dev.nanoka.runtime.internal.MigrationInfo;
import dev.nanoka.runtime.internal.Migrations;
import dev.nanoka.runtime.internal.PostgresDialect;
import dev.nanoka.runtime.internal.Pusher;
import dev.nanoka.runtime.internal.Resetter;
import dev.nanoka.runtime.internal.SchemaResource;
import dev.nanoka.runtime.internal.ShadowDatabase;
import dev.nanoka.runtime.internal.SqliteDialect;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Nanoka's runtime: applies migrations to a database over JDBC, and pushes models into a
 * development database. Configure once, then call an operation; each takes one connection and
 * closes it.
 *
 * <pre>{@code
 * // At start-up: apply what the build packaged.
 * Migrator.forUrl("jdbc:sqlite:app.db")
 *     .source(MigrationSource.index(NanokaMigrations.INSTANCE))
 *     .migrate();
 *
 * // While prototyping: make a development database match the models (Prisma's db push).
 * Migrator.forUrl("jdbc:sqlite:dev.db").models(NanokaSchema.INSTANCE).build().push();
 * }</pre>
 *
 * <p>Pending files run in transactions holding the database's write lock, each file with its
 * history row as one unit (a savepoint): it applies whole or not at all. A transaction commits
 * once {@link Builder#commitEvery} has passed (1 s by default) and at the end, so a long run does
 * not pay one disk flush per file. When a file fails, the files before it are committed and the
 * run stops. Concurrent processes wait for the lock and find the files applied; a process killed
 * mid-run leaves its open transaction rolled back (at most the files since the last commit), for
 * the next run to apply. Applied files that were edited since are refused until
 * {@link #repair()} accepts them. With a source that knows its checksums (the index the
 * processor generates), a run with nothing pending reads no file and writes nothing: one query of
 * the history decides it.
 *
 * <p>The history is wrangler's {@code d1_migrations} plus Nanoka's checksums, so a database
 * migrated here is up to date for {@code wrangler d1 migrations apply}, and the reverse.
 *
 * <p>On PostgreSQL (a {@code jdbc:postgresql:} URL, or a data source whose connections are
 * PostgreSQL's; the driver is the application's dependency) the history is drizzle-orm's
 * {@code drizzle.__drizzle_migrations}, shared with {@code drizzle-kit migrate} the same way, and
 * concurrent migrators share an advisory lock. Push, drift, diff, reset, baseline, resolve and
 * rollback work there too: the live schema is read from {@code pg_catalog}, diffs are said in
 * PostgreSQL by the same differ and data-loss rules, and the migrations are replayed in a
 * stand-in schema {@code public} inside a transaction that is rolled back (it needs the owner
 * of schema {@code public}). Reset drops the objects of schema {@code public} and the history
 * tables. Only {@code rollback --script} is refused: its history rows are wrangler's.
 */
public final class Migrator {

  private final ConnectionFactory connections;
  private final Optional<MigrationSource> source;
  private final Optional<SchemaDefinition> models;
  /** Picked by the URL, then by each connection (a data source can be either). */
  private volatile Dialect dialect;
  private final Duration lockTimeout;
  private final Duration commitEvery;
  private final MigrationListener listener;
  private final boolean checkDrift;
  private final boolean allowOutOfOrder;
  private final boolean acceptDataLoss;
  private final Optional<Seeder> seeder;
  private final Optional<Integer> target;

  private Migrator(Builder builder) {
    this.connections = builder.connections;
    this.source = Optional.ofNullable(builder.source);
    this.models = Optional.ofNullable(builder.models);
    this.dialect = builder.dialect;
    this.lockTimeout = builder.lockTimeout;
    this.commitEvery = builder.commitEvery;
    this.listener = builder.listener;
    this.checkDrift = builder.checkDrift;
    this.allowOutOfOrder = builder.outOfOrder;
    this.acceptDataLoss = builder.acceptDataLoss;
    this.seeder = Optional.ofNullable(builder.seeder);
    this.target = Optional.ofNullable(builder.target);
  }

  /**
   * A migrator for a JDBC URL, e.g. {@code jdbc:sqlite:app.db}. Only {@link #migrate()},
   * {@link #push()} and {@link #reset()} create a database that does not exist; the other
   * operations report it missing.
   */
  public static Builder forUrl(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return new Builder(create -> create ? DriverManager.getConnection(jdbcUrl)
        : ExistingDatabase.open(jdbcUrl, false), Dialects.isPostgres(jdbcUrl)
            ? new PostgresDialect(JournalTimes.NONE) : SqliteDialect.INSTANCE);
  }

  /**
   * A migrator for a data source; each operation takes one connection and closes it. Whether a
   * missing database is created is the data source's business.
   */
  public static Builder forDataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Builder(create -> dataSource.getConnection(), SqliteDialect.INSTANCE);
  }

  // ---------------------------------------------------------------- migrations

  /**
   * Applies every pending migration in order, up to the {@linkplain Builder#target target}
   * version when one is set.
   */
  public MigrateResult migrate() throws MigrationException {
    Migrations migrations = target.isEmpty() ? migrations() : upTo(target.get());
    // The drift check needs the files' text, so it takes the full path.
    Optional<List<MigrationChecksum>> listed =
        checkDrift ? Optional.empty() : migrations.checksums();
    if (listed.isEmpty()) {
      migrations.load(); // the files first: a wrong folder must not leave a new database file
    }
    try (Connection connection = open(true)) {
      boolean drift = checkDrift && dialect.introspects();
      return new DbMigrate(connection, dialect, lockTimeout, listener, commitEvery, drift,
          allowOutOfOrder).migrate(migrations, listed);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /** Every migration found or applied, with where it stands. Writes nothing. */
  public List<MigrationStatus> status() throws MigrationException {
    List<Migration> found = migrations().load();
    try (Connection connection = open(false)) {
      return MigrationInfo.join(found, History.read(connection, dialect));
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
   * in-memory shadow database; on PostgreSQL into a stand-in schema {@code public} inside a
   * transaction that is rolled back, which needs the owner of schema {@code public}), one line
   * per difference; empty when it matches. Writes nothing.
   */
  public List<String> drift() throws MigrationException {
    List<Migration> found = migrations().load();
    try (Connection connection = open(false)) {
      return DriftDetector.detect(connection, dialect, found);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /**
   * Accepts the current files: records the checksum of every applied file as it is now (edited
   * ones and ones wrangler applied). Applies nothing and deletes nothing.
   */
  public RepairResult repair() throws MigrationException {
    List<Migration> found = migrations().load();
    try (Connection connection = open(false)) {
      return DbRepair.repair(connection, dialect, lockTimeout, found);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /**
   * Adopts a database whose schema came another way (by hand, {@code drizzle-kit push},
   * wrangler, an older deploy) at schema version {@code version}: records the first
   * {@code version} migrations as applied, in both history tables, so that {@link #migrate()}
   * applies only the ones after. Only when the live schema is exactly what those migrations
   * produce (replayed in memory); otherwise nothing is recorded and the exception lists every
   * difference. The database must have no history yet.
   *
   * @return the files recorded as applied
   */
  public List<String> baseline(int version) throws MigrationException {
    List<Migration> found = migrations().load();
    try (Connection connection = open(false)) {
      return new DbBaseline(connection, dialect, lockTimeout).baseline(found, version);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /**
   * Rolls the database back to schema version {@code version}: runs the down migrations
   * ({@code down/<file>} beside each file) of the files applied after it, newest first, each
   * with the removal of its history rows, all in one transaction under the write lock — the
   * database ends at that version, or nothing changes. Refused before anything runs when a down
   * migration is missing or waits for a review, or when it would lose data in this database (a
   * column or table added since that holds values) and {@link Builder#acceptDataLoss} was not
   * given.
   *
   * @throws DataLossException listing what would be lost; nothing is changed then
   */
  public RollbackResult rollback(int version) throws MigrationException, DataLossException {
    MigrationSource from = source.orElseThrow(() -> new IllegalStateException(
        "No migrations: configure Migrator.Builder.source(…)"));
    List<Migration> found = migrations().load();
    Map<String, Migration> down;
    try {
      down = from.loadDown(found);
    } catch (IOException e) {
      throw unreadable(from, e);
    }
    try (Connection connection = open(false)) {
      return new DbRollback(connection, dialect, lockTimeout)
          .rollback(found, down, version, acceptDataLoss);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /**
   * {@link #rollback} from version {@code from} to version {@code to} as one SQL file, for a
   * database this runtime cannot reach: on D1, {@code wrangler d1 execute <db> --remote --file}
   * runs it as one batch. It holds the down migrations newest first and the removal of their
   * history rows; it cannot check the data there first. Refused when a down migration is
   * missing or waits for a review.
   */
  public String rollbackScript(int from, int to) throws MigrationException {
    return rollbackScript(Optional.of(from), to);
  }

  /** {@link #rollbackScript(int, int)} from the source's latest version. */
  public String rollbackScript(int to) throws MigrationException {
    return rollbackScript(Optional.empty(), to);
  }

  private String rollbackScript(Optional<Integer> from, int to) throws MigrationException {
    refuseScriptOnPostgres(); // its history rows are wrangler's
    MigrationSource source = this.source.orElseThrow(() -> new IllegalStateException(
        "No migrations: configure Migrator.Builder.source(…)"));
    List<Migration> found = migrations().load();
    try {
      return DbRollback.script(found, source.loadDown(found), from.orElse(found.size()), to);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  /** What {@link #resolve} records. */
  public enum Resolution {
    /** The migration's changes are in the database (made by hand after it failed, say). */
    APPLIED,
    /** The migration's changes are not in the database (undone by hand): forget it. */
    ROLLED_BACK
  }

  /**
   * Repairs the history after a fix by hand, as Prisma's {@code migrate resolve}: records one
   * pending file as applied, or removes an applied one, both tables alike. Only when the live
   * schema is then exactly what the recorded migrations produce; otherwise nothing changes and
   * the exception lists every difference.
   */
  public void resolve(String file, Resolution resolution) throws MigrationException {
    Objects.requireNonNull(file, "file");
    List<Migration> found = migrations().load();
    try (Connection connection = open(false)) {
      new DbBaseline(connection, dialect, lockTimeout)
          .resolve(found, file, resolution == Resolution.APPLIED);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  // ---------------------------------------------------------------- prototyping

  /**
   * Makes the database match the {@linkplain Builder#models models}, like Prisma's
   * {@code db push}: no migration files, the migration history left alone. Decided and applied
   * under the write lock, in one transaction.
   *
   * @throws DataLossException when data would be lost (or a view or trigger of the database
   *     broken) and {@link Builder#acceptDataLoss} was not given, or when the rows make a change
   *     impossible; nothing is changed then
   */
  public PushResult push() throws MigrationException, DataLossException {
    DatabaseSchema schema = schema();
    try (Connection connection = open(true)) {
      return Pusher.push(connection, dialect, schema, acceptDataLoss, lockTimeout);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /** The statements {@link #push()} would run now (empty when in sync). Writes nothing. */
  public List<String> planPush() throws MigrationException {
    DatabaseSchema schema = schema();
    try (Connection connection = open(false)) {
      return Pusher.plan(connection, dialect, schema);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
  }

  /**
   * Drops every table (migration history included), view and trigger (on PostgreSQL every
   * object of schema {@code public} but an extension's, and drizzle's and Nanoka's history
   * tables in schema {@code drizzle}), applies every migration
   * of the {@linkplain Builder#source source} again (none when the source is a folder that does
   * not exist yet, as while prototyping with push), then runs the {@linkplain Builder#seeder
   * seeder}. Deletes all data: ask before calling it.
   */
  public ResetResult reset() throws MigrationException {
    List<String> dropped;
    try (Connection connection = open(true)) {
      dropped = Resetter.dropEverything(connection, dialect, lockTimeout);
    } catch (SQLException e) {
      throw databaseProblem(e);
    }
    List<String> applied = source.filter(MigrationSource::exists).isPresent()
        ? migrate().applied() : List.of();
    if (seeder.isEmpty()) {
      return new ResetResult(dropped, applied, false);
    }
    try (Connection connection = open(false)) {
      seeder.get().seed(connection);
    } catch (MigrationException e) {
      throw e;
    } catch (Exception e) {
      throw new MigrationException(MigrationException.Kind.FAILED, "The seed failed: "
          + e.getMessage() + " The database is reset and migrated; run the seed again once"
          + " it is fixed.", e);
    }
    return new ResetResult(dropped, applied, true);
  }

  // ---------------------------------------------------------------- comparing

  /** Where a schema for {@link #diff} comes from. */
  public enum Side {
    /** The {@linkplain Builder#models models}. */
    MODELS,
    /**
     * The {@linkplain Builder#source migrations}, replayed into an in-memory database (on
     * PostgreSQL, a rolled-back stand-in schema {@code public}; see {@link #drift()}).
     */
    MIGRATIONS,
    /** The live database (it must exist). */
    DATABASE
  }

  /**
   * The SQL that turns one schema into another, as a migration would say it (with its
   * {@code -- Data loss:} comments); empty when they match. Writes nothing.
   */
  public List<String> diff(Side from, Side to) throws MigrationException {
    DatabaseSchema target = schema(to);
    SchemaDiff diff = SchemaDiffer.diff(schema(from), target, RenameHints.NONE);
    return dialect.render(diff, target).stream().map(MigrationStatement::text).toList();
  }

  private DatabaseSchema schema(Side side) throws MigrationException {
    switch (side) {
      case MODELS:
        return schema();
      case MIGRATIONS:
        if (!(dialect instanceof PostgresDialect)) {
          return ShadowDatabase.replay(migrations().load());
        }
        // PostgreSQL replays on the database's own connection, rolled back (PostgresShadow)
        List<Migration> found = migrations().load();
        try (Connection connection = open(false)) {
          return dialect.replay(connection, found);
        } catch (SQLException e) {
          throw databaseProblem(e);
        }
      default:
        try (Connection connection = open(false)) {
          return dialect.introspect(connection);
        } catch (SQLException e) {
          throw databaseProblem(e);
        }
    }
  }

  // ---------------------------------------------------------------- plumbing

  /** The source's migrations for one operation. */
  private Migrations migrations() {
    MigrationSource from = source.orElseThrow(() -> new IllegalStateException(
        "No migrations: configure Migrator.Builder.source(…)"));
    return new Migrations() {
      private List<Migration> loaded; // read once per operation

      @Override
      public List<Migration> load() throws MigrationException {
        if (loaded == null) {
          try {
            loaded = from.load();
          } catch (IOException e) {
            throw unreadable(from, e);
          }
        }
        return loaded;
      }

      @Override
      public Optional<List<MigrationChecksum>> checksums() throws MigrationException {
        try {
          return from.checksums();
        } catch (IOException e) {
          throw unreadable(from, e);
        }
      }
    };
  }

  /** The first {@code version} migrations of the source: what schema version N is made of. */
  private Migrations upTo(int version) throws MigrationException {
    Migrations all = migrations();
    List<Migration> found = all.load();
    if (version > found.size()) {
      throw new MigrationException(MigrationException.Kind.FAILED, "No schema version "
          + version + " to migrate to: " + source.orElseThrow().describe() + " holds "
          + found.size() + " migration(s). Nothing was applied.", null);
    }
    List<Migration> first = found.subList(0, version);
    return new Migrations() {
      @Override
      public List<Migration> load() {
        return first;
      }

      @Override
      public Optional<List<MigrationChecksum>> checksums() throws MigrationException {
        return all.checksums().map(listed -> listed.subList(0, version));
      }
    };
  }

  private static MigrationException unreadable(MigrationSource from, IOException e) {
    return new MigrationException(MigrationException.Kind.UNREADABLE,
        "Cannot read the migrations (" + from.describe() + "): " + e.getMessage(), e);
  }

  private DatabaseSchema schema() throws MigrationException {
    SchemaDefinition definition = models.orElseThrow(() -> new IllegalStateException(
        "No models: configure Migrator.Builder.models(NanokaSchema.INSTANCE)"));
    try {
      return SchemaResource.read(definition);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new MigrationException(MigrationException.Kind.UNREADABLE, e.getMessage(), e);
    }
  }

  /**
   * Refuses {@code rollback --script} for PostgreSQL: the script removes wrangler's history rows,
   * and PostgreSQL's history is drizzle's, keyed by the journal's {@code when}.
   */
  private void refuseScriptOnPostgres() throws MigrationException {
    if (dialect instanceof PostgresDialect) {
      throw new MigrationException(MigrationException.Kind.FAILED, "rollback --script is not"
          + " supported on PostgreSQL: the script it writes removes rows of wrangler's"
          + " d1_migrations, and PostgreSQL's history is drizzle's __drizzle_migrations. Run"
          + " rollback against the database itself (it reaches PostgreSQL directly).", null);
    }
  }

  /** @param create whether a missing database is created, or an error */
  private Connection open(boolean create) throws MigrationException {
    Connection connection = null;
    try {
      connection = connections.open(create);
      try {
        dialect = Dialects.isPostgres(connection)
            ? new PostgresDialect(journal()) : SqliteDialect.INSTANCE;
      } catch (MigrationException e) {
        connection.close();
        throw e;
      }
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

  /** The source's journal, which the history on PostgreSQL needs; none without a source. */
  private JournalTimes journal() throws MigrationException {
    if (source.isEmpty()) {
      return JournalTimes.NONE;
    }
    try {
      return source.get().journal();
    } catch (IOException e) {
      throw unreadable(source.get(), e);
    }
  }

  private MigrationException databaseProblem(SQLException e) {
    if (dialect.isLockTimeout(e)) {
      return new MigrationException(MigrationException.Kind.LOCK_TIMEOUT,
          "Waited " + lockTimeout.toSeconds() + " s for the database's lock: " + e.getMessage(), e);
    }
    if (dialect.isReadOnly(e)) {
      return Failures.readOnly("nothing was written", e);
    }
    return new MigrationException(MigrationException.Kind.UNREADABLE,
        "Database error: " + e.getMessage(), e);
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
    private SchemaDefinition models;
    private Duration lockTimeout = Duration.ofMinutes(5);
    private Duration commitEvery = Duration.ofSeconds(1);
    private MigrationListener listener = MigrationListener.NONE;
    private boolean checkDrift;
    private boolean outOfOrder;
    private boolean acceptDataLoss;
    private Seeder seeder;
    private Integer target;

    private final Dialect dialect;

    private Builder(ConnectionFactory connections, Dialect dialect) {
      this.connections = connections;
      this.dialect = dialect;
    }

    /** Where the migrations are; needed by every operation but push. */
    public Builder source(MigrationSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The models, for {@link Migrator#push()}: the generated {@code NanokaSchema.INSTANCE}. */
    public Builder models(SchemaDefinition models) {
      this.models = Objects.requireNonNull(models, "models");
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

    /**
     * Whether {@link Migrator#push()} applies changes that lose data in this database (a
     * dropped table or column holding values, values a type change would alter, …) and drops
     * the views and triggers they break. Off by default: push refuses and lists them.
     */
    public Builder acceptDataLoss(boolean acceptDataLoss) {
      this.acceptDataLoss = acceptDataLoss;
      return this;
    }

    /**
     * The schema version {@link Migrator#migrate()} stops at: the first {@code version}
     * migrations of the source (Flyway's {@code target}); the latest by default. A database
     * beyond it is left as it is.
     */
    public Builder target(int version) {
      if (version < 0) {
        throw new IllegalArgumentException("target must not be negative: " + version);
      }
      this.target = version;
      return this;
    }

    /** What {@link Migrator#reset()} runs after the migrations; none by default. */
    public Builder seeder(Seeder seeder) {
      this.seeder = Objects.requireNonNull(seeder, "seeder");
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
