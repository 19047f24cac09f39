package dev.nanoka.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.OnRowUpdate;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.testing.Migrations;
import dev.nanoka.core.testing.Sqlite;
import dev.nanoka.runtime.internal.Pusher;
import dev.nanoka.runtime.internal.SqlSplitter;
import dev.nanoka.runtime.internal.SqliteDialect;
import dev.nanoka.runtime.internal.SqliteIntrospector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime and {@code onRowUpdate}'s trigger on real SQLite files: introspection reads it back
 * into the column, push creates and drops it (and leaves other triggers as they were), migrate
 * applies it, and drift reports it missing when dropped by hand or extra when added by hand.
 */
class OnRowUpdateTest {

  private static final Duration LOCK = Duration.ofSeconds(5);
  private static final LogicalType.Timestamp.TimeUnit MS =
      LogicalType.Timestamp.TimeUnit.MILLISECONDS;

  @TempDir
  Path dir;

  static DatabaseSchema posts(boolean option) {
    return new DatabaseSchema(List.of(new Table("posts", "posts", List.of(
        new Column("id", "id", new LogicalType.Int(), true, true, true, false, Optional.empty()),
        new Column("title", "title", new LogicalType.Text(), true, false, false, false,
            Optional.empty()),
        new Column("updatedAt", "updatedAt", new LogicalType.Timestamp(MS), true, false, false,
            false, Optional.of(new ColumnDefault.Expression(OnRowUpdate.NOW_MILLIS)),
            option ? Optional.of(OnRowUpdate.now(MS)) : Optional.empty())),
        List.of(), List.of(), List.of())));
  }

