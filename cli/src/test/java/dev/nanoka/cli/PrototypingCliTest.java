package dev.nanoka.cli;

import static dev.nanoka.cli.CliRun.cli;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.SchemaText;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.SchemaDefinition;
import dev.nanoka.runtime.Seeder;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nanoka push}, {@code diff} and {@code reset}, run as the CLI runs them, on SQLite files. */
class PrototypingCliTest {

  // ---- the models, as generated schema classes would give them ----

  static final DatabaseSchema DRAFT = schema(
      table("users").id().text("name").text("jobTitle").build(),
      table("posts").id().text("title").integer("authorId")
          .references("authorId", "users", "id", Action.CASCADE).build());

  static final DatabaseSchema WITH_DESCRIPTION = schema(
      table("users").id().text("name").text("jobTitle").build(),
      table("posts").id().text("title").text("description").integer("authorId")
          .references("authorId", "users", "id", Action.CASCADE).build());

  /** DRAFT, as the processor stores a schema (see {@link #theSchemaResourcesHoldTheModels}). */
  public static final class Draft implements SchemaDefinition {
    public static final Draft INSTANCE = new Draft();

    @Override
    public String resource() {
      return "nanoka/schema/cli-test/draft.txt";
    }
  }

  /** WITH_DESCRIPTION, stored as the processor stores a schema. */
  public static final class WithDescription implements SchemaDefinition {
    public static final WithDescription INSTANCE = new WithDescription();

    @Override
    public String resource() {
      return "nanoka/schema/cli-test/with-description.txt";
    }
  }

