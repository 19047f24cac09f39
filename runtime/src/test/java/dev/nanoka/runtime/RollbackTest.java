package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Schemas.TEXT;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.DownMigration;
import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.core.testing.Hints;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolling back with the down migrations beside the files: newest first, one transaction, the
 * history rows gone from both tables, refused before anything runs when a down file is missing
 * or waits for a review, or when it would lose data.
 */
class RollbackTest {

  static final DatabaseSchema V1 = schema(table("users").key("id", TEXT).text("name").build());
  /** name renamed to fullName, and a new nullable column. */
  static final DatabaseSchema V2 = schema(table("users").key("id", TEXT).text("fullName")
      .nullableText("email").build());
  /** A new table. */
  static final DatabaseSchema V3 = schema(table("users").key("id", TEXT).text("fullName")
      .nullableText("email").build(), table("tags").key("label", TEXT).build());

  static final RenameHints RENAME = Hints.renamedColumns("users", Map.of("fullName", "name"));

  @TempDir Path dir;
  Path migrations;
  Path db;

  @BeforeEach
  void threeVersionsWithTheirDownMigrations() throws Exception {
    migrations = dir.resolve("migrations");
    write("0000_init.sql", Schemas.EMPTY, V1, RenameHints.NONE);
    write("0001_rename.sql", V1, V2, RENAME);
    write("0002_tags.sql", V2, V3, RenameHints.NONE);
    db = dir.resolve("app.db");
    migrator(false).migrate();
    Sqlite.exec(db, "INSERT INTO users (id, fullName) VALUES ('u1', 'Ada')");
  }

  private void write(String name, DatabaseSchema from, DatabaseSchema to, RenameHints hints) {
    Migrations.write(migrations, name, StatementBreakpoints.join(
        SqliteMigrationRenderer.render(SchemaDiffer.diff(from, to, hints))));
    Migrations.write(migrations.resolve("down"), name, StatementBreakpoints.join(
        SqliteMigrationRenderer.render(DownMigration.of(from, to, hints))));
  }