  @Test
  void pushCreatesTheTriggerAndIntrospectionReadsItBack() throws Exception {
    try (Connection db = Sqlite.open(dir.resolve("push.db"))) {
      Pusher.push(db, SqliteDialect.INSTANCE, posts(true), false, LOCK);
      assertEquals(List.of("posts_updatedAt_on_update"), triggers(db));
      DatabaseSchema read = SqliteIntrospector.read(db);
      assertEquals(Optional.of(OnRowUpdate.now(MS)),
          read.table("posts").get().column("updatedAt").get().onRowUpdate());

      Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', 1)",
          "UPDATE posts SET title = 'b'");
      assertTrue(Sqlite.longValue(db, "SELECT updatedAt FROM posts") > 1);

      // pushing the same models again changes nothing
      assertEquals(List.of(),
          Pusher.push(db, SqliteDialect.INSTANCE, posts(true), false, LOCK).statements());
      assertEquals(List.of("posts_updatedAt_on_update"), triggers(db));

      // removing the option drops it; the row stays
      PushResult removed = Pusher.push(db, SqliteDialect.INSTANCE, posts(false), false, LOCK);
      assertEquals(List.of("DROP TRIGGER IF EXISTS `posts_updatedAt_on_update`;"),
          removed.statements());
      assertEquals(List.of(), triggers(db));
      assertEquals(1, Sqlite.count(db, "posts"));
    }
  }

  @Test
  void aPushThatRebuildsTheTableKeepsTheTriggerAndAnotherTriggerStaysAsItWas() throws Exception {
    try (Connection db = Sqlite.open(dir.resolve("rebuild.db"))) {
      Pusher.push(db, SqliteDialect.INSTANCE, posts(true), false, LOCK);
      Sqlite.exec(db, "CREATE TABLE audit (what text)",
          "CREATE TRIGGER posts_audit AFTER UPDATE ON posts BEGIN"
              + " INSERT INTO audit VALUES (NEW.title); END",
          "INSERT INTO posts (title, updatedAt) VALUES ('a', 1)");
      // the title becomes nullable: a rebuild
      Table t = posts(true).tables().get(0);
      Column title = t.columns().get(1);
      DatabaseSchema nullable = new DatabaseSchema(List.of(new Table("posts", "posts", List.of(
          t.columns().get(0), new Column("title", "title", title.type(), false, false, false,
              false, Optional.empty()), t.columns().get(2)), List.of(), List.of(), List.of()),
          new Table("audit", "audit", List.of(new Column("what", "what", new LogicalType.Text(),
              false, false, false, false, Optional.empty())), List.of(), List.of(), List.of())));
      Pusher.push(db, SqliteDialect.INSTANCE, nullable, false, LOCK);
      assertEquals(List.of("posts_audit", "posts_updatedAt_on_update"), triggers(db));
      assertEquals(List.of("1|a|1"), Sqlite.rows(db, "SELECT * FROM posts"));
      Sqlite.exec(db, "UPDATE posts SET title = NULL");
      assertTrue(Sqlite.longValue(db, "SELECT updatedAt FROM posts") > 1);
      // another AFTER UPDATE trigger sees the user's UPDATE and the stamp's own (recursive
      // triggers only keep a trigger from firing itself): documented in the README
      assertEquals(List.of("null", "null"), Sqlite.rows(db, "SELECT what FROM audit"));
    }
  }

  @Test
  void aTriggerEditedByHandIsNotTakenForOurs() throws Exception {
    try (Connection db = Sqlite.open(dir.resolve("edited.db"))) {
      Pusher.push(db, SqliteDialect.INSTANCE, posts(false), false, LOCK);
      Sqlite.exec(db, "CREATE TRIGGER posts_updatedAt_on_update AFTER UPDATE ON posts BEGIN"
          + " UPDATE posts SET updatedAt = 0 WHERE rowid = NEW.rowid; END");
      assertEquals(Optional.empty(), SqliteIntrospector.read(db).table("posts").get()
          .column("updatedAt").get().onRowUpdate());
    }
  }

  @Test
  void migrateAppliesItAndDriftSeesItMissingOrExtra() throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("0000_init.sql"),
        Migrations.file(new DatabaseSchema(List.of()), posts(true)));
    String url = "jdbc:sqlite:" + dir.resolve("app.db");
    Migrator migrator = Migrator.forUrl(url).source(MigrationSource.folder(migrations)).build();
    migrator.migrate();
    assertEquals(List.of(), migrator.drift());

    Sqlite.exec(dir.resolve("app.db"), "DROP TRIGGER posts_updatedAt_on_update");
    assertEquals(List.of("trigger posts_updatedAt_on_update (posts.updatedAt set on update) is"
        + " missing from the database"), migrator.drift());

    // a database someone gave the trigger that the migrations never wrote
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("0000_init.sql"),
        Migrations.file(new DatabaseSchema(List.of()), posts(false)));
    String otherUrl = "jdbc:sqlite:" + dir.resolve("other.db");
    Migrator without = Migrator.forUrl(otherUrl).source(MigrationSource.folder(other)).build();
    without.migrate();
    try (Connection db = Sqlite.open(dir.resolve("other.db"))) {
      Pusher.push(db, SqliteDialect.INSTANCE, posts(true), false, LOCK);
    }
    assertEquals(List.of("trigger posts_updatedAt_on_update (posts.updatedAt set on update)"
        + " exists only in the database"), without.drift());
  }

  @Test
  void theSplitterKeepsTheTriggerWholeWithAndWithoutBreakpoints() {
    String file = Migrations.file(new DatabaseSchema(List.of()), posts(true));
    List<String> split = SqlSplitter.split(file);
    assertEquals(2, split.size(), split.toString());
    assertTrue(split.get(1).strip().startsWith("CREATE TRIGGER")
        && split.get(1).strip().endsWith("END;"), split.get(1));
    // a hand-written file without markers: the semicolon inside BEGIN … END ends nothing
    List<String> plain = SqlSplitter.split(file.replace("--> statement-breakpoint", "")
        + "\nUPDATE posts SET title = 'x';");
    assertEquals(3, plain.size(), plain.toString());
    assertEquals(split.get(1).strip(), plain.get(1).strip());
  }

  private static List<String> triggers(Connection db) throws Exception {
    return Sqlite.column(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
  }
}
