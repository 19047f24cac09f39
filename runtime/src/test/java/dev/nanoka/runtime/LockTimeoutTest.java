package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Migrations.write;
import static dev.nanoka.core.testing.Sqlite.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.Sqlite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lock timeout is one promise for a whole operation, not one per statement that waits: with
 * another connection holding the lock, {@code --lock-timeout=3} used to give up after 6.5 s.
 * These are bound checks on that promise (1.6 times the timeout), not speed benchmarks.
 */
class LockTimeoutTest {

  static final Duration TIMEOUT = Duration.ofSeconds(1);
  static final long BOUND_MILLIS = TIMEOUT.toMillis() * 16 / 10;
  static final List<String> APPLIED = List.of("0000_a.sql");

  @TempDir Path tmp;
  Path dir;
  Path db;

  @BeforeEach
  void onePendingFile() throws Exception {
    dir = tmp.resolve("migrations");
    db = tmp.resolve("locked.db");
    write(dir, "0000_a.sql", "CREATE TABLE a (x);");
    migrator(false).migrate();
    write(dir, "0001_b.sql", "CREATE TABLE b (x);");
  }

  Migrator migrator(boolean checkDrift) {
    return Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir))
        .lockTimeout(TIMEOUT).checkDrift(checkDrift).build();
  }

  Executable operation(String name) {
    return switch (name) {
      case "migrate" -> () -> migrator(false).migrate();
      case "migrate with drift check" -> () -> migrator(true).migrate();
      case "status" -> () -> migrator(false).status();
      case "validate" -> () -> migrator(false).validate();
      case "drift" -> () -> migrator(false).drift();
      case "repair" -> () -> migrator(false).repair();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"migrate", "migrate with drift check", "status", "validate", "drift",
      "repair"})
  void anotherConnectionHoldingTheLockThroughout(String name) throws Exception {
    long took;
    MigrationException e;
    try (Connection holder = Sqlite.open(db); Statement statement = holder.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE"); // readers wait too
      long start = System.nanoTime();
      e = assertThrows(MigrationException.class, operation(name));
      took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      statement.execute("ROLLBACK");
    }
    assertEquals(MigrationException.Kind.LOCK_TIMEOUT, e.kind(), e.getMessage());
    assertTrue(took >= TIMEOUT.toMillis() * 9 / 10, name + " gave up after " + took + " ms");
    assertTrue(took < BOUND_MILLIS, name + " waited " + took + " ms for a "
        + TIMEOUT.toMillis() + " ms lock timeout");
    assertEquals(APPLIED, history(db));
  }

  /**
   * The lock is free for a moment, then taken again: the wait that ended in a read and the wait
   * for the write lock share one timeout.
   */
  @Test
  void waitsBeforeTheWriteLockShareOneTimeout() throws Exception {
    long took;
    MigrationException e;
    try (Connection holder = Sqlite.open(db); Statement statement = holder.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");
      CompletableFuture<Void> retake = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(TIMEOUT.toMillis() * 7 / 10);
          // Readers may go on, writers still wait.
          statement.execute("COMMIT");
          statement.execute("BEGIN IMMEDIATE");
        } catch (Exception failure) {
          throw new IllegalStateException(failure);
        }
      });
      long start = System.nanoTime();
      e = assertThrows(MigrationException.class, operation("migrate with drift check"));
      took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      retake.get(10, TimeUnit.SECONDS);
      statement.execute("ROLLBACK");
    }
    assertEquals(MigrationException.Kind.LOCK_TIMEOUT, e.kind(), e.getMessage());
    assertTrue(took < BOUND_MILLIS, "waited " + took + " ms for a " + TIMEOUT.toMillis()
        + " ms lock timeout");
    assertEquals(APPLIED, history(db));
  }
}
