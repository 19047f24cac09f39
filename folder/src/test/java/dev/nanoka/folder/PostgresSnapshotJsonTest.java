package dev.nanoka.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** drizzle-kit's PostgreSQL snapshot: what is written reads back as the same schema. */
class PostgresSnapshotJsonTest {

  private static final Path FILE = Path.of("meta/0000_snapshot.json");

  private static Column column(String name, String sql, LogicalType meaning, boolean notNull,
      boolean pk, boolean unique, Optional<ColumnDefault> value) {
    return new Column(name, name, new LogicalType.Native(sql, meaning), notNull, pk,
        sql.endsWith("serial"), unique, value);
  }

  static final DatabaseSchema SCHEMA = new DatabaseSchema(List.of(
      new Table("users", "users", List.of(
          column("id", "uuid", new LogicalType.Text(), true, true, false,
              Optional.of(new ColumnDefault.Expression("gen_random_uuid()"))),
          column("e\"mail", "text", new LogicalType.Text(), true, false, true, Optional.empty()),
          column("age", "bigint", new LogicalType.Int(), false, false, false,
              Optional.of(new ColumnDefault.Number("-3"))),
          column("at", "timestamp with time zone",
              new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.MILLISECONDS), true, false,
              false, Optional.of(new ColumnDefault.Expression("now()"))),
          column("status", "post_status", new LogicalType.EnumText(List.of("a'b", "c")), true,
              false, false, Optional.of(new ColumnDefault.Text("a'b")))),
          List.of(), List.of(new TableIndex("users_age_idx", List.of("age", "at"), false)),
          List.of()),
      new Table("posts", "posts", List.of(
          column("id", "serial", new LogicalType.Int(), true, true, false, Optional.empty()),
          column("userId", "uuid", new LogicalType.Text(), true, false, false, Optional.empty()),
          column("on", "boolean", new LogicalType.Bool(), true, false, false,
              Optional.of(new ColumnDefault.Bool(true)))),
          List.of(), List.of(),
          List.of(new ForeignKey("posts_userId_users_id_fk", List.of("userId"), "users",
              List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE))),
      new Table("tags", "tags", List.of(
          column("a", "integer", new LogicalType.Int(), true, false, false, Optional.empty()),
          column("b", "text", new LogicalType.Text(), true, false, false, Optional.empty())),
          List.of("a", "b"), List.of(), List.of())));

  @Test
  void readsBackWhatItWrites() throws Exception {
    String text = PostgresSnapshotJson.write(SCHEMA, Snapshot.NO_PREVIOUS, List.of());
    Snapshot read = SnapshotJson.read(FILE, text, true);
    DatabaseSchema back = read.schema().orElseThrow();
    // tables come back sorted by name, as the snapshot keys them
    for (Table table : SCHEMA.tables()) {
      assertEquals(table, back.table(table.name()).orElseThrow());
    }
    assertEquals(text, PostgresSnapshotJson.write(back, Snapshot.NO_PREVIOUS, List.of()),
        "the same schema gives the same bytes, id included");
    assertNotEquals(read.id(), SnapshotJson.read(FILE,
        PostgresSnapshotJson.write(SCHEMA, read.id(), List.of()), false).id(),
        "the id depends on prevId");
    assertTrue(text.contains("\"public.post_status\" : {") || text.contains(
        "\"public.post_status\": {"), text);
  }

  @Test
  void refusesWhatNanokaCannotModel() {
    String text = PostgresSnapshotJson.write(SCHEMA, Snapshot.NO_PREVIOUS, List.of());
    MigrationFolderException type = assertThrows(MigrationFolderException.class,
        () -> SnapshotJson.read(FILE, text.replace("\"type\": \"bigint\"",
            "\"type\": \"interval\""), true));
    assertTrue(type.getMessage().contains("has a column of type \"interval\", which Nanoka does"
        + " not model"), type.getMessage());
    MigrationFolderException index = assertThrows(MigrationFolderException.class,
        () -> SnapshotJson.read(FILE, text.replace("\"isExpression\": false",
            "\"isExpression\": true"), true));
    assertTrue(index.getMessage().contains("is on an expression"), index.getMessage());
    MigrationFolderException enumMissing = assertThrows(MigrationFolderException.class,
        () -> SnapshotJson.read(FILE, text.replace("\"public.post_status\"",
            "\"public.other\"").replace("\"name\": \"post_status\"", "\"name\": \"other\""),
            true));
    assertTrue(enumMissing.getMessage().contains("enum type \"post_status\""),
        enumMissing.getMessage());
  }
}
