package dev.nanoka.it;

import static dev.nanoka.runtime.postgres.PostgresHistoryRows.drizzleRows;
import static dev.nanoka.runtime.postgres.PostgresHistoryRows.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.MigrationStatus;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.RepairResult;
import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import dev.nanoka.runtime.postgres.PostgresFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history on PostgreSQL is drizzle's own {@code drizzle.__drizzle_migrations}: a database
 * that {@code drizzle-kit migrate} (0.31, with node's {@code pg}) migrated is up to date for the
 * runtime, and the reverse, file by file, on a folder drizzle-kit generated.
 */
@ExtendWith(PostgresExtension.class)
class PostgresDrizzleHistoryTest {

  @TempDir Path tmp;

  private CommandResult drizzleKitMigrate(PostgresDatabase db, Path project, String name)
      throws Exception {
    Files.writeString(project.resolve("drizzle.config.ts"), "export default {\n"
        + "  dialect: 'postgresql',\n  out: './migrations',\n"
        + "  dbCredentials: { url: '" + db.nodeUrl() + "' },\n};\n");
    CommandResult result = NodeTools.drizzleKit(project, tmp.resolve(name + ".log"), "migrate",
        "--config", "drizzle.config.ts");
    assertTrue(result.succeeded(), result.describe());
    return result;
  }

  private static Migrator runtime(PostgresDatabase db, Path dir) {
    return Migrator.forUrl(db.url()).source(MigrationSource.folder(dir)).build();
  }

  @Test
  void whatDrizzleKitAppliedTheRuntimeFindsAppliedAndTheReverse(PostgresDatabase db)
      throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Path dir = PostgresFolders.blog(project.resolve("migrations"));

    drizzleKitMigrate(db, project, "kit-first");
    assertEquals(3, drizzleRows(db).size());
    assertTrue(runtime(db, dir).status().stream()
        .allMatch(s -> s.state() == MigrationStatus.State.APPLIED));
    MigrateResult adopted = runtime(db, dir).migrate();
    assertEquals(List.of(), adopted.applied());
    assertEquals(PostgresFolders.BLOG, adopted.adopted());

    // A file the runtime applies is one drizzle-kit then skips: it would fail on the table.
    PostgresFolders.addCustom(dir, "0003_tags", "CREATE TABLE \"tags\" (\"name\" text PRIMARY"
        + " KEY);");
    assertEquals(List.of("0003_tags.sql"), runtime(db, dir).migrate().applied());
    drizzleKitMigrate(db, project, "kit-after-runtime");
    assertEquals(4, drizzleRows(db).size());

    // And one drizzle-kit applies is one the runtime then skips.
    PostgresFolders.addCustom(dir, "0004_labels", "CREATE TABLE \"labels\" (\"name\" text);");
    drizzleKitMigrate(db, project, "kit-last");
    assertEquals(5, drizzleRows(db).size());
    MigrateResult last = runtime(db, dir).migrate();
    assertEquals(List.of(), last.applied());
    assertEquals(List.of("0004_labels.sql"), last.adopted());
    assertEquals(List.of("labels", "posts", "tags", "users"), tables(db));
    assertTrue(runtime(db, dir).validate().isEmpty());
  }

  /**
   * Before the runtime has a checksum of its own for a file drizzle-kit applied, drizzle's hash
   * tells an edit apart; other line endings are no edit.
   */
  @Test
  void aFileEditedAfterDrizzleKitAppliedItIsRefusedUntilRepaired(PostgresDatabase db)
      throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Path dir = PostgresFolders.blog(project.resolve("migrations"));
    drizzleKitMigrate(db, project, "kit");

    Path first = dir.resolve("0000_create_users.sql");
    Files.writeString(first, Files.readString(first).replace("\n", "\r\n"));
    Path second = dir.resolve("0001_create_posts.sql");
    Files.writeString(second, Files.readString(second).replace("\"title\" text",
        "\"title\" varchar(200)"));

    assertEquals(List.of("0001_create_posts.sql"), runtime(db, dir).validate().stream()
        .map(MigrationStatus::name).toList());
    MigrationException e = assertThrows(MigrationException.class,
        () -> runtime(db, dir).migrate());
    assertEquals(MigrationException.Kind.EDITED, e.kind());
    assertTrue(e.getMessage().contains("0001_create_posts.sql"), e.getMessage());

    RepairResult repaired = runtime(db, dir).repair();
    assertEquals(List.of("0001_create_posts.sql"), repaired.accepted());
    assertEquals(List.of("0000_create_users.sql", "0002_add_users_nickname.sql"),
        repaired.adopted());
    assertTrue(runtime(db, dir).validate().isEmpty());
  }

  @Test
  void aDatabaseTheRuntimeMigratedIsUpToDateForDrizzleKit(PostgresDatabase db)
      throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Path dir = PostgresFolders.blog(project.resolve("migrations"));

    assertEquals(PostgresFolders.BLOG, runtime(db, dir).migrate().applied());
    List<String> rows = drizzleRows(db);
    drizzleKitMigrate(db, project, "kit");
    assertEquals(rows, drizzleRows(db), "drizzle-kit applied nothing and recorded nothing");
    assertEquals(List.of("posts", "users"), tables(db));
  }
}
