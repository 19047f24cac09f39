package dev.nanoka.runtime.internal;

import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.runtime.postgres.PostgresSchemas.EMPTY;
import static dev.nanoka.runtime.postgres.PostgresSchemas.apply;
import static dev.nanoka.runtime.postgres.PostgresSchemas.enumType;
import static dev.nanoka.runtime.postgres.PostgresSchemas.stored;
import static dev.nanoka.runtime.postgres.PostgresSchemas.storedByName;
import static dev.nanoka.runtime.postgres.PostgresSchemas.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.sql.postgres.PostgresMigrationRenderer;
import dev.nanoka.core.testing.ColumnBuilder;
import dev.nanoka.folder.SnapshotJson;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.postgres.PgEvolutionFolder;
import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import dev.nanoka.runtime.postgres.PostgresRandomSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * introspect(apply(render(empty → S))) = S: what the renderer writes, PostgreSQL reads back as
 * the very schema (modulo the names only code uses), so push and drift see no difference where
 * there is none.
 */
@ExtendWith(PostgresExtension.class)
class PostgresIntrospectorTest {

  @TempDir Path tmp;

  /** Every column kind, default, key and index shape the processor writes for PostgreSQL. */
  static final DatabaseSchema EVERY_KIND = schema(
      table("users")
          .col(new ColumnBuilder("id", type("uuid")).pk().notNull()
              .defaultTo(new ColumnDefault.Expression("gen_random_uuid()")))
          .col(new ColumnBuilder("email", type("varchar(120)")).notNull().unique())
          .col(new ColumnBuilder("name", type("text")).defaultText("it's \"x\""))
          .col(new ColumnBuilder("createdAt", type("timestamp with time zone")).notNull()
              .defaultTo(new ColumnDefault.Expression("now()")))
          .col(new ColumnBuilder("born", type("timestamp with time zone"))
              .defaultText("2024-01-02T03:04:05Z"))
          .col(new ColumnBuilder("active", type("boolean")).notNull().defaultBool(true))
          .col(new ColumnBuilder("score", type("double precision")).defaultNumber("1.5"))
          .col(new ColumnBuilder("ratio", type("real")).defaultNumber("-0.25"))
          .col(new ColumnBuilder("price", type("numeric(12, 2)")).defaultNumber("9.99"))
          .col(new ColumnBuilder("amount", type("numeric")))
          .col(new ColumnBuilder("data", type("jsonb")).defaultText("{}"))
          .col(new ColumnBuilder("avatar", type("bytea")))
          .col(new ColumnBuilder("level", type("smallint")).defaultNumber("-1"))
          .col(new ColumnBuilder("big", type("bigint")).notNull().defaultNumber("0"))
          .col(new ColumnBuilder("status", enumType("user_status", "new", "active", "gone"))
              .notNull().defaultText("new"))
          .col(new ColumnBuilder("token", type("uuid")).unique())
          .index("users_name_email_idx", "name", "email")
          .uniqueIndex("users_level_big_unique_idx", "big", "level")
          .build(),
      table("posts")
          .col(new ColumnBuilder("id", type("serial")).pk().autoIncrement().notNull())
          .col(new ColumnBuilder("authorId", type("uuid")).notNull())
          .col(new ColumnBuilder("editorId", type("uuid")))
          .col(new ColumnBuilder("status", enumType("user_status", "new", "active", "gone")))
          .references(List.of("authorId"), "users", List.of("id"), Action.CASCADE,
              Action.RESTRICT)
          .references(List.of("editorId"), "users", List.of("id"), Action.NO_ACTION,
              Action.SET_NULL)
          .index("posts_authorId_idx", "authorId")
          .build(),
      table("post_tags")
          .col(new ColumnBuilder("postId", type("integer")).notNull())
          .col(new ColumnBuilder("tag", type("varchar(40)")).notNull())
          .col(new ColumnBuilder("weight", type("integer")).notNull().defaultNumber("1"))
          .primaryKey("tag", "postId")
          .references(List.of("postId"), "posts", List.of("id"), Action.SET_DEFAULT,
              Action.CASCADE)
          .build(),
      table("events")
          .col(new ColumnBuilder("id", type("bigserial")).pk().autoIncrement().notNull())
          .col(new ColumnBuilder("tagPost", type("integer")))
          .col(new ColumnBuilder("tag", type("varchar(40)")))
          .references(List.of("tag", "tagPost"), "post_tags", List.of("tag", "postId"),
              Action.NO_ACTION, Action.NO_ACTION)
          .build());