  private Migrator migrator(boolean acceptDataLoss) {
    return Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(migrations))
        .acceptDataLoss(acceptDataLoss).build();
  }

  @Test
  void rollsBackNewestFirstAndKeepsTheRows() throws Exception {
    RollbackResult result = migrator(false).rollback(1);

    assertEquals(List.of("0002_tags.sql", "0001_rename.sql"), result.rolledBack());
    assertEquals(List.of(), result.acceptedLosses());
    assertEquals(List.of("0000_init.sql"), Sqlite.history(db));
    assertEquals(List.of("0000_init.sql"),
        Sqlite.column(db, "SELECT name FROM nanoka_migration_checksums"));
    // name came back from fullName with its value; the drift check sees version 1 exactly.
    assertEquals(List.of("u1|Ada"), Sqlite.column(db, "SELECT id || '|' || name FROM users"));
    assertEquals(List.of(), migrator(false).drift());
    // and forward again
    assertEquals(List.of("0001_rename.sql", "0002_tags.sql"), migrator(false).migrate().applied());
  }

  @Test
  void aColumnAddedSinceThatHoldsValuesIsRefusedUnlessAccepted() throws Exception {
    Sqlite.exec(db, "UPDATE users SET email = 'ada@example.com'", "INSERT INTO tags VALUES ('x')");
    byte[] before = Files.readAllBytes(db);

    DataLossException refused =
        assertThrows(DataLossException.class, () -> migrator(false).rollback(1));

    assertEquals(List.of("drops column users.email, which holds 1 value(s)",
        "drops table tags, which holds 1 row(s)"), refused.losses());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "nothing may change");

    RollbackResult accepted = migrator(true).rollback(1);
    assertEquals(refused.losses(), accepted.acceptedLosses());
    assertEquals(List.of("0000_init.sql"), Sqlite.history(db));
  }

  @Test
  void anotherWriterHoldingTheLockTimesRollbackOutAndNothingChanges() throws Exception {
    MigrationException e;
    try (java.sql.Connection holder = Sqlite.open(db);
        java.sql.Statement statement = holder.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      statement.execute("INSERT INTO tags VALUES ('written meanwhile')");
      e = assertThrows(MigrationException.class, () -> Migrator.forUrl(Sqlite.url(db))
          .source(MigrationSource.folder(migrations))
          .lockTimeout(java.time.Duration.ofMillis(500)).build().rollback(1));
      statement.execute("COMMIT");
    }
    assertEquals(MigrationException.Kind.LOCK_TIMEOUT, e.kind(), e.getMessage());
    // the history is untouched and the other writer's row is there: the rollback then refuses
    // to drop it without --accept-data-loss
    assertEquals(List.of("0000_init.sql", "0001_rename.sql", "0002_tags.sql"), Sqlite.history(db));
    assertThrows(DataLossException.class, () -> migrator(false).rollback(1));
    assertEquals(List.of("written meanwhile"), Sqlite.column(db, "SELECT label FROM tags"));
  }

  @Test
  void aMissingDownMigrationIsRefusedBeforeAnythingRuns() throws Exception {
    Files.delete(migrations.resolve("down/0001_rename.sql"));
    MigrationException e = assertThrows(MigrationException.class, () -> migrator(false).rollback(0));
    assertTrue(e.getMessage().startsWith("No down migration for 0001_rename.sql"), e.getMessage());
    assertEquals(3, Sqlite.history(db).size());
    assertTrue(Sqlite.tableExists(db, "tags"));
  }

  @Test
  void aDownMigrationWaitingForAReviewIsRefused() throws Exception {
    Path down = migrations.resolve("down/0002_tags.sql");
    Files.writeString(down, "-- REVIEW: 0002_tags.sql was edited by hand.\n"
        + Files.readString(down));
    MigrationException e = assertThrows(MigrationException.class, () -> migrator(false).rollback(2));
    assertTrue(e.getMessage().startsWith("down/0002_tags.sql waits for a review: 0002_tags.sql"
        + " was edited by hand."), e.getMessage());
    assertEquals(3, Sqlite.history(db).size());
  }

  @Test
  void aFailingDownMigrationChangesNothing() throws Exception {
    Path down = migrations.resolve("down/0001_rename.sql");
    Files.writeString(down, Files.readString(down) + "\n--> statement-breakpoint\n"
        + "INSERT INTO nowhere VALUES (1);");
    // Back to version 0 drops users and its row: accepted, so the failing file is reached.
    MigrationException e = assertThrows(MigrationException.class, () -> migrator(true).rollback(0));
    assertTrue(e.getMessage().startsWith("down/0001_rename.sql: statement 3 of 3 failed"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("Nothing was rolled back."), e.getMessage());
    assertEquals(3, Sqlite.history(db).size());
    assertTrue(Sqlite.tableExists(db, "tags"), "the newer file's down migration was undone too");
  }

  @Test
  void versionsOutsideTheHistoryAreRefused() {
    assertTrue(assertThrows(MigrationException.class, () -> migrator(false).rollback(4))
        .getMessage().startsWith("Cannot roll back to version 4: the database is at version 3"));
    assertFalse(assertThrows(MigrationException.class, () -> migrator(false).rollback(-1))
        .getMessage().isEmpty());
  }

  /** What D1 users run with wrangler: the same result as a rollback here. */
  @Test
  void theScriptDoesWhatTheRollbackDoes() throws Exception {
    String script = migrator(false).rollbackScript(3, 1);
    assertTrue(script.startsWith("-- Rollback from schema version 3 to 1, written by Nanoka"),
        script);
    Path copy = dir.resolve("copy.db");
    Files.copy(db, copy);
    try (var connection = Sqlite.open(copy)) {
      connection.setAutoCommit(false);
      for (String statement : dev.nanoka.runtime.internal.SqlSplitter.split(script)) {
        Sqlite.exec(connection, statement);
      }
      connection.commit();
    }
    migrator(false).rollback(1);
    try (var scripted = Sqlite.open(copy); var rolledBack = Sqlite.open(db)) {
      assertEquals(Sqlite.dump(rolledBack), Sqlite.dump(scripted));
    }
  }

  @Test
  void rollingBackToTheCurrentVersionDoesNothing() throws Exception {
    assertEquals(List.of(), migrator(false).rollback(3).rolledBack());
    assertEquals(3, Sqlite.history(db).size());
  }
}
