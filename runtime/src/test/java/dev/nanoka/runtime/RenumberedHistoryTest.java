package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Migrations.write;
import static dev.nanoka.core.testing.Sqlite.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nanoka.core.testing.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that applied a branch's migration 0001, migrated with the folder of the merge that
 * kept the other branch's 0001 and moved this one's change to 0002: the folder's 0001 would run
 * on top of a schema it was not written for. {@code migrate} refuses, naming both files, and
 * applies nothing; once the migration is undone there, it migrates to the end.
 */
class RenumberedHistoryTest {

  private static final String USERS =
      "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL\n);";
  private static final String CITY = "ALTER TABLE `users` ADD `city` text;";
  private static final String PHONE = "ALTER TABLE `users` ADD `phone` text;";

  @TempDir Path tmp;
  private Path dir;
  private Path db;

  @BeforeEach
  void branchB() throws Exception {
    dir = tmp.resolve("migrations");
    db = tmp.resolve("preview.db");
    write(dir, "0000_create_users.sql", USERS);
    write(dir, "0001_add_users_city.sql", CITY);
    migrator().migrate();
    // the merge: a's 0001 stays, b's change comes in 0002
    Files.delete(dir.resolve("0001_add_users_city.sql"));
    write(dir, "0001_add_users_phone.sql", PHONE);
    write(dir, "0002_add_users_city.sql", CITY);
  }

  private Migrator migrator() {
    return Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(dir)).build();
  }

  @Test
  void aPendingFileWithTheNumberOfAnAppliedOneThatIsGoneIsRefused() throws Exception {
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());

    assertEquals(MigrationException.Kind.FAILED, e.kind());
    assertEquals("This database applied 0001_add_users_city.sql, which the folder no longer has,"
        + " and the folder's 0001_add_users_phone.sql has its number: the database and the"
        + " folder have different histories, as after a merge of two branches that each wrote a"
        + " migration 0001. Nothing was applied. Undo 0001_add_users_city.sql in this database"
        + " with the folder that has it (on that branch: `nanoka rollback --to 1`, or undo it by"
        + " hand and run `nanoka resolve --rolled-back 0001_add_users_city.sql`), then migrate"
        + " with this folder; or recreate the database.", e.getMessage());
    assertEquals(List.of("0000_create_users.sql", "0001_add_users_city.sql"), history(db));
    assertThrows(MigrationException.class, () -> Migrator.forUrl(Sqlite.url(db))
        .source(MigrationSource.folder(dir)).outOfOrder(true).build().migrate());
  }

  @Test
  void undoneThereItMigratesToTheEnd() throws Exception {
    Path bFolder = tmp.resolve("b");
    write(bFolder, "0000_create_users.sql", USERS);
    write(bFolder, "0001_add_users_city.sql", CITY);
    try (Connection c = DriverManager.getConnection(Sqlite.url(db));
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE `users` DROP COLUMN `city`");
    }
    Migrator.forUrl(Sqlite.url(db)).source(MigrationSource.folder(bFolder)).build()
        .resolve("0001_add_users_city.sql", Migrator.Resolution.ROLLED_BACK);

    MigrateResult result = migrator().migrate();

    assertEquals(List.of("0001_add_users_phone.sql", "0002_add_users_city.sql"),
        result.applied());
    assertEquals(List.of(), migrator().validate());
  }
}
