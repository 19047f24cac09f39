package dev.nanoka.runtime;

import static dev.nanoka.core.testing.Schemas.INTEGER;
import static dev.nanoka.core.testing.Schemas.REAL;
import static dev.nanoka.core.testing.Schemas.TEXT;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.internal.Pusher;
import dev.nanoka.runtime.internal.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases where push used to lose data without refusing: values that do not survive a type
 * change exactly, rows another writer commits while push waits for the lock, and views and
 * triggers that a change breaks. Each refusal must leave the database file as it was, byte for
 * byte.
 */
class PushGuardTest {

  private static final Duration LOCK = Duration.ofSeconds(30);

  @TempDir Path dir;
  private String url;
  private Connection db;

  @BeforeEach
  void open() throws Exception {
    url = "jdbc:sqlite:" + dir.resolve("dev.db");
    db = Sqlite.open(url);
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  @Nested
  class Precision {

    @Test
    void integersBeyondTwoToThe53rdDoNotBecomeReal() throws Exception {
      for (String value : List.of("9007199254740993", "9223372036854775807",
          "-9223372036854775808")) {
        recreate(table("m").id().integer("n").build(), "INSERT INTO m (n) VALUES (" + value + ")");
        DataLossException refused = assertRefused(schema(table("m").id().column("n", REAL)
            .build()));
        assertEquals(List.of(), refused.unexecutable());
        assertTrue(refused.losses().get(0).startsWith("changes m.n from integer to real, but 1"
            + " value(s) do not convert exactly (e.g. " + value + " becomes "),
            refused.losses()::toString);
      }
    }

    @Test
    void integersADoubleHoldsExactlyConvert() throws Exception {
      recreate(table("m").id().integer("n").build(),
          "INSERT INTO m (n) VALUES (9007199254740992), (-5), (0)");
      PushResult result =
          Pusher.push(
              db,
              SqliteDialect.INSTANCE,
              schema(table("m").id().column("n", REAL).build()),
              false,
              LOCK);
      assertEquals(List.of(), result.acceptedLosses());
      assertEquals(List.of("real|1", "real|1", "real|1"), Sqlite.rows(db, "SELECT typeof(n),"
          + " n IN (9007199254740992, -5, 0) FROM m ORDER BY id"));
    }

    @Test
    void realsDoNotLoseDigitsAsText() throws Exception {
      for (String value : List.of("0.30000000000000004", "123456789.12345679",
          "1.7976931348623157e308")) {
        recreate(table("m").id().column("x", REAL).build(),
            "INSERT INTO m (x) VALUES (" + value + ")");
        DataLossException refused = assertRefused(schema(table("m").id().text("x").build()));
        assertTrue(refused.losses().get(0).startsWith("changes m.x from real to text, but 1"
            + " value(s) do not convert exactly"), refused.losses()::toString);
      }
    }

    @Test
    void realsWithFifteenDigitsOrFewerBecomeText() throws Exception {
      recreate(table("m").id().column("x", REAL).build(),
          "INSERT INTO m (x) VALUES (0.5), (-2.25), (1e300), (4.9e-324)");
      Pusher.push(
          db, SqliteDialect.INSTANCE, schema(table("m").id().text("x").build()), false, LOCK);
      assertEquals(List.of("text|0.5", "text|-2.25", "text|1.0e+300",
          "text|4.94065645841247e-324"),
          Sqlite.rows(db, "SELECT typeof(x), x FROM m ORDER BY id"));
    }

    @Test
    void textThatLooksLikeANumberIsNotRewritten() throws Exception {
      recreate(table("m").id().text("code").build(),
          "INSERT INTO m (code) VALUES ('007'), ('1.50'), ('12')");
      DataLossException refused = assertRefused(schema(table("m").id().integer("code").build()));
      assertTrue(refused.losses().get(0).startsWith("changes m.code from text to integer, but 2"
          + " value(s) do not convert exactly (e.g. '007' becomes 7)"), refused.losses()::toString);
    }
  }

  @Nested
  class Keys {

    @Test
    void aPrimaryKeyOverRepeatedValuesIsUnexecutable() throws Exception {
      recreate(table("m").key("id", INTEGER).text("email").build(),
          "INSERT INTO m VALUES (1, 'a@x'), (2, 'a@x'), (3, 'b@x')");
      DatabaseSchema emailKey = schema(table("m").integer("id").key("email", TEXT).build());
      DataLossException refused = assertRefused(emailKey);
      assertEquals(List.of("makes (email) the primary key of m, but 1 value(s) occur more than"
          + " once (e.g. 'a@x')"), refused.unexecutable());
      // Accepting data loss cannot make the values distinct.
      assertThrows(
          DataLossException.class,
          () -> Pusher.push(db, SqliteDialect.INSTANCE, emailKey, true, LOCK));
    }

    @Test
    void aPrimaryKeyLosingAColumnIsCheckedForRepeats() throws Exception {
      recreate(table("m").integer("a").integer("b").text("v").primaryKey("a", "b").build(),
          "INSERT INTO m VALUES (1, 1, 'x'), (1, 2, 'y')");
      DataLossException refused = assertRefused(
          schema(table("m").integer("a").text("v").primaryKey("a").build()), true);
      assertTrue(refused.unexecutable().contains("makes (a) the primary key of m, but 1 value(s)"
          + " occur more than once (e.g. 1)"), refused.unexecutable()::toString);
    }

    @Test
    void valuesThatCollideOnceConvertedAreUnexecutable() throws Exception {
      recreate(table("m").id().text("code").unique().build(),
          "INSERT INTO m (code) VALUES ('1'), ('01')");
      DataLossException refused = assertRefused(
          schema(table("m").id().integer("code").unique().build()), true);
      assertTrue(refused.unexecutable().contains("adds the unique index m_code_unique on m(code),"
          + " but 1 value(s) occur more than once (e.g. 1)"), refused.unexecutable()::toString);
    }

    @Test
    void anIntegerKeyOverTextIsUnexecutable() throws Exception {
      recreate(table("m").text("code").text("v").primaryKey("code", "v").build(),
          "INSERT INTO m VALUES ('abc', 'x')");
      DataLossException refused = assertRefused(
          schema(table("m").key("code", INTEGER).text("v").build()), true);
      assertTrue(refused.unexecutable().contains("makes (code) the primary key of m, but 1"
          + " value(s) there are not integers, which an INTEGER PRIMARY KEY refuses (e.g."
          + " 'abc')"), refused.unexecutable()::toString);
    }

    @Test
    void aKeyOverDistinctValuesIsApplied() throws Exception {
      recreate(table("m").key("id", INTEGER).text("email").build(),
          "INSERT INTO m VALUES (1, 'a@x'), (2, 'b@x')");
      Pusher.push(
          db,
          SqliteDialect.INSTANCE,
          schema(table("m").integer("id").key("email", TEXT).build()),
          false,
          LOCK);
      assertEquals(List.of("1|a@x", "2|b@x"), Sqlite.rows(db, "SELECT id, email FROM m"
          + " ORDER BY id"));
    }
  }

  @Nested
  class NullsFilledByADefault {

    final DatabaseSchema required =
        schema(table("m").id().text("name").defaultText("anonymous").build());

    @Test
    void areALossToAccept() throws Exception {
      recreate(table("m").id().nullableText("name").build(),
          "INSERT INTO m (name) VALUES (NULL), ('Ada')");
      DataLossException refused = assertRefused(required);
      assertEquals(List.of("makes m.name NOT NULL: 1 row(s) holding NULL there would get its"
          + " default 'anonymous'"), refused.losses());

      PushResult accepted = Pusher.push(db, SqliteDialect.INSTANCE, required, true, LOCK);
      assertEquals(refused.losses(), accepted.acceptedLosses());
      assertEquals(List.of("anonymous", "Ada"), Sqlite.rows(db, "SELECT name FROM m ORDER BY id"));
    }

    @Test
    void withoutNullsNothingIsLost() throws Exception {
      recreate(table("m").id().nullableText("name").build(), "INSERT INTO m (name) VALUES ('Ada')");
      assertEquals(
          List.of(),
          Pusher.push(db, SqliteDialect.INSTANCE, required, false, LOCK).acceptedLosses());
    }
  }

  /**
   * Another writer holds the lock with a row push would lose. Push must decide after it has the
   * lock, so it sees the row once the writer commits.
   */
  @Test
  void aRowCommittedWhilePushWaitsForTheLockIsCounted() throws Exception {
    Sqlite.exec(db, "CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT NOT NULL)",
        "CREATE TABLE tags (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, label text NOT NULL)");
    DatabaseSchema withoutTags = schema(table("users").id().build());
    try (Connection writer = Sqlite.open(url)) {
      Sqlite.exec(writer, "BEGIN IMMEDIATE", "INSERT INTO tags (label) VALUES ('java')");
      CompletableFuture<PushResult> push = CompletableFuture.supplyAsync(() -> {
        try (Connection pusher = Sqlite.open(url)) {
          return Pusher.push(pusher, SqliteDialect.INSTANCE, withoutTags, false, LOCK);
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      Thread.sleep(700);
      assertTrue(!push.isDone(), "push must wait for the writer's lock");
      Sqlite.exec(writer, "COMMIT");
      var failure = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> push.get(30, TimeUnit.SECONDS));
      DataLossException refused = assertInstanceOf(DataLossException.class, failure.getCause());
      assertEquals(List.of("drops table tags, which holds 1 row(s)"), refused.losses());
    }
    assertEquals(List.of("1|java"), Sqlite.rows(db, "SELECT id, label FROM tags"));
  }

  /** One lock timeout for the whole push (a bound check on a promise, not a benchmark). */
  @Test
  void anotherConnectionHoldingTheLockMakesPushWaitOneTimeout() throws Exception {
    Sqlite.create(db, schema(table("users").id().build()));
    Duration timeout = Duration.ofSeconds(1);
    try (Connection holder = Sqlite.open(url)) {
      Sqlite.exec(holder, "BEGIN EXCLUSIVE");
      long start = System.nanoTime();
      MigrationException e =
          assertThrows(
              MigrationException.class,
              () ->
                  Pusher.push(
                      db,
                      SqliteDialect.INSTANCE,
                      schema(table("users").id().text("name").defaultText("").build()),
                      false,
                      timeout));
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      Sqlite.exec(holder, "ROLLBACK");
      assertEquals(MigrationException.Kind.LOCK_TIMEOUT, e.kind(), e.getMessage());
      assertTrue(took >= 900 && took < 1600, "push waited " + took + " ms for a 1 s timeout");
    }
  }

  @Nested
  class ViewsAndTriggers {

    final Table posts = table("posts").id().text("title").build();

    /** The case: an empty hand-made table, written by a hand-made trigger. */
    @Test
    void aTriggerWritingIntoADroppedTableIsReportedNotLeftDangling() throws Exception {
      Sqlite.create(db, schema(posts));
      Sqlite.exec(db, "CREATE TABLE audit (msg text)",
          "CREATE TRIGGER posts_audit AFTER INSERT ON posts BEGIN"
              + " INSERT INTO audit VALUES (new.title); END");

      DataLossException refused = assertRefused(schema(posts));
      assertEquals(List.of("breaks trigger posts_audit (" + noSuchTable("main.audit") + ")"),
          refused.losses().stream().map(PushGuardTest::withoutDriverPrefix).toList());

      PushResult accepted = Pusher.push(db, SqliteDialect.INSTANCE, schema(posts), true, LOCK);
      assertEquals(List.of("breaks trigger posts_audit (" + noSuchTable("main.audit")
          + "); it is dropped"), accepted.acceptedLosses().stream()
          .map(PushGuardTest::withoutDriverPrefix).toList());
      Sqlite.exec(db, "INSERT INTO posts (title) VALUES ('still works')");
      assertEquals(List.of(), Sqlite.rows(db,
          "SELECT name FROM sqlite_master WHERE type = 'trigger'"));
    }

    @Test
    void aViewAndATriggerOnARebuiltTableComeBackAndWork() throws Exception {
      Sqlite.create(db, schema(posts));
      Sqlite.exec(db, "CREATE TABLE log (msg text)",
          "CREATE VIEW titles AS SELECT title FROM posts",
          "CREATE TRIGGER posts_log AFTER INSERT ON posts BEGIN"
              + " INSERT INTO log VALUES (new.title); END",
          "INSERT INTO posts (title) VALUES ('one')");
      DatabaseSchema withLog = schema(posts, table("log").nullableText("msg").build());
      Pusher.push(
          db,
          SqliteDialect.INSTANCE,
          withLog,
          false,
          LOCK); // log is a model now: nothing else changes
      // title becomes nullable: SQLite cannot ALTER that, posts is rebuilt.
      DatabaseSchema rebuilt = schema(table("posts").id().nullableText("title").build(),
          table("log").nullableText("msg").build());
      assertTrue(
          Pusher.plan(db, SqliteDialect.INSTANCE, rebuilt).stream()
              .anyMatch(s -> s.contains("__new_posts")));

      PushResult result = Pusher.push(db, SqliteDialect.INSTANCE, rebuilt, false, LOCK);

      assertEquals(List.of(), result.acceptedLosses());
      Sqlite.exec(db, "INSERT INTO posts (title) VALUES ('two')");
      assertEquals(List.of("one", "two"), Sqlite.rows(db, "SELECT title FROM titles ORDER BY 1"));
      // The trigger fired for 'one' and 'two' only: not for rows the rebuild copied.
      assertEquals(List.of("one", "two"), Sqlite.rows(db, "SELECT msg FROM log ORDER BY 1"));
    }

    @Test
    void triggersOnTablesWhoseRowsAreSetAsideDoNotFire() throws Exception {
      Table users = table("users").id().text("name").build();
      Table comments = table("comments").id().integer("userId")
          .references("userId", "users", "id", dev.nanoka.core.schema.ForeignKey.Action.CASCADE)
          .build();
      Table log = table("log").nullableText("msg").build();
      Sqlite.create(db, schema(users, comments, log));
      Sqlite.exec(db, "INSERT INTO users (name) VALUES ('Ada')",
          "INSERT INTO comments (userId) VALUES (1)",
          "CREATE TRIGGER comments_in AFTER INSERT ON comments BEGIN"
              + " INSERT INTO log VALUES ('insert'); END",
          "CREATE TRIGGER comments_out AFTER DELETE ON comments BEGIN"
              + " INSERT INTO log VALUES ('delete'); END");
      // users.name becomes nullable: users is rebuilt, comments set aside and restored.
      DatabaseSchema rebuilt =
          schema(table("users").id().nullableText("name").build(), comments, log);

      assertEquals(
          List.of(),
          Pusher.push(db, SqliteDialect.INSTANCE, rebuilt, false, LOCK).acceptedLosses());

      assertEquals(List.of("1|1"), Sqlite.rows(db, "SELECT id, userId FROM comments"));
      assertEquals(List.of(), Sqlite.rows(db, "SELECT msg FROM log"));
      assertEquals(List.of("comments_in", "comments_out"), Sqlite.rows(db,
          "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"));
    }

    @Test
    void aViewReadingADroppedColumnIsReportedAndDroppedOnlyWhenAccepted() throws Exception {
      Sqlite.create(db, schema(table("posts").id().text("title").nullableText("subtitle")
          .build()));
      Sqlite.exec(db, "CREATE VIEW subtitles AS SELECT subtitle FROM posts");

      DataLossException refused = assertRefused(schema(posts));
      assertEquals(List.of("breaks view subtitles (no such column: subtitle)"),
          refused.losses().stream().map(PushGuardTest::withoutDriverPrefix).toList());

      PushResult accepted = Pusher.push(db, SqliteDialect.INSTANCE, schema(posts), true, LOCK);
      assertEquals(1, accepted.acceptedLosses().size());
      assertEquals(List.of(), Sqlite.rows(db, "SELECT name FROM sqlite_master WHERE type ="
          + " 'view'"));
    }

    @Test
    void aViewBrokenBeforeThePushIsKeptAsItWas() throws Exception {
      Sqlite.create(db, schema(posts));
      Sqlite.exec(db, "CREATE TABLE gone (x text)", "CREATE VIEW stale AS SELECT x FROM gone",
          "DROP TABLE gone");
      DatabaseSchema more =
          schema(table("posts").id().text("title").text("status").defaultText("draft").build());

      assertEquals(
          List.of(), Pusher.push(db, SqliteDialect.INSTANCE, more, false, LOCK).acceptedLosses());

      assertEquals(List.of("stale|CREATE VIEW stale AS SELECT x FROM gone"), Sqlite.rows(db,
          "SELECT name, sql FROM sqlite_master WHERE type = 'view'"));
    }
  }

  // ---- helpers ----

  /** A fresh database holding only this table and these rows. */
  private void recreate(Table table, String... inserts) throws Exception {
    db.close();
    Files.deleteIfExists(dir.resolve("dev.db"));
    db = Sqlite.open(url);
    Sqlite.create(db, schema(table));
    Sqlite.exec(db, inserts);
  }

  private DataLossException assertRefused(DatabaseSchema models) throws Exception {
    return assertRefused(models, false);
  }

  /**
   * Refused without acceptance (and with it, when the change cannot run over the rows), and
   * the database file is byte for byte what it was.
   */
  private DataLossException assertRefused(DatabaseSchema models, boolean evenWhenAccepted)
      throws Exception {
    byte[] before = Files.readAllBytes(dir.resolve("dev.db"));
    DataLossException refused =
        assertThrows(
            DataLossException.class,
            () -> Pusher.push(db, SqliteDialect.INSTANCE, models, false, LOCK));
    assertTrue(!refused.problems().isEmpty());
    if (evenWhenAccepted) {
      assertThrows(
          DataLossException.class,
          () -> Pusher.push(db, SqliteDialect.INSTANCE, models, true, LOCK));
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("dev.db"))),
        "a refused push must leave the file as it was");
    return refused;
  }

  private static String noSuchTable(String table) {
    return "no such table: " + table;
  }

  /** sqlite-jdbc wraps SQLite's message: "[SQLITE_ERROR] SQL error or missing database (…)". */
  static String withoutDriverPrefix(String line) {
    return line.replaceAll("\\[SQLITE_[A-Z]+\\] [^(]*\\((.*)\\)\\)", "$1)");
  }
}
