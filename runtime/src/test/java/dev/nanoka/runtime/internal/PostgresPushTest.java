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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.testing.ColumnBuilder;
import dev.nanoka.runtime.DataLossException;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.PushResult;
import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * push on a real PostgreSQL server: the one differ and data-loss rules, PostgreSQL's renderer,
 * the rows counted in the push's own transaction; a refused push leaves schema and rows as they
 * were.
 */
@ExtendWith(PostgresExtension.class)
class PostgresPushTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  static final DatabaseSchema V1 = schema(
      table("users")
          .col(new ColumnBuilder("id", type("serial")).pk().autoIncrement().notNull())
          .col(new ColumnBuilder("email", type("varchar(40)")).notNull().unique())
          .col(new ColumnBuilder("bio", type("text")))
          .col(new ColumnBuilder("visits", type("bigint")))
          .col(new ColumnBuilder("status", enumType("status", "new", "active", "gone")))
          .build(),
      table("posts")
          .col(new ColumnBuilder("id", type("serial")).pk().autoIncrement().notNull())
          .col(new ColumnBuilder("userId", type("integer")).notNull())
          .col(new ColumnBuilder("title", type("text")))
          .references("userId", "users", "id", Action.CASCADE)
          .build());

  private static PushResult push(Connection c, DatabaseSchema models, boolean accept)
      throws Exception {
    return Pusher.push(c, new PostgresDialect(JournalTimes.NONE), models, accept, WAIT);
  }

  private static void exec(Connection c, String... sql) throws Exception {
    try (Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  /** Every row of every table, as text: what a refused push must leave alone. */
  private static List<String> rows(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    for (String table : PostgresIntrospector.read(c).tables().stream().map(t -> t.name())
        .sorted().toList()) {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT t::text FROM \"" + table + "\" t ORDER BY 1")) {
        while (r.next()) {
          out.add(table + " " + r.getString(1));
        }
      }
    }
    return out;
  }

  private static Connection seeded(PostgresDatabase db) throws Exception {
    Connection c = db.connect();
    push(c, V1, false);
    exec(c, "INSERT INTO users (email, bio, visits, status) VALUES ('a@x', 'hello', 3000000000,"
            + " 'gone'), ('b@x', NULL, 1, 'new')",
        "INSERT INTO posts (\"userId\", title) VALUES (1, 't1'), (2, NULL)");
    return c;
  }

  @Test
  void createsTheModelsThenFindsNothingToDo(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      PushResult first = push(c, PostgresIntrospectorTest.EVERY_KIND, false);
      assertTrue(first.statements().get(0).startsWith("CREATE TYPE"), first.toString());
      assertEquals(stored(PostgresIntrospectorTest.EVERY_KIND),
          stored(PostgresIntrospector.read(c)));
      assertEquals(List.of(), Pusher.plan(c, new PostgresDialect(JournalTimes.NONE),
          PostgresIntrospectorTest.EVERY_KIND));
      assertEquals(List.of(), push(c, PostgresIntrospectorTest.EVERY_KIND, false).statements());
    }
  }

  @Test
  void dataLossIsRefusedWithTheRowsCountedAndNothingChanges(PostgresDatabase db)
      throws Exception {
    try (Connection c = seeded(db)) {
      DatabaseSchema before = PostgresIntrospector.read(c);
      List<String> rows = rows(c);
      // posts dropped (2 rows), users.bio dropped (1 value)
      DatabaseSchema models = schema(table("users")
          .col(new ColumnBuilder("id", type("serial")).pk().autoIncrement().notNull())
          .col(new ColumnBuilder("email", type("varchar(40)")).notNull().unique())
          .col(new ColumnBuilder("visits", type("bigint")))
          .col(new ColumnBuilder("status", enumType("status", "new", "active", "gone")))
          .build());

      DataLossException e = assertThrows(DataLossException.class, () -> push(c, models, false));

      assertEquals(List.of("drops column users.bio, which holds 1 value(s)",
          "drops table posts, which holds 2 row(s)"), e.losses().stream().sorted().toList());
      assertEquals(before, PostgresIntrospector.read(c));
      assertEquals(rows, rows(c));
      assertTrue(c.getAutoCommit());

      PushResult accepted = push(c, models, true);
      assertEquals(e.losses(), accepted.acceptedLosses());
      assertEquals(stored(models), stored(PostgresIntrospector.read(c)));
      assertEquals(List.of("users (1,a@x,3000000000,gone)", "users (2,b@x,1,new)"), rows(c));
    }
  }

  @Test
  void valuesTheNewTypeCannotHoldMakeThePushUnexecutable(PostgresDatabase db) throws Exception {
    try (Connection c = seeded(db)) {
      DatabaseSchema before = PostgresIntrospector.read(c);
      List<String> rows = rows(c);
      // bigint → integer: 3000000000 does not fit; the enum loses 'gone', which a row holds
      DatabaseSchema models = schema(
          table("users")
              .col(new ColumnBuilder("id", type("serial")).pk().autoIncrement().notNull())
              .col(new ColumnBuilder("email", type("varchar(40)")).notNull().unique())
              .col(new ColumnBuilder("bio", type("text")))
              .col(new ColumnBuilder("visits", type("integer")))
              .col(new ColumnBuilder("status", enumType("status", "new", "active")))
              .build(),
          V1.tables().get(1));

      DataLossException e = assertThrows(DataLossException.class, () -> push(c, models, true));

      assertEquals(2, e.unexecutable().size(), e.getMessage());
      assertTrue(e.unexecutable().stream().anyMatch(l -> l.startsWith("changes users.visits from"
          + " bigint to integer, but a value there does not convert: ERROR: integer out of"
          + " range")), e.getMessage());
      assertTrue(e.unexecutable().contains("users.status holds 1 value(s) that are no longer"
          + " constants of its enum (new, active), e.g. gone"), e.getMessage());
      assertEquals(before, PostgresIntrospector.read(c));
      assertEquals(rows, rows(c));
    }
  }

  @Test
  void textCutToAShorterVarcharIsALossThatAcceptingApplies(PostgresDatabase db)
      throws Exception {
    try (Connection c = seeded(db)) {
      DatabaseSchema models = schema(
          table("users")
              .col(new ColumnBuilder("id", type("serial")).pk().autoIncrement().notNull())
              .col(new ColumnBuilder("email", type("varchar(40)")).notNull().unique())
              .col(new ColumnBuilder("bio", type("varchar(3)")))
              .col(new ColumnBuilder("visits", type("bigint")))
              .col(new ColumnBuilder("status", enumType("status", "new", "active", "gone")))
              .build(),
          V1.tables().get(1));

      DataLossException e = assertThrows(DataLossException.class, () -> push(c, models, false));
      assertEquals(List.of("changes users.bio from text to varchar(3), but 1 value(s) do not"
          + " convert exactly (e.g. hello becomes hel)"), e.losses());

      push(c, models, true);
      assertEquals(storedByName(models), storedByName(PostgresIntrospector.read(c)));
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT bio FROM users WHERE id = 1")) {
        r.next();
        assertEquals("hel", r.getString(1));
      }
    }
  }

  @Test
  void aUniqueIndexOverDuplicatesAndARequiredColumnCannotBeAdded(PostgresDatabase db)
      throws Exception {
    try (Connection c = seeded(db)) {
      exec(c, "UPDATE users SET bio = 'same'");
      DatabaseSchema before = PostgresIntrospector.read(c);
      DatabaseSchema models = schema(
          table("users")
              .col(new ColumnBuilder("id", type("serial")).pk().autoIncrement().notNull())
              .col(new ColumnBuilder("email", type("varchar(40)")).notNull().unique())
              .col(new ColumnBuilder("bio", type("text")))
              .col(new ColumnBuilder("visits", type("bigint")))
              .col(new ColumnBuilder("status", enumType("status", "new", "active", "gone")))
              .col(new ColumnBuilder("age", type("integer")).notNull())
              .uniqueIndex("users_bio_idx", "bio")
              .build(),
          V1.tables().get(1));

      DataLossException e = assertThrows(DataLossException.class, () -> push(c, models, true));

      assertEquals(List.of("adds the required column users.age without a default, but users"
          + " holds 2 row(s) (add a default, or reset the database)", "adds the unique index"
          + " users_bio_idx on users(bio), but 1 value(s) occur more than once (e.g. same)"),
          e.unexecutable().stream().sorted().toList());
      assertEquals(before, PostgresIntrospector.read(c));
    }
  }

  @Test
  void sqliteModelsAreRefusedBeforeAnythingIsRead(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      DatabaseSchema sqlite = schema(table("users").id().text("email").build());
      MigrationException e = assertThrows(MigrationException.class, () -> push(c, sqlite, true));
      assertTrue(e.getMessage().contains("users.id"), e.getMessage());
      assertEquals(EMPTY, PostgresIntrospector.read(c));
    }
  }

  @Test
  void addingAnEnumValueIsNoLoss(PostgresDatabase db) throws Exception {
    try (Connection c = seeded(db)) {
      DatabaseSchema models = schema(
          table("users")
              .col(new ColumnBuilder("id", type("serial")).pk().autoIncrement().notNull())
              .col(new ColumnBuilder("email", type("varchar(40)")).notNull().unique())
              .col(new ColumnBuilder("bio", type("text")))
              .col(new ColumnBuilder("visits", type("bigint")))
              .col(new ColumnBuilder("status",
                  enumType("status", "new", "active", "paused", "gone")))
              .build(),
          V1.tables().get(1));
      PushResult result = push(c, models, false);
      assertEquals(List.of("ALTER TYPE \"public\".\"status\" ADD VALUE 'paused' BEFORE 'gone';"),
          result.statements());
      assertEquals(stored(models), stored(PostgresIntrospector.read(c)));
      apply(c, PostgresIntrospector.read(c), models); // nothing left to do
    }
  }
}
