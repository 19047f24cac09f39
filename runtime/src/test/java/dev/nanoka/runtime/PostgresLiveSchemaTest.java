package dev.nanoka.runtime;

import static dev.nanoka.runtime.postgres.PostgresHistoryRows.drizzleRows;
import static dev.nanoka.runtime.postgres.PostgresHistoryRows.strings;
import static dev.nanoka.runtime.postgres.PostgresHistoryRows.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.runtime.postgres.PgEvolutionFolder;
import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import dev.nanoka.runtime.postgres.PostgresFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What needs the live schema, on a real PostgreSQL server: drift, diff, reset, baseline,
 * resolve and rollback through the Migrator, with folders drizzle-kit or the processor wrote.
 */
@ExtendWith(PostgresExtension.class)
class PostgresLiveSchemaTest {

  @TempDir Path tmp;

  private static Migrator migrator(PostgresDatabase db, Path dir) {
    return Migrator.forUrl(db.url()).source(MigrationSource.folder(dir)).build();
  }

  private static void exec(PostgresDatabase db, String... sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  private static List<String> schemas(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      return strings(c, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
          + " AND nspname <> 'information_schema' ORDER BY 1");
    }
  }

  @Test
  void driftNamesAHandMadeChangeAndLeavesTheDatabaseAsItWas(PostgresDatabase db)
      throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    List<List<String>> reported = new ArrayList<>();
    Migrator migrator = Migrator.forUrl(db.url()).source(MigrationSource.folder(dir))
        .checkDrift(true).listener(new MigrationListener() {
          @Override
          public void drift(List<String> differences) {
            reported.add(differences);
          }
        }).build();
    migrator.migrate();
    assertEquals(List.of(), reported);
    exec(db, "INSERT INTO users (email) VALUES ('a@x')");
    assertEquals(List.of(), migrator.drift());

    exec(db, "ALTER TABLE users ADD COLUMN age integer",
        "CREATE INDEX by_title ON posts (title)", "ALTER TABLE users DROP COLUMN nickname");
    List<String> drift = migrator.drift();

