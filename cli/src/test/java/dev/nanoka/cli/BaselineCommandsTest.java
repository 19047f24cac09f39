package dev.nanoka.cli;

import static dev.nanoka.cli.CliRun.cli;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.Sqlite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nanoka baseline}, {@code resolve} and {@code rollback} (the runtime's BaselineTest and
 * RollbackTest have the rest).
 */
class BaselineCommandsTest {

  static final DatabaseSchema V1 = schema(table("users").id().text("name").build());
  static final DatabaseSchema V2 = schema(table("users").id().text("name").build(),
      table("tags").id().text("label").build());

  @TempDir Path dir;
  String url;
  String migrations;
  Path db;

  @BeforeEach
  void twoVersions() throws Exception {
    Path folder = dir.resolve("migrations");
    Migrations.write(folder, "0000_init.sql", Migrations.file(Schemas.EMPTY, V1));
    Migrations.write(folder, "0001_tags.sql", Migrations.file(V1, V2));
    Migrations.write(folder.resolve("down"), "0001_tags.sql", Migrations.file(V2, V1));
    migrations = folder.toString();
    db = dir.resolve("app.db");
    url = Sqlite.url(db);
    try (var connection = Sqlite.open(db)) {
      Sqlite.create(connection, V1); // made by drizzle-kit push, say: no history
    }
  }

  @Test
  void baselineRecordsAndMigrateGoesOn() throws Exception {
    CliRun baseline = cli("baseline", "--to", "1", "--url", url, "--dir", migrations);
    assertEquals(0, baseline.exitCode(), baseline.describe());
    assertEquals("Recorded as applied: 0000_init.sql\nBaseline at version 1: the database matches"
        + " the migrations up to 0000_init.sql. `migrate` applies the ones after.\n",
        baseline.out());
    CliRun migrate = cli("migrate", "--url", url, "--dir", migrations);
    assertTrue(migrate.out().contains("Applied 1 migration(s)"), migrate.describe());
  }

  @Test
  void baselineAtTheWrongVersionExitsWithOneAndRecordsNothing() throws Exception {
    CliRun baseline = cli("baseline", "--to", "2", "--url", url, "--dir", migrations);
    assertEquals(1, baseline.exitCode(), baseline.describe());
    assertTrue(baseline.err().contains("error: The database does not match version 2 (up to"
        + " 0001_tags.sql); nothing was recorded:\n  - table tags is missing from the database"),
        baseline.describe());
    assertEquals(List.of(), Sqlite.history(db));
  }

  @Test
  void resolveTakesExactlyOneOfAppliedAndRolledBack() throws Exception {
    assertEquals(2, cli("resolve", "--url", url, "--dir", migrations).exitCode());
    assertEquals(2, cli("resolve", "--applied", "0000_init.sql", "--rolled-back",
        "0000_init.sql", "--url", url, "--dir", migrations).exitCode());

    CliRun applied = cli("resolve", "--applied", "0000_init.sql", "--url", url, "--dir",
        migrations);
    assertEquals(0, applied.exitCode(), applied.describe());
    assertEquals("Recorded 0000_init.sql as applied.\n", applied.out());

    Sqlite.exec(db, "DROP TABLE users");
    CliRun rolledBack = cli("resolve", "--rolled-back", "0000_init.sql", "--url", url, "--dir",
        migrations);
    assertEquals(0, rolledBack.exitCode(), rolledBack.describe());
    assertEquals(List.of(), Sqlite.history(db));
  }

  @Test
  void rollbackRefusesDataLossUnlessAcceptedAndPrintsAScriptForD1() throws Exception {
    assertEquals(0, cli("baseline", "--to", "1", "--url", url, "--dir", migrations).exitCode());
    assertEquals(0, cli("migrate", "--url", url, "--dir", migrations).exitCode());
    Sqlite.exec(db, "INSERT INTO tags (label) VALUES ('java')");

    CliRun refused = cli("rollback", "--to", "1", "--url", url, "--dir", migrations);
    assertEquals(1, refused.exitCode(), refused.describe());
    assertTrue(refused.err().contains("drops table tags, which holds 1 row(s)"),
        refused.describe());

    CliRun script = cli("rollback", "--to", "1", "--script", "--dir", migrations);
    assertEquals(0, script.exitCode(), script.describe());
    assertTrue(script.out().contains("DROP TABLE `tags`;")
        && script.out().contains("DELETE FROM d1_migrations WHERE name = '0001_tags.sql';"),
        script.describe());

    CliRun accepted = cli("rollback", "--to", "1", "--accept-data-loss", "--url", url, "--dir",
        migrations);
    assertEquals(0, accepted.exitCode(), accepted.describe());
    assertEquals("Rolled back 0001_tags.sql\nRolled back to version 1.\n", accepted.out());
    assertTrue(accepted.err().contains("warning: data loss accepted: drops table tags"),
        accepted.describe());
    assertEquals(List.of("0000_init.sql"), Sqlite.history(db));
  }
}
