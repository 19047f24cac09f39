package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A schema evolved through eight versions, as a user would: the models of each version are
 * compiled with real Maven into the same project, so {@code drizzle/migrations} grows one
 * migration per version (see {@code src/test/projects/evolution}). After each version:
 *
 * <ol>
 *   <li>the new migration is applied, as D1 applies it (one transaction, {@code PRAGMA
 *       foreign_keys} set before), to a SQLite database holding rows in every table, once with
 *       foreign keys ON and once OFF; every row of every table that is not dropped on purpose is
 *       still there with the values of its surviving columns;
 *   <li>the migrated schema equals the one all migrations create from scratch and the one a
 *       fresh single-version compile of the same models creates ({@code PRAGMA table_info},
 *       {@code index_list}/{@code index_info}, {@code foreign_key_list});
 *   <li>{@code drizzle-kit generate} finds no schema changes and writes nothing, and
 *       {@code drizzle-kit check} passes;
 *   <li>{@code wrangler d1 migrations apply --local} applies it to a D1 database that also holds
 *       rows, and keeps them all. D1 enforces foreign keys inside migrations and ignores
 *       {@code PRAGMA foreign_keys=OFF}, so dropping a rebuilt parent would cascade into its
 *       children (drizzle-orm #4938): this is the real check of the no-lost-rows rule.
 * </ol>
 *
 * The build also writes each migration's down migration ({@code down/<tag>.sql}); it is in the
 * folders drizzle-kit and wrangler work on above, and must change nothing for them. After the
 * last version the databases are rolled back through every version with those files:
 *
 * <ol start="5">
 *   <li>on both SQLite files, newest first: after each down migration the schema is the one the
 *       migrations before it create, and every row of every table the undone migration did not
 *       create is still there, with the values of the columns that exist on both sides. Two
 *       down migrations need values the rows do not have ({@link #EDITED_BY_HAND}): as
 *       generated they fail and change nothing; edited by hand, they are kept by the next
 *       build and run;
 *   <li>on D1, the runtime's rollback script for version 1 ({@code rollback --to 1 --script})
 *       run by {@code wrangler d1 execute --local --file}: the same schema and rows as SQLite,
 *       and only the first migration left in {@code d1_migrations}.
 * </ol>
 *
 * Each version is a dynamic test, run in order; after a failure the later versions fail too
 * (they would start from a broken history), pointing at the first.
 */
class MigrationEvolutionTest {

  private static final int ROWS_PER_TABLE = 3;

  /** The assignee column holds user ids from version 1; version 5 declares the foreign key. */
  private static final Map<String, String> IMPLICIT_REFERENCES =
      Map.of("tasks.assigneeId", "users.id");

  static final List<EvolutionStep> STEPS = List.of(
      // users, projects, tasks, comments, legacy_sessions
      EvolutionStep.of("v1", 1),
      // new tables labels (every storage class and kind of default), task_labels; ADD COLUMN
      // nullable, and NOT NULL with a default
      EvolutionStep.of("v2", 2),
      // rename a column; ADD COLUMN with default true; new indexes (one/two columns, on a key)
      EvolutionStep.of("v3", 3).renamesColumn("users", "name", "displayName"),
      // iterate on version 4: its migration is rewritten, not appended
      EvolutionStep.workInProgress("v4-wip", 4),
      // int → double: rebuild of a parent whose children cascade; a column added alongside
      EvolutionStep.of("v4", 4),
      // a foreign key on a column whose rows already point at users; NOT NULL → nullable
      EvolutionStep.of("v5", 5),
      // drop an indexed column, drop a table (@Schema(droppedTables)), change indexes
      EvolutionStep.of("v6", 6).dropsColumn("users", "age").dropsTable("legacy_sessions"),
      // rename a referenced table and one of its columns; ADD COLUMN NOT NULL with a default;
      // a unique two-column index
      EvolutionStep.of("v7", 7).renamesTable("projects", "boards")
          .renamesColumn("projects", "title", "name"),
      // three rebuilds in one migration: users (every table descends from it), tasks, labels
      EvolutionStep.of("v8", 8));

  /**
   * Down migrations a person must edit before they run over these rows, by the version they
   * undo. v6 drops users.age, NOT NULL without a default: its down migration brings the column
   * back, but the values are gone with the up migration, so the person gives the rows one. v5
   * makes tasks.estimate nullable, and rows since hold NULL there: its down migration makes it
   * NOT NULL again, so the person fills those first.
   */
  private static final Map<String, HandEdit> EDITED_BY_HAND = Map.of(
      "v6", new HandEdit("NOT NULL constraint failed: __new_users.age", "users.age", text -> Pattern
          .compile("INSERT INTO `__new_users`\\((.*?)\\) SELECT (.*?) FROM `users`")
          .matcher(text).replaceAll(m -> Matcher.quoteReplacement("INSERT INTO `__new_users`("
              + m.group(1) + ", `age`) SELECT " + m.group(2) + ", 0 FROM `users`"))),
      "v5", new HandEdit("NOT NULL constraint failed: __new_tasks.estimate", "tasks.estimate",
          text ->
          text.replaceFirst("\n", Matcher.quoteReplacement("\nUPDATE `tasks` SET `estimate` = 0"
              + " WHERE `estimate` IS NULL;--> statement-breakpoint\n"))));

  /**
   * How a down migration fails as generated, the column (table.column) the person fills, and
   * the edit that makes it run.
   */
  private record HandEdit(String failure, String filled, UnaryOperator<String> edit) {}

  private static Evolution evolution;

  @BeforeAll
  static void prepare() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    NodeTools.ensureInstalled();
    evolution = new Evolution(ItPaths.target().resolve("it"));
  }

  @AfterAll
  static void close() throws Exception {
    if (evolution != null) {
      evolution.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyVersionMigratesKeepingEveryRow() {
    return Stream.concat(
        STEPS.stream().map(step -> dynamicTest(step.sources(), () -> evolution.run(step))),
        Stream.of(dynamicTest("rollback", () -> evolution.rollBack())));
  }

  /** The state carried from version to version: the project, its databases, what is applied. */
  private static final class Evolution implements AutoCloseable {
    private final Path work;
    private final EvolutionProject project;
    private final SqliteDatabase withForeignKeys;
    private final SqliteDatabase withoutForeignKeys;
    private final LocalD1 d1;
    private final Path scratch;
    /**
     * The from-scratch builds run while the first versions are checked; each version's wrangler
     * and drizzle-kit runs and the next version's build run side by side. All take seconds.
     */
    private final ExecutorService background = Executors.newFixedThreadPool(4);
    private final Future<CommandResult> scratchBuild;
    /** The build of the next step, started once this step no longer reads the project. */
    private Future<CommandResult> nextBuild;
    /** Applied migration files (name → text) and snapshots (file → text): history is frozen. */
    private final Map<String, String> applied = new LinkedHashMap<>();
    private final Map<String, String> appliedSnapshots = new TreeMap<>();
    /** The down migrations of superseded versions (file → text): frozen with them. */
    private final Map<String, String> appliedDown = new TreeMap<>();
    private MigrationScript workInProgress;
    private long workInProgressWhen;
    private String failed;

    Evolution(Path work) throws Exception {
      this.work = work;
      project = EvolutionProject.create(work.resolve("evolution"));
      Path databases = work.resolve("evolution-databases");
      TestFiles.deleteRecursively(databases);
      Files.createDirectories(databases);
      withForeignKeys = SqliteDatabase.open(databases.resolve("foreign-keys-on.db"),
          "SQLite as D1 runs it");
      withoutForeignKeys = SqliteDatabase.open(databases.resolve("foreign-keys-off.db"),
          "plain SQLite");
      d1 = new LocalD1(work.resolve("evolution-d1"));
      // Every version's models compiled as version 1 of an empty project, in one Maven run.
      scratch = work.resolve("evolution-fresh");
      List<String> versions =
          STEPS.stream().filter(s -> !s.workInProgress()).map(EvolutionStep::sources).toList();
      scratchBuild =
          background.submit(() -> EvolutionProject.buildFromScratch(scratch, versions));
    }

    void run(EvolutionStep step) throws Exception {
      if (failed != null) {
        fail("Not run: version " + failed + " failed, and every later version builds on it.");
      }
      try {
        int index = STEPS.indexOf(step);
        check(step, index + 1 < STEPS.size() ? STEPS.get(index + 1) : null);
      } catch (Throwable e) {
        failed = step.sources();
        throw e;
      }
    }

    /** Builds {@code step} (or takes the build started before) and checks it. */
    private void check(EvolutionStep step, EvolutionStep next) throws Exception {
      CommandResult build;
      if (nextBuild != null) {
        build = await(nextBuild);
        nextBuild = null;
      } else {
        project.useSources(step.sources());
        build = project.compile(step.sources());
      }
      MigrationScript script = checkHistory(step, build);
      if (!step.workInProgress()) {
        checkMigration(step, script, next);
      } else {
        buildNext(next);
      }
    }

    /**
     * The build's effect on the migrations folder: one entry per version, superseded files
     * untouched, exactly one new migration in drizzle-kit's format, rewritten (same journal
     * {@code when}) when the version was iterated on. Returns that migration.
     */
    private MigrationScript checkHistory(EvolutionStep step, CommandResult build)
        throws IOException {
      String at = "[" + step.sources() + "] ";
      assertTrue(build.succeeded(), at + "mvn compile failed:" + build.describe());
      // Every drop in the evolution is declared (@Schema(droppedTables), droppedColumns), so the
      // build names each one in a [NanokaDeclaredDrop] note rather than a data-loss warning.
      for (String table : step.droppedTables()) {
        assertTrue(build.output().contains("[NanokaDeclaredDrop]")
                && build.output().contains("drops table " + table + " "),
            at + "dropping table " + table + " loses its rows: the build must say so"
                + build.describe());
      }
      step.droppedColumns().forEach((table, columns) -> columns.forEach(column ->
          assertTrue(build.output().contains("drops column " + table + "." + column + " "),
              at + "dropping column " + table + "." + column + " loses its values: the build"
                  + " must say so" + build.describe())));

      List<String> tags = project.journalTags();
      assertEquals(step.version(), tags.size(),
          at + "@Schema(version = " + step.version() + ") must leave one journal entry per"
              + " version in " + project.migrations() + ", found " + tags + build.describe());
      for (Map.Entry<String, String> file : applied.entrySet()) {
        Path path = project.migrations().resolve(file.getKey());
        assertTrue(Files.exists(path), at + "applied migration " + path + " was deleted");
        assertEquals(file.getValue(), Files.readString(path),
            at + "applied migration " + path + " was rewritten; superseded versions must never"
                + " change");
      }
      for (Map.Entry<String, String> file : appliedDown.entrySet()) {
        Path path = project.migrations().resolve(file.getKey());
        assertTrue(Files.exists(path), at + "the down migration " + path + " was deleted");
        assertEquals(file.getValue(), Files.readString(path),
            at + "the down migration " + path + " of a superseded version was rewritten");
      }
      for (String tag : tags) {
        Path down = project.migrations().resolve("down/" + tag + ".sql");
        assertTrue(Files.isRegularFile(down), at + "the build wrote no down migration " + down);
        MigrationScript downScript = MigrationScript.read(down);
        assertEquals(List.of(), downScript.formatProblems(), at + down + ":\n" + downScript.text());
        assertTrue(downScript.text().startsWith("-- Generated by Nanoka for Java to undo " + tag
            + ".sql "), at + down + ":\n" + downScript.text());
      }
      for (Map.Entry<String, String> file : appliedSnapshots.entrySet()) {
        assertEquals(file.getValue(), Files.readString(project.migrations().resolve(file.getKey())),
            at + "the snapshot " + file.getKey() + " of a superseded version was rewritten");
      }
      List<String> fresh = tags.stream().filter(t -> !applied.containsKey(t + ".sql")).toList();
      assertEquals(List.of(tags.get(step.version() - 1)), fresh,
          at + "expected exactly one new migration, for version " + step.version());
      MigrationScript script =
          MigrationScript.read(project.migrations().resolve(fresh.get(0) + ".sql"));
      assertEquals(List.of(), script.formatProblems(), at + script.name() + ":\n" + script.text());
      long when = project.journal().path("entries").get(step.version() - 1).path("when").asLong();

      if (step.workInProgress()) {
        workInProgress = script;
        workInProgressWhen = when;
      } else if (workInProgress != null) {
        assertNotEquals(workInProgress.text(), script.text(),
            at + "the models changed while iterating on version " + step.version() + ", but its"
                + " migration was not rewritten");
        assertEquals(workInProgressWhen, when,
            at + "rewriting the current migration must keep its journal \"when\"");
        workInProgress = null;
      }
      return script;
    }

    /** Checks (a) to (d) of the class comment for the version's new migration. */
    private void checkMigration(EvolutionStep step, MigrationScript script, EvolutionStep next)
        throws Exception {
      // Every database holds the same rows: those inserted after each earlier version.
      DatabaseContent before = withForeignKeys.content();
      Map<String, String> sequences = withForeignKeys.sequences();
      applyToSqlite(step, script, before, sequences);
      compareWithFreshSchemas(step);

      // What wrangler and drizzle-kit need, taken now: then the next build may start.
      Path drizzleKitDir = copyForDrizzleKit();
      d1.useMigrations(project.migrations());
      List<String> expectedHistory = new ArrayList<>(applied.keySet());
      expectedHistory.add(script.name());
      applied.put(script.name(), script.text());
      String snapshot = String.format("meta/%04d_snapshot.json", step.version() - 1);
      appliedSnapshots.put(snapshot, Files.readString(project.migrations().resolve(snapshot)));
      String down = "down/" + script.name();
      appliedDown.put(down, Files.readString(project.migrations().resolve(down)));
      Map<String, List<String>> tables = new TreeMap<>();
      withForeignKeys.content().tables()
          .forEach((name, table) -> tables.put(name, table.columns()));
      List<List<String>> master = withForeignKeys.master();
      List<String> inserts = new RowGenerator(withForeignKeys, IMPLICIT_REFERENCES)
          .inserts(ROWS_PER_TABLE);

      Future<?> drizzleKit = background.submit(() -> {
        drizzleKitFindsNothingToDo(step, drizzleKitDir);
        return null;
      });
      Future<?> onD1 = background.submit(() -> {
        applyToD1(step, script, before, sequences, tables, master, expectedHistory, inserts);
        return null;
      });
      buildNext(next);
      withForeignKeys.execute("rows for " + step.sources(), inserts, true);
      withoutForeignKeys.execute("rows for " + step.sources(), inserts, false);

      // Both are awaited, and both failures reported, before this version counts as passed.
      Throwable failure = null;
      for (Future<?> task : List.of(onD1, drizzleKit)) {
        try {
          await(task);
        } catch (Throwable e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure instanceof Error error) {
        throw error;
      } else if (failure != null) {
        throw (Exception) failure;
      }
    }

    /** Starts the build of {@code next}: this step reads nothing more from the project. */
    private void buildNext(EvolutionStep next) {
      if (next != null) {
        nextBuild = background.submit(() -> {
          project.useSources(next.sources());
          return project.compile(next.sources());
        });
      }
    }

    /** (a) The migration on SQLite files with foreign keys ON and OFF: every row kept. */
    private void applyToSqlite(
        EvolutionStep step, MigrationScript script, DatabaseContent before,
        Map<String, String> sequences) throws SQLException {
      assertEquals(before.asSortedRows(), withoutForeignKeys.content().asSortedRows(),
          "[" + step.sources() + "] the two SQLite databases differ before the migration");
      for (SqliteDatabase database : List.of(withForeignKeys, withoutForeignKeys)) {
        database.apply(script, database == withForeignKeys);
        KeptData.assertRows(step, script, before, database.content(), database.label());
        KeptData.assertSequences(step, script, sequences, database.sequences(), database.label());
      }
    }

    /**
     * (b) The migrated schema equals the schema of all migrations applied to an empty database,
     * and the schema of the same models compiled from scratch (one CREATE migration).
     */
    private void compareWithFreshSchemas(EvolutionStep step) throws Exception {
      String at = "[" + step.sources() + "] ";
      String migrated = withForeignKeys.describeSchema();
      assertEquals(migrated, withoutForeignKeys.describeSchema(),
          at + "the schema differs between foreign keys ON and OFF");
      try (SqliteDatabase empty = SqliteDatabase.inMemory("all migrations from scratch")) {
        for (MigrationScript script : project.scripts()) {
          empty.apply(script, true);
        }
        assertEquals(migrated, empty.describeSchema(),
            at + "applying every migration to an empty database gives another schema");
      }

      CommandResult build = await(scratchBuild);
      assertTrue(build.succeeded(),
          "Compiling every version's models from scratch failed:" + build.describe());
      EvolutionProject fresh = EvolutionProject.module(scratch, step.sources());
      List<MigrationScript> freshScripts = fresh.scripts();
      assertEquals(1, freshScripts.size(),
          at + "a fresh compile of version " + step.version() + "'s models as version 1 must"
              + " write one migration in " + fresh.migrations());
      try (SqliteDatabase created = SqliteDatabase.inMemory("fresh compile")) {
        created.apply(freshScripts.get(0), true);
        assertEquals(created.describeSchema(), migrated,
            at + "the migrated database's schema differs from the one " + fresh.migrations()
                + " creates from the same models (expected = fresh, actual = migrated)");
      }
      assertEquals(Files.readString(fresh.schemaTs()), Files.readString(project.schemaTs()),
          at + "schema.ts differs from a fresh compile of the same models");
      assertEquals(fresh.latestSnapshotTables(), project.latestSnapshotTables(),
          at + "the latest snapshot's tables differ from a fresh compile's");
    }

    /** A copy of the project's drizzle/ folder with a drizzle.config.ts, for drizzle-kit. */
    private Path copyForDrizzleKit() throws IOException {
      Path dir = work.resolve("evolution-drizzle-kit");
      TestFiles.replaceWithCopy(project.drizzle(), dir.resolve("drizzle"), p -> false);
      // the down migrations are there: drizzle-kit must not mind them
      assertTrue(Files.isDirectory(dir.resolve("drizzle/migrations/down")), dir.toString());
      Files.writeString(dir.resolve("drizzle.config.ts"), """
          import { defineConfig } from 'drizzle-kit'

          export default defineConfig({
            dialect: 'sqlite',
            schema: './drizzle/schema.ts',
            out: './drizzle/migrations',
          })
          """);
      return dir;
    }

    /** (c) drizzle-kit reads the folder and schema.ts and agrees there is nothing to generate. */
    private void drizzleKitFindsNothingToDo(EvolutionStep step, Path dir) throws Exception {
      String at = "[" + step.sources() + "] ";
      Map<String, String> before = EvolutionProject.files(dir.resolve("drizzle"));
      Path logs = work.resolve("evolution-drizzle-kit-logs");

      CommandResult generate =
          NodeTools.drizzleKit(dir, logs.resolve(step.sources() + "-generate.log"), "generate");
      assertTrue(generate.succeeded() && generate.output().contains("No schema changes"),
          at + "drizzle-kit generate does not agree that the migrations match schema.ts:"
              + generate.describe());
      assertEquals(before, EvolutionProject.files(dir.resolve("drizzle")),
          at + "drizzle-kit generate changed the migrations folder:" + generate.describe());

      CommandResult check =
          NodeTools.drizzleKit(dir, logs.resolve(step.sources() + "-check.log"), "check");
      assertTrue(check.succeeded() && check.output().contains("Everything's fine"),
          at + "drizzle-kit check failed:" + check.describe());
    }

    /**
     * (d) wrangler applies the migration to local D1, then one call reads the schema, the history
     * and every row (all must be kept) and inserts the rows for the next version. Runs beside the
     * main thread, so it gets what it compares with ({@code tables} and {@code master}: SQLite's
     * after the same migration) instead of reading the SQLite connection.
     */
    private void applyToD1(
        EvolutionStep step, MigrationScript script, DatabaseContent before,
        Map<String, String> sequences, Map<String, List<String>> tables,
        List<List<String>> master, List<String> expectedHistory, List<String> inserts)
        throws Exception {
      String at = "[" + step.sources() + "] ";
      assertTrue(Files.isRegularFile(d1.migrationsFolder().resolve("down/" + script.name())),
          at + "wrangler's migrations folder must hold the down migrations, as a user's does");
      CommandResult apply = d1.applyMigrations(step.sources());
      assertTrue(apply.succeeded() && apply.output().contains(script.name()),
          at + "wrangler d1 migrations apply failed for " + script.name() + apply.describe());

      LocalD1.Outcome outcome = d1.readThenInsert(step.sources(), tables, inserts);

      assertEquals(master, outcome.state().master(),
          at + "D1's sqlite_master differs from SQLite's after the same migrations");
      assertEquals(expectedHistory, outcome.state().history(), at + "D1's d1_migrations");
      KeptData.assertRows(step, script, before, outcome.state().content(), "D1 (wrangler --local)");
      KeptData.assertSequences(step, script, sequences, outcome.state().sequences(),
          "D1 (wrangler --local)");
      if (outcome.insertFailure() != null) {
        throw outcome.insertFailure();
      }
    }

    /** (e) and (f) of the class comment: back through every version, with the build's files. */
    void rollBack() throws Exception {
      if (failed != null) {
        fail("Not run: version " + failed + " failed, and rolling back starts from the last.");
      }
      List<String> tags = project.journalTags();
      List<EvolutionStep> versions = STEPS.stream().filter(s -> !s.workInProgress()).toList();
      assertEquals(versions.size(), tags.size());

      List<MigrationScript> ups = project.scripts();
      for (int version = tags.size(); version > 1; version--) {
        EvolutionStep step = versions.get(version - 1);
        MigrationScript down =
            MigrationScript.read(project.migrations().resolve("down/" + tags.get(version - 1)
                + ".sql"));
        String at = "[rollback of " + step.sources() + "] ";
        DatabaseContent before = withForeignKeys.content();
        assertEquals(before.asSortedRows(), withoutForeignKeys.content().asSortedRows(),
            at + "the two SQLite databases differ before the down migration");
        if (EDITED_BY_HAND.containsKey(step.sources())) {
          down = editByHand(step, down, before);
        }
        for (SqliteDatabase database : List.of(withForeignKeys, withoutForeignKeys)) {
          database.apply(down, database == withForeignKeys);
          KeptData.assertRowsBack(step, down, before, database.content(), database.label(),
              Optional.ofNullable(EDITED_BY_HAND.get(step.sources())).map(HandEdit::filled));
        }
        try (SqliteDatabase earlier = SqliteDatabase.inMemory("the migrations before it")) {
          for (MigrationScript up : ups.subList(0, version - 1)) {
            earlier.apply(up, true);
          }
          for (SqliteDatabase database : List.of(withForeignKeys, withoutForeignKeys)) {
            assertEquals(earlier.describeSchema(), database.describeSchema(), at + down.name()
                + " on " + database.label() + " does not leave the schema of version "
                + (version - 1));
          }
        }
      }

      // D1: the rollback as one file, as for a remote database, run by wrangler.
      Path script = work.resolve("evolution-rollback.sql");
      Files.writeString(script, Migrator.forUrl("jdbc:sqlite::memory:")
          .source(MigrationSource.folder(project.migrations())).build()
          .rollbackScript(tags.size(), 1));
      CommandResult run = d1.executeFile("rollback", script);
      assertTrue(run.succeeded(), "wrangler d1 execute of the rollback script failed:"
          + run.describe());
      Map<String, List<String>> tables = new TreeMap<>();
      withForeignKeys.content().tables()
          .forEach((name, table) -> tables.put(name, table.columns()));
      LocalD1.State state = d1.readThenInsert("after-rollback", tables, List.of()).state();
      assertEquals(List.of(ups.get(0).name()), state.history(),
          "d1_migrations after rolling D1 back to version 1");
      // the script keeps Nanoka's history table beside wrangler's, as the runtime does
      List<List<String>> d1Master = state.master().stream()
          .filter(row -> !row.get(2).equals("'nanoka_migration_checksums'")).toList();
      assertEquals(withForeignKeys.master(), d1Master,
          "D1's sqlite_master differs from SQLite's after the same rollback");
      assertEquals(withForeignKeys.content().asSortedRows(), state.content().asSortedRows(),
          "D1's rows differ from SQLite's after the same rollback");
    }

    /**
     * A down migration of {@link #EDITED_BY_HAND} as generated cannot run over the rows, and
     * changes nothing when it fails; a person edits the file, and the build keeps that edit
     * (and changes nothing else).
     */
    private MigrationScript editByHand(EvolutionStep step, MigrationScript down,
        DatabaseContent before) throws Exception {
      String at = "[rollback of " + step.sources() + "] ";
      HandEdit hand = EDITED_BY_HAND.get(step.sources());
      AssertionError failure =
          assertThrows(AssertionError.class, () -> withForeignKeys.apply(down, true));
      assertTrue(failure.getMessage().contains(hand.failure()), at + failure.getMessage());
      assertEquals(before.asSortedRows(), withForeignKeys.content().asSortedRows(),
          at + "a down migration that failed must change nothing");

      Path file = project.migrations().resolve("down/" + down.name());
      String edited = hand.edit().apply(down.text());
      assertNotEquals(down.text(), edited, at + "the edit changed nothing");
      Files.writeString(file, edited);
      Map<String, String> folder = EvolutionProject.files(project.migrations());
      CommandResult build = project.compile("after-editing-" + down.name());
      assertTrue(build.succeeded(), at + "mvn compile failed:" + build.describe());
      assertEquals(folder, EvolutionProject.files(project.migrations()),
          at + "the build must keep the edited down migration and change nothing else");
      return MigrationScript.read(file);
    }

    /** The task's result; its failure rethrown as it was, so assertion messages stay intact. */
    private static <T> T await(Future<T> task) throws Exception {
      try {
        return task.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }

    @Override
    public void close() throws SQLException {
      // Let started builds end (each has its own time limit) rather than leave Maven running.
      for (Future<?> task : Arrays.asList(nextBuild, scratchBuild)) {
        try {
          if (task != null) {
            task.get();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
          // already reported by the step that needed it, or by none because an earlier failed
        }
      }
      background.shutdownNow();
      withForeignKeys.close();
      withoutForeignKeys.close();
    }
  }
}
