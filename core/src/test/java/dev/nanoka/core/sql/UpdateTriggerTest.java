package dev.nanoka.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.DownMigration;
import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.OnRowUpdate;
import dev.nanoka.core.schema.SchemaText;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.UpdateTrigger;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.Sqlite;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code onRowUpdate}'s trigger on real SQLite: it stamps rows any writer updates, keeps a value
 * an UPDATE sets, and every migration that touches its table or column (add, remove, rebuild,
 * rename, drop, and their down migrations) leaves exactly the triggers the schema says.
 */
class UpdateTriggerTest {

  private static final LogicalType MILLIS =
      new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.MILLISECONDS);
  private static final LogicalType SECONDS =
      new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.SECONDS);

  private final Connection db = Sqlite.memory(true);

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  // ------------------------------------------------------------------ what the trigger does

  @Test
  void anUpdateThatLeavesTheColumnAloneMovesIt() throws Exception {
    migrate(Schemas.EMPTY, schema(posts("posts", "updatedAt", MILLIS, true, true)));
    Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', 1000)");
    long before = System.currentTimeMillis();
    Sqlite.exec(db, "UPDATE posts SET title = 'b'");
    long stamped = Sqlite.longValue(db, "SELECT updatedAt FROM posts");
    assertTrue(stamped >= before - 1000 && stamped <= System.currentTimeMillis() + 1000,
        "stamped " + stamped + ", now is " + before);
  }

  @Test
  void anUpdateThatSetsTheColumnKeepsItsValue() throws Exception {
    migrate(Schemas.EMPTY, schema(posts("posts", "updatedAt", MILLIS, true, true)));
    Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', 1000)",
        "UPDATE posts SET title = 'b', updatedAt = 5");
    assertEquals(5, Sqlite.longValue(db, "SELECT updatedAt FROM posts"));
  }

  @Test
  void secondsAndNullValuesAreStampedToo() throws Exception {
    migrate(Schemas.EMPTY, schema(posts("posts", "updatedAt", SECONDS, false, true)));
    Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', NULL)",
        "UPDATE posts SET title = 'b'");
    long stamped = Sqlite.longValue(db, "SELECT updatedAt FROM posts");
    assertTrue(Math.abs(stamped - System.currentTimeMillis() / 1000) <= 2, "stamped " + stamped);
  }

  @Test
  void recursiveTriggersOnDoNotLoop() throws Exception {
    // The trigger's own UPDATE fires it again when recursive_triggers is on; OLD IS NOT now
    // stops it even in the same second (a bare NEW IS OLD would recurse 1000 levels and fail).
    Sqlite.exec(db, "PRAGMA recursive_triggers = ON");
    migrate(Schemas.EMPTY, schema(posts("posts", "updatedAt", SECONDS, true, true)));
    Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', 0)");
    for (int i = 0; i < 5; i++) {
      Sqlite.exec(db, "UPDATE posts SET title = 'x" + i + "'");
    }
    assertTrue(Sqlite.longValue(db, "SELECT updatedAt FROM posts") > 0);
  }

  @Test
  void hostileNamesAreQuoted() throws Exception {
    String table = "we\"ird `t` é select";
    String column = "up`dated \"at\" order";
    migrate(Schemas.EMPTY, schema(posts(table, column, MILLIS, true, true)));
    String qt = SqliteDdl.quote(table);
    String qc = SqliteDdl.quote(column);
    Sqlite.exec(db, "INSERT INTO " + qt + " (title, " + qc + ") VALUES ('a', 7)",
        "UPDATE " + qt + " SET title = 'b'");
    assertTrue(Sqlite.longValue(db, "SELECT " + qc + " FROM " + qt) > 7);
    assertEquals(List.of(table + "_" + column + "_on_update"), triggers());
  }

  @Test
  void aColumnNamedRowidDoesNotShadowTheRow() throws Exception {
    Table t = table("t", List.of(
        new Column("id", "id", new LogicalType.Int(), true, true, false, false, Optional.empty()),
        new Column("rowid", "rowid", new LogicalType.Text(), false, false, false, false,
            Optional.empty()),
        stamp("at", MILLIS, true, true)));
    migrate(Schemas.EMPTY, schema(t));
    assertTrue(Sqlite.column(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger'").get(0)
        .contains("WHERE _rowid_ = NEW._rowid_"));
    Sqlite.exec(db, "INSERT INTO t (id, rowid, at) VALUES (10, 'x', 1), (20, 'y', 1)",
        "UPDATE t SET rowid = 'z' WHERE id = 20");
    assertEquals(List.of("10|1"), Sqlite.rows(db, "SELECT id, at FROM t WHERE at = 1"));
  }

  // ------------------------------------------------------------------ migrations

  @Test
  void addingAndRemovingTheOptionCreatesAndDropsOnlyTheTrigger() throws Exception {
    DatabaseSchema without = schema(posts("posts", "updatedAt", MILLIS, true, false));
    DatabaseSchema with = schema(posts("posts", "updatedAt", MILLIS, true, true));
    migrate(Schemas.EMPTY, without);
    List<String> add = migrate(without, with);
    assertEquals(1, add.size(), add.toString());
    assertTrue(add.get(0).startsWith("CREATE TRIGGER `posts_updatedAt_on_update` AFTER UPDATE"));
    assertEquals(List.of("posts_updatedAt_on_update"), triggers());
    assertEquals(List.of("DROP TRIGGER IF EXISTS `posts_updatedAt_on_update`;"),
        migrate(with, without));
    assertEquals(List.of(), triggers());
  }

  @Test
  void theTriggerTextIsExactlyThis() {
    assertEquals("CREATE TRIGGER `posts_updatedAt_on_update` AFTER UPDATE ON `posts` FOR EACH ROW"
        + " WHEN NEW.`updatedAt` IS OLD.`updatedAt` AND OLD.`updatedAt` IS NOT (unixepoch())"
        + " BEGIN UPDATE `posts` SET `updatedAt` = (unixepoch()) WHERE rowid = NEW.rowid; END;",
        SqliteDdl.createTrigger(new UpdateTrigger("posts", "updatedAt",
            OnRowUpdate.now(LogicalType.Timestamp.TimeUnit.SECONDS), "rowid")));
  }

  @Test
  void aRebuildKeepsTheTriggerAndEveryRow() throws Exception {
    Table comments = table("comments", List.of(
        new Column("id", "id", new LogicalType.Int(), true, true, true, false, Optional.empty()),
        new Column("postId", "postId", new LogicalType.Int(), true, false, false, false,
            Optional.empty())),
        List.of(new ForeignKey("comments_postId_posts_id_fk", List.of("postId"), "posts",
            List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE)));
    DatabaseSchema v1 = schema(posts("posts", "updatedAt", MILLIS, true, true), comments);
    Table nullableTitle = posts("posts", "updatedAt", MILLIS, true, true);
    List<Column> columns = new ArrayList<>(nullableTitle.columns());
    Column title = columns.get(1);
    columns.set(1, new Column(title.name(), title.property(), title.type(), false, false, false,
        false, Optional.empty()));
    DatabaseSchema v2 = schema(table("posts", columns), comments);
    migrate(Schemas.EMPTY, v1);
    Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', 1), ('b', 2)",
        "INSERT INTO comments (postId) VALUES (1), (2)");

    SchemaDiff diff = SchemaDiffer.diff(v1, v2, RenameHints.NONE);
    assertTrue(diff.changes().stream().anyMatch(c -> c instanceof SchemaChange.RebuildTable));
    List<String> statements = migrate(v1, v2);
    assertTrue(statements.get(0).startsWith("DROP TRIGGER"), statements.toString());
    assertTrue(statements.get(statements.size() - 1).startsWith("CREATE TRIGGER"),
        statements.toString());

    // the rebuild itself stamped nothing, and kept every row of both tables
    assertEquals(List.of("1|a|1", "2|b|2"), Sqlite.rows(db, "SELECT * FROM posts ORDER BY id"));
    assertEquals(2, Sqlite.count(db, "comments"));
    assertEquals(List.of("posts_updatedAt_on_update"), triggers());
    Sqlite.exec(db, "UPDATE posts SET title = NULL WHERE id = 1");
    assertTrue(Sqlite.longValue(db, "SELECT updatedAt FROM posts WHERE id = 1") > 2);
    assertEquals(2, Sqlite.longValue(db, "SELECT updatedAt FROM posts WHERE id = 2"));
  }

  @Test
  void aReferencingTableLosingItsOptionWhileItsParentIsRebuiltEndsWithoutTheTrigger()
      throws Exception {
    Table parent = posts("posts", "updatedAt", MILLIS, true, false);
    List<Column> nullable = new ArrayList<>(parent.columns());
    nullable.set(1, new Column("title", "title", new LogicalType.Text(), false, false, false,
        false, Optional.empty()));
    DatabaseSchema v1 = schema(parent, comments(true));
    DatabaseSchema v2 = schema(table("posts", nullable), comments(false));
    migrate(Schemas.EMPTY, v1);
    Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', 1)",
        "INSERT INTO comments (postId, at) VALUES (1, 5)");
    List<String> statements = migrate(v1, v2);
    assertEquals(1, statements.stream().filter(s -> s.startsWith("DROP TRIGGER")).count(),
        statements.toString());
    assertEquals(List.of(), triggers());
    assertEquals(List.of("1|1|5"), Sqlite.rows(db, "SELECT * FROM comments"));
  }

  @Test
  void aReferencingTableKeepsItsTriggerAndItsStampsWhileItsParentIsRebuilt() throws Exception {
    Table parent = posts("posts", "updatedAt", MILLIS, true, false);
    List<Column> nullable = new ArrayList<>(parent.columns());
    nullable.set(1, new Column("title", "title", new LogicalType.Text(), false, false, false,
        false, Optional.empty()));
    DatabaseSchema v1 = schema(parent, comments(true));
    DatabaseSchema v2 = schema(table("posts", nullable), comments(true));
    migrate(Schemas.EMPTY, v1);
    Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', 1)",
        "INSERT INTO comments (postId, at) VALUES (1, 5)");
    migrate(v1, v2);
    assertEquals(List.of("comments_at_on_update"), triggers());
    assertEquals(List.of("1|1|5"), Sqlite.rows(db, "SELECT * FROM comments"));
  }

  private static Table comments(boolean option) {
    return table("comments", List.of(
        new Column("id", "id", new LogicalType.Int(), true, true, true, false, Optional.empty()),
        new Column("postId", "postId", new LogicalType.Int(), true, false, false, false,
            Optional.empty()),
        stamp("at", MILLIS, true, option)),
        List.of(new ForeignKey("comments_postId_posts_id_fk", List.of("postId"), "posts",
            List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE)));
  }

  @Test
  void sqliteRefusesToDropAColumnATriggerNamesSoTheTriggerGoesFirst() throws Exception {
    DatabaseSchema with = schema(posts("posts", "updatedAt", MILLIS, false, true));
    migrate(Schemas.EMPTY, with);
    // why the order matters: SQLite checks triggers when a column goes
    SQLException refused = assertThrows(SQLException.class,
        () -> Sqlite.exec(db, "ALTER TABLE posts DROP COLUMN updatedAt"));
    assertTrue(refused.getMessage().contains("trigger"), refused.getMessage());

    Table gone = table("posts", with.tables().get(0).columns().subList(0, 2));
    List<String> statements = migrate(with, schema(gone),
        new RenameHints(Map.of(), Map.of(), Set.of(), Map.of("posts", Set.of("updatedAt"))));
    assertEquals(List.of("DROP TRIGGER IF EXISTS `posts_updatedAt_on_update`;",
        "ALTER TABLE `posts` DROP COLUMN `updatedAt`;"), statements);
    assertEquals(List.of(), triggers());
  }

  @Test
  void droppingTheTableDropsTheTrigger() throws Exception {
    DatabaseSchema with = schema(posts("posts", "updatedAt", MILLIS, true, true),
        posts("other", "at", MILLIS, true, false));
    migrate(Schemas.EMPTY, with);
    List<String> statements = migrate(with, schema(with.tables().get(1)),
        new RenameHints(Map.of(), Map.of(), Set.of("posts"), Map.of()));
    assertEquals("DROP TRIGGER IF EXISTS `posts_updatedAt_on_update`;", statements.get(0));
    assertEquals(List.of(), triggers());
  }

  @Test
  void renamingTheTableOrColumnRecreatesTheTriggerUnderItsNewName() throws Exception {
    DatabaseSchema v1 = schema(posts("posts", "updatedAt", MILLIS, true, true));
    DatabaseSchema v2 = schema(posts("articles", "editedAt", MILLIS, true, true));
    RenameHints hints = new RenameHints(Map.of("articles", "posts"),
        Map.of("articles", Map.of("editedAt", "updatedAt")), Set.of(), Map.of());
    migrate(Schemas.EMPTY, v1);
    Sqlite.exec(db, "INSERT INTO posts (title, updatedAt) VALUES ('a', 1)");
    migrate(v1, v2, hints);
    assertEquals(List.of("articles_editedAt_on_update"), triggers());
    Sqlite.exec(db, "UPDATE articles SET title = 'b'");
    assertTrue(Sqlite.longValue(db, "SELECT editedAt FROM articles") > 1);

    // and the down migration puts the old one back
    List<String> down = statements(DownMigration.of(v1, v2, hints));
    down.forEach(this::exec);
    assertEquals(List.of("posts_updatedAt_on_update"), triggers());
  }

  @Test
  void theDownMigrationOfAddingTheOptionDropsTheTrigger() throws Exception {
    DatabaseSchema without = schema(posts("posts", "updatedAt", MILLIS, true, false));
    DatabaseSchema with = schema(posts("posts", "updatedAt", MILLIS, true, true));
    migrate(Schemas.EMPTY, without);
    migrate(without, with);
    List<String> down = statements(DownMigration.of(without, with, RenameHints.NONE));
    assertEquals(List.of("DROP TRIGGER IF EXISTS `posts_updatedAt_on_update`;"), down);
    down.forEach(this::exec);
    assertEquals(List.of(), triggers());
  }

  @Test
  void theSchemaTextCarriesTheOption() {
    DatabaseSchema with = schema(posts("posts", "updatedAt", SECONDS, true, true));
    String text = SchemaText.write(with);
    assertTrue(text.contains("\non-row-update\t(unixepoch())\n"), text);
    assertEquals(with, SchemaText.read(text));
    assertThrows(IllegalArgumentException.class, () -> SchemaText.read(
        "nanoka-schema 1\ntable\tt\tt\non-row-update\t(unixepoch())\n"));
  }

  // ------------------------------------------------------------------ helpers

  private static Column stamp(String name, LogicalType type, boolean notNull, boolean option) {
    String now = ((LogicalType.Timestamp) type).unit() == LogicalType.Timestamp.TimeUnit.SECONDS
        ? OnRowUpdate.NOW_SECONDS : OnRowUpdate.NOW_MILLIS;
    return new Column(name, name, type, notNull, false, false, false,
        Optional.of(new ColumnDefault.Expression(now)),
        option ? Optional.of(OnRowUpdate.now(((LogicalType.Timestamp) type).unit()))
            : Optional.empty());
  }

  private static Table posts(String name, String stampColumn, LogicalType type, boolean notNull,
      boolean option) {
    return table(name, List.of(
        new Column("id", "id", new LogicalType.Int(), true, true, true, false, Optional.empty()),
        new Column("title", "title", new LogicalType.Text(), true, false, false, false,
            Optional.empty()),
        stamp(stampColumn, type, notNull, option)));
  }

  private static Table table(String name, List<Column> columns) {
    return table(name, columns, List.of());
  }

  private static Table table(String name, List<Column> columns, List<ForeignKey> keys) {
    return new Table(name, name, columns, List.of(), List.of(), keys);
  }

  private static DatabaseSchema schema(Table... tables) {
    return new DatabaseSchema(List.of(tables));
  }

  private List<String> migrate(DatabaseSchema from, DatabaseSchema to) {
    return migrate(from, to, RenameHints.NONE);
  }

  private List<String> migrate(DatabaseSchema from, DatabaseSchema to, RenameHints hints) {
    List<String> statements = statements(SchemaDiffer.diff(from, to, hints));
    Sqlite.applyAll(db, statements, true, "migration");
    return statements;
  }

  private static List<String> statements(SchemaDiff diff) {
    return SqliteMigrationRenderer.render(diff).stream().map(MigrationStatement::sql).toList();
  }

  private void exec(String sql) {
    try {
      Sqlite.exec(db, sql);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  private List<String> triggers() throws SQLException {
    return Sqlite.column(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
  }
}