    String all = String.join("\n", drift);
    assertTrue(all.contains("age"), all);
    assertTrue(all.contains("by_title"), all);
    assertTrue(all.contains("nickname"), all);
    // the replay ran in a stand-in schema public, rolled back
    assertEquals(List.of("drizzle", "public"), schemas(db));
    assertEquals(List.of("posts", "users"), tables(db));
    try (Connection c = db.connect()) {
      assertEquals(List.of("a@x"), strings(c, "SELECT email FROM users"));
    }
    assertEquals(List.of("ALTER TABLE \"users\" ADD COLUMN \"nickname\" text;",
        "ALTER TABLE \"users\" DROP COLUMN \"age\";",
        "DROP INDEX \"by_title\";"),
        migrator.diff(Migrator.Side.DATABASE, Migrator.Side.MIGRATIONS).stream()
            .map(l -> l.lines().filter(x -> !x.startsWith("--")).findFirst().orElse(""))
            .sorted().toList());
    // migrate checks drift too (nothing pending: it reports and applies nothing)
    migrator.migrate();
    assertEquals(1, reported.size());
    assertEquals(drift, reported.get(0));
  }

  @Test
  void driftByAUserWhoDoesNotOwnSchemaPublicSaysWhatItNeeds(PostgresDatabase db)
      throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    migrator(db, dir).migrate();
    String role = "nanoka_reader_" + db.name().substring(db.name().lastIndexOf('_') + 1)
        + "_" + ProcessHandle.current().pid();
    exec(db, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw'",
        "GRANT USAGE ON SCHEMA drizzle TO " + role,
        "GRANT SELECT ON ALL TABLES IN SCHEMA drizzle, public TO " + role);
    try {
      String url = db.url().replaceAll("user=[^&]*", "user=" + role + "&password=pw");
      MigrationException e = assertThrows(MigrationException.class, () -> Migrator.forUrl(url)
          .source(MigrationSource.folder(dir)).build().drift());
      assertTrue(e.getMessage().startsWith("Cannot replay the migrations: on PostgreSQL they run"
          + " in a stand-in schema public inside a transaction that is rolled back"),
          e.getMessage());
      assertTrue(e.getMessage().contains("must be owner of schema public"), e.getMessage());
      assertTrue(e.getMessage().endsWith("Run this as the owner of schema public. Nothing was"
          + " changed."), e.getMessage());
      assertEquals(List.of("drizzle", "public"), schemas(db));
    } finally {
      exec(db, "DROP OWNED BY " + role, "DROP ROLE " + role);
    }
  }

  @Test
  void anEnumValueAddedByHandIsDrift(PostgresDatabase db) throws Exception {
    Path dir = tmp.resolve("m");
    PgEvolutionFolder.copy(dir);
    Migrator migrator = migrator(db, dir);
    migrator.migrate();
    assertEquals(List.of(), migrator.drift());
    exec(db, "ALTER TYPE \"status\" ADD VALUE 'SPAM'");
    List<String> drift = migrator.drift();
    assertEquals(1, drift.size(), drift.toString());
    assertTrue(drift.get(0).startsWith("enum type status: the migrations give it the values"),
        drift.get(0));
    assertTrue(drift.get(0).endsWith("SPAM"), drift.get(0));
  }

  @Test
  void resetDropsSchemaPublicsObjectsAndTheHistoryThenMigratesAgain(PostgresDatabase db)
      throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    migrator(db, dir).migrate();
    exec(db, "INSERT INTO users (email) VALUES ('a@x')",
        "CREATE VIEW \"user emails\" AS SELECT email FROM users",
        "CREATE SEQUENCE invoice_numbers",
        "CREATE TYPE mood AS ENUM ('ok')",
        "CREATE FUNCTION twice(i integer) RETURNS integer AS 'SELECT i * 2' LANGUAGE sql",
        "CREATE SCHEMA other", "CREATE TABLE other.kept (id integer)");

    ResetResult result = migrator(db, dir).reset();

    assertEquals(List.of("user emails", "posts", "users", "invoice_numbers", "mood", "twice",
        "drizzle.__drizzle_migrations", "drizzle.nanoka_migration_checksums"),
        result.dropped());
    assertEquals(PostgresFolders.BLOG, result.applied());
    assertEquals(List.of("posts", "users"), tables(db));
    assertEquals(3, drizzleRows(db).size());
    try (Connection c = db.connect()) {
      assertEquals(List.of(), strings(c, "SELECT email FROM users"));
      assertEquals(List.of("kept"), strings(c, "SELECT tablename FROM pg_tables"
          + " WHERE schemaname = 'other'"));
      assertEquals(List.of(), strings(c, "SELECT relname FROM pg_class WHERE relname IN"
          + " ('user emails', 'invoice_numbers') UNION ALL SELECT typname FROM pg_type"
          + " WHERE typname = 'mood' UNION ALL SELECT proname FROM pg_proc"
          + " WHERE proname = 'twice'"));
    }
  }

  @Test
  void baselineAdoptsASchemaMadeByHandOnlyWhenItMatches(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    for (String file : PostgresFolders.BLOG.subList(0, 2)) {
      for (String part : Files.readString(dir.resolve(file))
          .split("--> statement-breakpoint")) {
        exec(db, part);
      }
    }
    MigrationException wrong = assertThrows(MigrationException.class,
        () -> migrator(db, dir).baseline(3));
    assertTrue(wrong.getMessage().contains("nickname"), wrong.getMessage());
    assertEquals(List.of(), drizzleRows(db));

    assertEquals(PostgresFolders.BLOG.subList(0, 2), migrator(db, dir).baseline(2));
    assertEquals(List.of(PostgresFolders.BLOG.get(2)), migrator(db, dir).migrate().applied());
    assertEquals(List.of(), migrator(db, dir).drift());
  }

  @Test
  void resolveRecordsAFileAppliedByHand(PostgresDatabase db) throws Exception {
    Path dir = PostgresFolders.blog(tmp.resolve("m"));
    Migrator.forUrl(db.url()).source(MigrationSource.folder(dir)).target(2).build().migrate();
    exec(db, Files.readString(dir.resolve(PostgresFolders.BLOG.get(2))));

    migrator(db, dir).resolve(PostgresFolders.BLOG.get(2), Migrator.Resolution.APPLIED);

    assertTrue(migrator(db, dir).status().stream()
        .allMatch(s -> s.state() == MigrationStatus.State.APPLIED));
    assertEquals(3, drizzleRows(db).size());
  }

  @Test
  void rollbackRefusesLosingValuesAndRowsHoldingARemovedEnumValue(PostgresDatabase db)
      throws Exception {
    Path dir = tmp.resolve("m");
    PgEvolutionFolder.copy(dir);
    migrator(db, dir).migrate();
    exec(db, "INSERT INTO users (email, \"displayName\", nickname) VALUES ('a@x', 'A', 'nick')",
        "INSERT INTO posts (\"authorId\", status) SELECT id, 'REVIEW' FROM users");
    List<String> rows = drizzleRows(db);

    DataLossException e = assertThrows(DataLossException.class,
        () -> migrator(db, dir).rollback(1));

    assertTrue(e.losses().contains("drops column users.nickname, which holds 1 value(s)"),
        e.getMessage());
    // v1 had posts.title NOT NULL and users.age required: the rows make those impossible too
    assertEquals(List.of("adds the required column users.age without a default, but users"
        + " holds 1 row(s) (add a default, or reset the database)", "makes posts.title NOT NULL"
        + " without a default, but 1 row(s) hold NULL there", "posts.status holds 1 value(s)"
        + " that are no longer constants of its enum (DRAFT, PUBLISHED), e.g. REVIEW"),
        e.unexecutable());
    assertEquals(rows, drizzleRows(db));
    Migrator accepting = Migrator.forUrl(db.url()).source(MigrationSource.folder(dir))
        .acceptDataLoss(true).build();
    assertThrows(DataLossException.class, () -> accepting.rollback(1));
    assertEquals(rows, drizzleRows(db));

    exec(db, "DELETE FROM users");
    assertEquals(3, migrator(db, dir).rollback(1).rolledBack().size());
    assertEquals(1, drizzleRows(db).size());
    assertEquals(List.of(), migrator(db, dir).drift());
  }

  @Test
  void rollbackRunsTheDownMigrationsAndRefusesDataLoss(PostgresDatabase db) throws Exception {
    Path dir = tmp.resolve("m");
    PgEvolutionFolder.copy(dir);
    migrator(db, dir).migrate();
    List<String> schemaAt4 = tables(db);

    RollbackResult back = migrator(db, dir).rollback(2);

    assertEquals(2, back.rolledBack().size(), back.toString());
    assertEquals(2, drizzleRows(db).size());
    assertEquals(List.of(), migrator(db, dir).drift());
    assertEquals(2, migrator(db, dir).migrate().applied().size());
    assertEquals(schemaAt4, tables(db));
    assertEquals(List.of(), migrator(db, dir).drift());
  }
}
