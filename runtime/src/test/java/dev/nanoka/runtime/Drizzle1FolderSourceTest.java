package dev.nanoka.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder in drizzle-kit 1.0's layout ({@code <yyyyMMddHHmmss>_<name>/migration.sql}) is the
 * same history as the 0.31 layout it was converted from: migration N is {@code NNNN_<name>.sql}
 * in {@code d1_migrations}, so switching layouts applies nothing twice.
 */
class Drizzle1FolderSourceTest {

  @TempDir Path temp;

  private static final String FIRST =
      "CREATE TABLE `users` (\n\t`id` text PRIMARY KEY NOT NULL\n);";
  private static final String SECOND = "ALTER TABLE `users` ADD `name` text;";

  private Path layout031(Path dir, boolean second) throws Exception {
    Files.createDirectories(dir.resolve("meta"));
    Files.writeString(dir.resolve("0000_create_users.sql"), FIRST);
    if (second) {
      Files.writeString(dir.resolve("0001_add_users_name.sql"), SECOND);
    }
    return dir;
  }

  private Path layout1(Path dir, boolean second) throws Exception {
    Files.createDirectories(dir.resolve("20231114221320_create_users"));
    Files.writeString(dir.resolve("20231114221320_create_users/migration.sql"), FIRST);
    Files.writeString(dir.resolve("20231114221320_create_users/snapshot.json"), "{}");
    if (second) {
      Files.createDirectories(dir.resolve("20231114221321_add_users_name"));
      Files.writeString(dir.resolve("20231114221321_add_users_name/migration.sql"), SECOND);
      Files.writeString(dir.resolve("20231114221321_add_users_name/snapshot.json"), "{}");
    }
    // neither is a migration: down migrations and the flat copy for wrangler
    Files.createDirectories(dir.resolve("down"));
    Files.writeString(dir.resolve("down/0000_create_users.sql"), "DROP TABLE `users`;");
    Files.createDirectories(dir.resolve("d1"));
    Files.writeString(dir.resolve("d1/0000_create_users.sql"), FIRST);
    return dir;
  }

  private static List<String> history(String url) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement().executeQuery("SELECT name FROM d1_migrations ORDER BY id")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  @Test
  void switchingFrom031To1AppliesNothingTwice() throws Exception {
    String url = "jdbc:sqlite:" + temp.resolve("a.db");
    Migrator.forUrl(url).source(MigrationSource.folder(layout031(temp.resolve("old"), false)))
        .migrate();
    MigrateResult result = Migrator.forUrl(url)
        .source(MigrationSource.folder(layout1(temp.resolve("new"), true))).migrate();
    assertEquals(List.of("0001_add_users_name.sql"), result.applied());
    assertEquals(List.of("0000_create_users.sql"), result.upToDate());
    assertEquals(List.of("0000_create_users.sql", "0001_add_users_name.sql"), history(url));
  }

  @Test
  void switchingFrom1To031AppliesNothingTwice() throws Exception {
    String url = "jdbc:sqlite:" + temp.resolve("b.db");
    Migrator.forUrl(url).source(MigrationSource.folder(layout1(temp.resolve("new"), false)))
        .migrate();
    MigrateResult result = Migrator.forUrl(url)
        .source(MigrationSource.folder(layout031(temp.resolve("old"), true))).migrate();
    assertEquals(List.of("0001_add_users_name.sql"), result.applied());
    List<MigrationStatus> status = Migrator.forUrl(url)
        .source(MigrationSource.folder(layout1(temp.resolve("newer"), true))).build().status();
    assertEquals(2, status.size());
    assertTrue(status.stream().allMatch(s -> s.state() == MigrationStatus.State.APPLIED),
        status.toString());
  }

  @Test
  void aFolderInBothLayoutsIsRefused() throws Exception {
    Path dir = layout1(temp.resolve("both"), false);
    Files.writeString(dir.resolve("0001_add_users_name.sql"), SECOND);
    MigrationException e = assertThrows(MigrationException.class, () ->
        Migrator.forUrl("jdbc:sqlite:" + temp.resolve("c.db"))
            .source(MigrationSource.folder(dir)).migrate());
    assertTrue(e.getMessage().contains("drizzle-kit up"), e.getMessage());
  }

  @Test
  void aMigrationFolderWithoutItsSqlIsNamed() throws Exception {
    Path dir = layout1(temp.resolve("gone"), true);
    Files.delete(dir.resolve("20231114221320_create_users/migration.sql"));
    MigrationException e = assertThrows(MigrationException.class, () ->
        Migrator.forUrl("jdbc:sqlite:" + temp.resolve("d.db"))
            .source(MigrationSource.folder(dir)).migrate());
    assertTrue(e.getMessage().contains("20231114221320_create_users"), e.getMessage());
  }
}