  @Test
  void theSchemaResourcesHoldTheModels() throws Exception {
    for (SchemaDefinition definition : List.of(Draft.INSTANCE, WithDescription.INSTANCE)) {
      try (var in = getClass().getClassLoader().getResourceAsStream(definition.resource())) {
        assertEquals(definition == Draft.INSTANCE ? DRAFT : WITH_DESCRIPTION,
            SchemaText.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)),
            definition.resource());
      }
    }
  }

  /** The resource of the class below, where the processor would write it. */
  private static final String RESOURCE = "nanoka/schema/com/example/proto/schema.txt";

  /** The form of the class the processor generates next to a package's {@code @Schema}. */
  private static final String GENERATED_FORM = """
      package com.example.proto;
      public final class NanokaSchema implements dev.nanoka.runtime.SchemaDefinition {
        public static final NanokaSchema INSTANCE = new NanokaSchema();
        private NanokaSchema() {}
        @Override
        public String resource() {
          return "%s";
        }
      }
      """.formatted(RESOURCE);

  /** The seed class of {@code reset --seed-class}. */
  public static final class DevSeed implements Seeder {
    @Override
    public void seed(Connection connection) throws Exception {
      Sqlite.exec(connection, "INSERT INTO users (name, jobTitle) VALUES ('Seeded', 'Class')");
    }
  }

  public static final class NotASeeder {}

  static final String DRAFT_CLASS = Draft.class.getName();
  private static final String DESCRIPTION_CLASS = WithDescription.class.getName();

  @TempDir
  Path dir;

  private String url;
  private Path migrations;

  @BeforeEach
  void paths() {
    url = "jdbc:sqlite:" + dir.resolve("dev.db");
    migrations = dir.resolve("migrations");
  }

  @Nested
  class Push {

    @Test
    void createsTheTablesThenFindsNothingToDo() throws Exception {
      CliRun first = cli("push", "--url", url, "--schema", DRAFT_CLASS);
      assertEquals(0, first.exitCode(), first::describe);
      assertTrue(first.out().contains("CREATE TABLE `posts`"), first::describe);
      assertTrue(first.out().contains("Pushed: "), first::describe);

      CliRun second = cli("push", "--url", url, "--schema", DRAFT_CLASS);
      assertEquals(0, second.exitCode(), second::describe);
      assertEquals("The database is already in sync with the models.\n", second.out());
      try (Connection db = Sqlite.open(url)) {
        assertEquals(List.of("posts", "users"), Sqlite.tableNames(db));
      }
    }

    @Test
    void refusesARequiredFieldOverRowsAndChangesNothing() throws Exception {
      assertEquals(0, cli("push", "--url", url, "--schema", DRAFT_CLASS).exitCode());
      insertEloise();
      String before = dump();

      CliRun refused = cli("push", "--url", url, "--schema", DESCRIPTION_CLASS);

      assertEquals(1, refused.exitCode(), refused::describe);
      assertTrue(refused.err().contains("error: Nothing was pushed."), refused::describe);
      assertTrue(refused.err().contains("adds the required column posts.description without a"
          + " default, but posts holds 1 row(s)"), refused::describe);
      assertTrue(refused.err().contains("--force-reset"), refused::describe);
      assertEquals(before, dump());

      // --accept-data-loss cannot give the existing row a description.
      CliRun accepted = cli("push", "--url", url, "--schema", DESCRIPTION_CLASS,
          "--accept-data-loss");
      assertEquals(1, accepted.exitCode(), accepted::describe);
      assertEquals(before, dump());
    }

    @Test
    void acceptsDataLossWhenAskedAndWarns() throws Exception {
      assertEquals(0, cli("push", "--url", url, "--schema", DESCRIPTION_CLASS).exitCode());
      try (Connection db = Sqlite.open(url)) {
        Sqlite.exec(db, "INSERT INTO users (name, jobTitle) VALUES ('Eloise', 'Programmer')",
            "INSERT INTO posts (title, description, authorId) VALUES ('Hi', 'About hi', 1)");
      }
      CliRun refused = cli("push", "--url", url, "--schema", DRAFT_CLASS);
      assertEquals(1, refused.exitCode(), refused::describe);
      assertTrue(refused.err().contains("drops column posts.description, which holds 1 value(s)"),
          refused::describe);

      CliRun accepted = cli("push", "--url", url, "--schema", DRAFT_CLASS, "--accept-data-loss");

      assertEquals(0, accepted.exitCode(), accepted::describe);
      assertTrue(accepted.err().contains("warning: data loss accepted: drops column"
          + " posts.description, which holds 1 value(s)"), accepted::describe);
      try (Connection db = Sqlite.open(url)) {
        assertEquals(List.of("1|Hi|1"), Sqlite.rows(db, "SELECT * FROM posts"));
      }
    }

    @Test
    void forceResetStartsFromAnEmptyDatabase() throws Exception {
      assertEquals(0, cli("push", "--url", url, "--schema", DRAFT_CLASS).exitCode());
      insertEloise();
      try (Connection db = Sqlite.open(url)) {
        Sqlite.exec(db, "CREATE TABLE scratch (x)", "CREATE VIEW v AS SELECT * FROM users");
      }

      CliRun reset = cli("push", "--url", url, "--schema", DESCRIPTION_CLASS, "--force-reset");

      assertEquals(0, reset.exitCode(), reset::describe);
      try (Connection db = Sqlite.open(url)) {
        assertEquals(List.of("posts", "users"), Sqlite.tableNames(db));
        assertEquals(0, Sqlite.count(db, "users"));
        assertEquals(List.of("description"), Sqlite.rows(db,
            "SELECT name FROM pragma_table_info('posts') WHERE name = 'description'"));
      }
    }

    @Test
    void readOnlyDatabaseExitsWithFour() throws Exception {
      assertEquals(0, cli("push", "--url", url, "--schema", DRAFT_CLASS).exitCode());
      CliRun push = cli("push",
          "--url", url.replace("jdbc:sqlite:", "jdbc:sqlite:file:") + "?mode=ro",
          "--schema", DESCRIPTION_CLASS);
      assertEquals(4, push.exitCode(), push::describe);
      assertTrue(push.err().contains("The database is read-only: push was not applied"),
          push::describe);
    }

    @Test
    void needsTheModels() {
      CliRun missing = cli("push", "--url", url);
      assertEquals(2, missing.exitCode(), missing::describe);
      assertTrue(missing.err().contains("--schema"), missing::describe);
      assertFalse(Files.exists(dir.resolve("dev.db")), "a usage error opens no database");

      CliRun unknown = cli("push", "--url", url, "--schema", "com.example.NoSuchSchema");
      assertEquals(4, unknown.exitCode(), unknown::describe);
      assertTrue(unknown.err().contains("Class com.example.NoSuchSchema not found"),
          unknown::describe);
    }

    /**
     * The class is found on --classpath, compiled apart from the CLI, as a user's build does,
     * and reads its schema resource through that class path too.
     */
    @Test
    void loadsTheSchemaClassFromTheClasspath() throws Exception {
      Path classes = compileSchemaClass("com.example.proto", GENERATED_FORM);
      Path resource = classes.resolve(RESOURCE);
      Files.createDirectories(resource.getParent());
      Files.writeString(resource, SchemaText.write(schema(table("notes").id().build())),
          StandardCharsets.UTF_8);

      CliRun push = cli("push", "--url", url, "--schema", "com.example.proto.NanokaSchema",
          "--classpath", classes.toString());
      assertEquals(0, push.exitCode(), push::describe);
      try (Connection db = Sqlite.open(url)) {
        assertEquals(List.of("notes"), Sqlite.tableNames(db));
      }
    }

    @Test
    void missingSchemaResourceSaysToRebuild() throws Exception {
      Path classes = compileSchemaClass("com.example.proto", GENERATED_FORM);

      CliRun push = cli("push", "--url", url, "--schema", "com.example.proto.NanokaSchema",
          "--classpath", classes.toString());
      assertEquals(4, push.exitCode(), push::describe);
      assertTrue(push.err().contains("The schema resource " + RESOURCE + " of"
          + " com.example.proto.NanokaSchema is not on the class path")
          && push.err().contains("rebuild the project"), push::describe);
      assertFalse(push.err().contains("\tat "), "a message, not a stack trace: " + push.describe());
    }
  }

  @Nested
  class Diff {

    @Test
    void modelsAgainstDatabase() throws Exception {
      assertEquals(0, cli("push", "--url", url, "--schema", DRAFT_CLASS).exitCode());

      CliRun same = cli("diff", "--from", "database", "--to", "models", "--exit-code",
          "--url", url, "--schema", DRAFT_CLASS);
      assertEquals(0, same.exitCode(), same::describe);
      assertEquals("-- No difference between the database and the models.\n", same.out());

      CliRun changed = cli("diff", "--from", "database", "--to", "models", "--exit-code",
          "--url", url, "--schema", DESCRIPTION_CLASS);
      assertEquals(2, changed.exitCode(), changed::describe);
      assertTrue(changed.out().contains("`description` text NOT NULL"), changed::describe);

      CliRun withoutFlag = cli("diff", "--from", "database", "--to", "models",
          "--url", url, "--schema", DESCRIPTION_CLASS);
      assertEquals(0, withoutFlag.exitCode(), withoutFlag::describe);
      assertEquals(changed.out(), withoutFlag.out());
    }

    @Test
    void migrationsAgainstDatabase() throws Exception {
      writeMigration("0000_draft.sql", schema(), DRAFT);
      assertEquals(0, cli("migrate", "--url", url, "--dir", migrations.toString()).exitCode());

      CliRun same = cli("diff", "--from", "migrations", "--to", "database", "--exit-code",
          "--url", url, "--dir", migrations.toString());
      assertEquals(0, same.exitCode(), same::describe);

      try (Connection db = Sqlite.open(url)) {
        Sqlite.exec(db, "CREATE INDEX users_name_idx ON users (name)");
      }
      CliRun changed = cli("diff", "--from", "migrations", "--to", "database", "--exit-code",
          "--url", url, "--dir", migrations.toString());
      assertEquals(2, changed.exitCode(), changed::describe);
      assertEquals("CREATE INDEX `users_name_idx` ON `users` (`name`);\n", changed.out());
    }

    @Test
    void modelsAgainstMigrations() throws Exception {
      writeMigration("0000_draft.sql", schema(), DRAFT);

      CliRun same = cli("diff", "--from", "migrations", "--to", "models", "--exit-code",
          "--dir", migrations.toString(), "--schema", DRAFT_CLASS);
      assertEquals(0, same.exitCode(), same::describe);

      CliRun changed = cli("diff", "--from", "migrations", "--to", "models", "--exit-code",
          "--dir", migrations.toString(), "--schema", DESCRIPTION_CLASS);
      assertEquals(2, changed.exitCode(), changed::describe);
      assertTrue(changed.out().contains("CREATE TABLE `__new_posts`"), changed::describe);

      writeMigration("0001_description.sql", DRAFT, WITH_DESCRIPTION);
      CliRun caughtUp = cli("diff", "--from", "models", "--to", "migrations", "--exit-code",
          "--dir", migrations.toString(), "--schema", DESCRIPTION_CLASS);
      assertEquals(0, caughtUp.exitCode(), caughtUp::describe);
    }

    @Test
    void errorsExitWithOne() throws Exception {
      CliRun noFolder = cli("diff", "--from", "migrations", "--to", "models", "--exit-code",
          "--dir", dir.resolve("nowhere").toString(), "--schema", DRAFT_CLASS);
      assertEquals(1, noFolder.exitCode(), noFolder::describe);
      assertTrue(noFolder.err().contains("error: "), noFolder::describe);

      CliRun noClass = cli("diff", "--from", "database", "--to", "models", "--exit-code",
          "--url", url, "--schema", "com.example.NoSuchSchema");
      assertEquals(1, noClass.exitCode(), noClass::describe);

      CliRun noModels = cli("diff", "--from", "database", "--to", "models", "--exit-code",
          "--url", url);
      assertEquals(1, noModels.exitCode(), noModels::describe);

      Files.createDirectories(migrations);
      Files.writeString(migrations.resolve("0000_broken.sql"), "CREATE TABLE (;");
      CliRun broken = cli("diff", "--from", "migrations", "--to", "models", "--exit-code",
          "--dir", migrations.toString(), "--schema", DRAFT_CLASS);
      assertEquals(1, broken.exitCode(), broken::describe);
      assertTrue(broken.err().contains("0000_broken.sql"), broken::describe);
    }

    /** 2 means "there are changes" to a CI script: a usage error must not look like that. */
    @Test
    void usageErrorsExitWithOneToo() {
      CliRun noTo = cli("diff", "--from", "database", "--exit-code", "--url", url);
      assertEquals(1, noTo.exitCode(), noTo::describe);
      CliRun badSide = cli("diff", "--from", "database", "--to", "schema.ts", "--exit-code");
      assertEquals(1, badSide.exitCode(), badSide::describe);
      // Without --exit-code a usage error keeps the CLI's usual code.
      assertEquals(2, cli("diff", "--from", "database", "--url", url).exitCode());
    }

    /** A mistyped database path is an error, not an empty new database that differs. */
    @Test
    void aMissingDatabaseIsAnErrorAndIsNotCreated() {
      Path missing = dir.resolve("typo.db");
      CliRun diff = cli("diff", "--from", "database", "--to", "models", "--exit-code",
          "--url", "jdbc:sqlite:" + missing, "--schema", DRAFT_CLASS);
      assertEquals(1, diff.exitCode(), diff::describe);
      assertFalse(Files.exists(missing), "diff created " + missing);

      CliRun plain = cli("diff", "--from", "database", "--to", "models", "--url",
          "jdbc:sqlite:" + missing, "--schema", DRAFT_CLASS);
      assertEquals(4, plain.exitCode(), plain::describe);
      assertTrue(plain.err().startsWith("error: No database at " + missing + ": "),
          plain::describe);
      assertFalse(Files.exists(missing), "diff created " + missing);
    }
  }

  @Nested
  class Reset {

    @BeforeEach
    void migratedAndPushedOver() throws Exception {
      writeMigration("0000_draft.sql", schema(), DRAFT);
      assertEquals(0, cli("migrate", "--url", url, "--dir", migrations.toString()).exitCode());
      insertEloise();
      try (Connection db = Sqlite.open(url)) {
        Sqlite.exec(db, "CREATE TABLE scratch (x)", "INSERT INTO scratch VALUES (1)",
            "CREATE VIEW names AS SELECT name FROM users",
            "CREATE TRIGGER t AFTER INSERT ON scratch BEGIN DELETE FROM scratch; END");
      }
    }

    @Test
    void refusesWithoutForceWhenNoTerminalCanAsk() throws Exception {
      assertNull(System.console(), "this test needs a JVM without a terminal");
      String before = dump();

      CliRun reset = cli("reset", "--url", url, "--dir", migrations.toString());

      // Wrong usage: a script that forgot --force must not look like a failed migration.
      assertEquals(2, reset.exitCode(), reset::describe);
      assertTrue(reset.err().contains("pass --force"), reset::describe);
      assertEquals(before, dump());
    }

    @Test
    void forceDropsEverythingReappliesAndSeedsWithSql() throws Exception {
      Path seed = dir.resolve("seed.sql");
      Files.writeString(seed, "INSERT INTO users (name, jobTitle) VALUES ('Seeded', 'SQL');\n"
          + "INSERT INTO posts (title, authorId) VALUES ('First', 1);\n");

      CliRun reset = cli("reset", "--force", "--url", url, "--dir", migrations.toString(),
          "--seed-sql", seed.toString());

      assertEquals(0, reset.exitCode(), reset::describe);
      assertTrue(reset.out().contains("Applied 1 migration(s)."), reset::describe);
      assertTrue(reset.out().contains("Seeded."), reset::describe);
      try (Connection db = Sqlite.open(url)) {
        assertEquals(List.of("d1_migrations", "nanoka_migration_checksums", "posts", "users"),
            Sqlite.tableNames(db));
        assertEquals(List.of(), Sqlite.rows(db,
            "SELECT name FROM sqlite_master WHERE type IN ('view', 'trigger')"));
        assertEquals(List.of("1|Seeded|SQL"), Sqlite.rows(db, "SELECT * FROM users"));
        assertEquals(List.of("0000_draft.sql"), Sqlite.rows(db, "SELECT name FROM d1_migrations"));
        // AUTOINCREMENT counters start over.
        assertEquals(List.of("1|First|1"), Sqlite.rows(db, "SELECT * FROM posts"));
      }
      assertEquals(0, cli("diff", "--from", "migrations", "--to", "database", "--exit-code",
          "--url", url, "--dir", migrations.toString()).exitCode());
    }

    @Test
    void seedsWithAClass() throws Exception {
      CliRun reset = cli("reset", "--force", "--url", url, "--dir", migrations.toString(),
          "--seed-class", DevSeed.class.getName());
      assertEquals(0, reset.exitCode(), reset::describe);
      try (Connection db = Sqlite.open(url)) {
        assertEquals(List.of("Seeded|Class"), Sqlite.rows(db, "SELECT name, jobTitle FROM users"));
      }
    }

    @Test
    void skipSeedSkipsTheConfiguredSeed() throws Exception {
      Path seed = dir.resolve("seed.sql");
      Files.writeString(seed, "INSERT INTO users (name, jobTitle) VALUES ('Seeded', 'SQL');");

      CliRun reset = cli("reset", "--force", "--skip-seed", "--url", url, "--dir",
          migrations.toString(), "--seed-sql", seed.toString(), "--seed-class",
          DevSeed.class.getName());

      assertEquals(0, reset.exitCode(), reset::describe);
      assertTrue(reset.out().contains("Seed skipped."), reset::describe);
      try (Connection db = Sqlite.open(url)) {
        assertEquals(0, Sqlite.count(db, "users"));
        assertEquals(List.of("d1_migrations", "nanoka_migration_checksums", "posts", "users"),
            Sqlite.tableNames(db));
      }
    }

    @Test
    void aFailingSeedIsRolledBackAndTheMigrationsStay() throws Exception {
      Path seed = dir.resolve("seed.sql");
      Files.writeString(seed, "INSERT INTO users (name, jobTitle) VALUES ('A', 'B');\n"
          + "INSERT INTO nowhere VALUES (1);");
      CliRun reset = cli("reset", "--force", "--url", url, "--dir", migrations.toString(),
          "--seed-sql", seed.toString());
      assertEquals(1, reset.exitCode(), reset::describe);
      assertTrue(reset.err().contains("statement 2 of 2 failed"), reset::describe);
      try (Connection db = Sqlite.open(url)) {
        assertEquals(0, Sqlite.count(db, "users"));
        assertEquals(1, Sqlite.count(db, "d1_migrations"));
      }
    }

    @Test
    void aSeedClassMustBeASeeder() throws Exception {
      String before = dump();
      CliRun reset = cli("reset", "--force", "--url", url, "--dir", migrations.toString(),
          "--seed-class", NotASeeder.class.getName());
      assertEquals(2, reset.exitCode(), reset::describe);
      assertTrue(reset.err().contains("does not implement dev.nanoka.runtime.Seeder"),
          reset::describe);
      assertEquals(before, dump(), "a usage error resets nothing");
    }

    @Test
    void aSeedThatCannotBeFoundStopsTheResetBeforeItDeletesAnything() throws Exception {
      String before = dump();
      CliRun noFile = cli("reset", "--force", "--url", url, "--dir", migrations.toString(),
          "--seed-sql", dir.resolve("no-seed.sql").toString());
      assertEquals(4, noFile.exitCode(), noFile::describe);
      assertTrue(noFile.err().contains("Nothing was reset."), noFile::describe);

      CliRun noClass = cli("reset", "--force", "--url", url, "--dir", migrations.toString(),
          "--seed-class", "com.example.NoSuchSeed");
      assertEquals(4, noClass.exitCode(), noClass::describe);
      assertEquals(before, dump());
    }

    /** While prototyping with push there are no migrations yet: reset just empties the database. */
    @Test
    void withoutAMigrationsFolderLeavesAnEmptyDatabase() throws Exception {
      CliRun reset = cli("reset", "--force", "--url", url, "--dir",
          dir.resolve("no-migrations-yet").toString());
      assertEquals(0, reset.exitCode(), reset::describe);
      assertTrue(reset.out().contains("no migrations"), reset::describe);
      try (Connection db = Sqlite.open(url)) {
        assertEquals(List.of(), Sqlite.tableNames(db));
      }
    }
  }

  // ---- helpers ----

  private void insertEloise() throws Exception {
    try (Connection db = Sqlite.open(url)) {
      Sqlite.exec(db, "INSERT INTO users (name, jobTitle) VALUES ('Eloise', 'Programmer')",
          "INSERT INTO posts (title, authorId) VALUES ('How to create a MySQL database', 1)");
    }
  }

  private String dump() throws Exception {
    try (Connection db = Sqlite.open(url)) {
      return Sqlite.dump(db);
    }
  }

  private void writeMigration(String name, DatabaseSchema from, DatabaseSchema to)
      throws Exception {
    Files.createDirectories(migrations);
    Files.writeString(migrations.resolve(name), Migrations.file(from, to));
  }

  private Path compileSchemaClass(String packageName, String source) throws Exception {
    Path sources =
        Files.createDirectories(dir.resolve("src").resolve(packageName.replace('.', '/')));
    Path file = Files.writeString(sources.resolve("NanokaSchema.java"), source,
        StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
        System.getProperty("java.class.path"), file.toString()));
    StringWriter errors = new StringWriter();
    int code = javac.run(null, null, null, args.toArray(String[]::new));
    assertEquals(0, code, errors::toString);
    return classes;
  }
}
