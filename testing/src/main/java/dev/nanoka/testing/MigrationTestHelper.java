package dev.nanoka.testing;

import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.SchemaDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tests a migration the way it will run: a real SQLite database at schema version N, rows the
 * test puts in, the migrations to a later version, then a check that the schema is exactly what
 * that version's migrations produce (and, at the latest version, what the models say), with the
 * connection handed back for assertions on the rows. The way to prove a hand-edited backfill.
 * It throws {@link AssertionError}, so it serves JUnit 5, JUnit 4 or TestNG alike.
 *
 * <pre>{@code
 * @TempDir Path dir;
 * MigrationTestHelper migrations = MigrationTestHelper.of(
 *     MigrationSource.index(NanokaMigrations.INSTANCE)).withModels(NanokaSchema.INSTANCE);
 *
 * @Test
 * void displayNameIsBackfilled() throws Exception {
 *   Path db = dir.resolve("test.db");
 *   try (Connection v1 = migrations.createDatabase(db, 1)) {
 *     v1.createStatement().execute("INSERT INTO users (id, name) VALUES ('u1', 'Ada')");
 *   }
 *   try (Connection v2 = migrations.migrateAndValidate(db, 2)) {
 *     // assert that users.displayName of u1 is 'Ada'
 *   }
 * }
 * }</pre>
 *
 * <p>Schema version N is made of the first N migrations of the source (version 1 is
 * {@code 0000_*.sql} alone), as {@code @Schema(version = N)} numbers them.
 */
public final class MigrationTestHelper {

  private final MigrationSource source;
  private final Optional<SchemaDefinition> models;

  private MigrationTestHelper(MigrationSource source, Optional<SchemaDefinition> models) {
    this.source = source;
    this.models = models;
  }

  /** A helper for the migrations of this source. */
  public static MigrationTestHelper of(MigrationSource source) {
    return new MigrationTestHelper(Objects.requireNonNull(source, "source"), Optional.empty());
  }

  /**
   * Also checks, at the latest version, that the database is what these models (the generated
   * {@code NanokaSchema.INSTANCE}) say: a hand edit that changes the schema is caught here.
   */
  public MigrationTestHelper withModels(SchemaDefinition models) {
    return new MigrationTestHelper(source, Optional.of(Objects.requireNonNull(models, "models")));
  }

  /**
   * Creates a new database file at schema version {@code version} and returns a connection to
   * it, for the test to insert rows.
   *
   * @throws AssertionError when the file exists already, or a migration fails
   */
  public Connection createDatabase(Path file, int version) throws SQLException {
    if (Files.exists(file)) {
      throw new AssertionError(file + " exists: createDatabase makes a new database (use a"
          + " fresh file, e.g. in a @TempDir)");
    }
    migrate(file, Optional.of(version), "create the database at version " + version);
    return DriverManager.getConnection(url(file));
  }

  /**
   * Migrates the database to schema version {@code version} and checks its schema; returns a
   * connection for assertions on the rows.
   *
   * @throws AssertionError when a migration fails, or the schema differs (each difference
   *     listed)
   */
  public Connection migrateAndValidate(Path file, int version) throws SQLException {
    return migrateAndValidate(file, Optional.of(version));
  }

  /** {@link #migrateAndValidate(Path, int)} to the latest version. */
  public Connection migrateAndValidate(Path file) throws SQLException {
    return migrateAndValidate(file, Optional.empty());
  }

  private Connection migrateAndValidate(Path file, Optional<Integer> version)
      throws SQLException {
    String to = version.map(v -> "version " + v).orElse("the latest version");
    if (!Files.exists(file)) {
      throw new AssertionError(file + " does not exist: create it with createDatabase first");
    }
    migrate(file, version, "migrate to " + to);
    Migrator migrator = migrator(file, version);
    List<String> problems = new ArrayList<>();
    try {
      migrator.drift().forEach(d -> problems.add(d + " (against the migrations replayed)"));
      boolean latest = version.isEmpty() || version.get() == migrator.status().size();
      if (latest && models.isPresent()) {
        Migrator withModels = Migrator.forUrl(url(file)).source(source).models(models.get())
            .build();
        withModels.diff(Migrator.Side.DATABASE, Migrator.Side.MODELS)
            .forEach(sql -> problems.add("the models need: " + sql.strip()));
      }
    } catch (MigrationException e) {
      throw new AssertionError("Cannot check the schema at " + to + ": " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("After migrating to " + to + " the schema is not what it should"
          + " be:\n  - " + String.join("\n  - ", problems));
    }
    return DriverManager.getConnection(url(file));
  }

  private void migrate(Path file, Optional<Integer> version, String what) {
    try {
      migrator(file, version).migrate();
    } catch (MigrationException e) {
      throw new AssertionError("Cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private Migrator migrator(Path file, Optional<Integer> version) {
    Migrator.Builder builder = Migrator.forUrl(url(file)).source(source);
    version.ifPresent(builder::target);
    return builder.build();
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }
}