  /** Names PostgreSQL would fold or refuse unquoted; we always quote. */
  static final DatabaseSchema HOSTILE = schema(
      table("we\"ird ta-ble")
          .col(new ColumnBuilder("select", type("integer")).pk().notNull())
          .col(new ColumnBuilder("Mixed Case", type("text")).unique())
          .col(new ColumnBuilder("ユニコード", type("text")).defaultText("ü'ß"))
          .col(new ColumnBuilder("it's", enumType("Post Status", "it's", "a b", "ü", "NULL"))
              .defaultText("a b"))
          .index("idx \"q\" ü", "ユニコード", "Mixed Case")
          .build(),
      table("Order")
          .col(new ColumnBuilder("ID", type("serial")).pk().autoIncrement().notNull())
          .col(new ColumnBuilder("from", type("integer")))
          .references(List.of("from"), "we\"ird ta-ble", List.of("select"), Action.NO_ACTION,
              Action.CASCADE)
          .build(),
      table("group")
          .col(new ColumnBuilder("user", type("text")).notNull())
          .col(new ColumnBuilder("group", type("text")).notNull())
          .primaryKey("user", "group")
          .build());

  @Test
  void whatTheRendererWritesReadsBackAsTheSameSchema(PostgresDatabase db) throws Exception {
    for (DatabaseSchema schema : List.of(EVERY_KIND, HOSTILE)) {
      try (Connection c = db.connect()) {
        reset(c);
        apply(c, EMPTY, schema);
        DatabaseSchema read = PostgresIntrospector.read(c);
        assertEquals(stored(schema).toString(), stored(read).toString());
        assertEquals(stored(schema), stored(read));
        // and so push finds nothing to do
        assertTrue(PostgresMigrationRenderer.render(
            SchemaDiffer.diff(read, schema, RenameHints.NONE), schema).isEmpty());
      }
    }
  }

  /** The randomized evolution test's schemas (every type, default and edge name), from empty. */
  @Test
  void randomSchemasReadBackAsTheSameSchema(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      for (long seed = 1; seed <= 100; seed++) {
        PostgresRandomSchemas gen = new PostgresRandomSchemas(seed);
        DatabaseSchema schema = gen.schema();
        DatabaseSchema evolved = gen.evolve(schema);
        for (DatabaseSchema s : List.of(schema, evolved)) {
          reset(c);
          apply(c, EMPTY, s);
          assertEquals(stored(s), stored(PostgresIntrospector.read(c)), "seed " + seed);
        }
      }
    }
  }

  @Test
  void theSessionTimeZoneDoesNotChangeATimestampDefault(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'Asia/Kolkata'");
      apply(c, EMPTY, EVERY_KIND);
      assertEquals(stored(EVERY_KIND), stored(PostgresIntrospector.read(c)));
    }
  }

  /**
   * The pg-evolution fixture the processor generated (it-tests goldens): after each migration
   * the database reads back as that migration's snapshot says.
   */
  @Test
  void eachFixtureVersionReadsBackAsItsSnapshot(PostgresDatabase db) throws Exception {
    Path dir = tmp.resolve("migrations");
    int versions = PgEvolutionFolder.copy(dir).size();
    assertEquals(4, versions);
    for (int version = 1; version <= versions; version++) {
      Migrator.forUrl(db.url()).source(MigrationSource.folder(dir)).target(version).build()
          .migrate();
      Path snapshot = dir.resolve("meta").resolve(String.format("%04d_snapshot.json", version - 1));
      DatabaseSchema expected = SnapshotJson.read(snapshot, Files.readString(snapshot), true)
          .schema().orElseThrow();
      try (Connection c = db.connect()) {
        DatabaseSchema read = PostgresIntrospector.read(c);
        // columns added later are last in the table, wherever the models have them
        assertEquals(storedByName(expected), storedByName(read), "version " + version);
        assertTrue(SchemaDiffer.diff(read, expected, RenameHints.NONE).changes().isEmpty());
      }
    }
  }

  private static void reset(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }
}
