package dev.nanoka.folder;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.nanoka.core.diff.EffectiveIndexes;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.OnRowUpdate;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.schema.UpdateTrigger;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes drizzle-kit's SQLite snapshot (version "6") and journal JSON, formatted as
 * drizzle-kit formats them ({@code JSON.stringify(value, null, 2)}, no final newline).
 *
 * <p>Defaults are written the way drizzle-kit serializes a schema.ts default, so that
 * {@code drizzle-kit generate} over our schema.ts finds nothing to do: text as an SQL literal
 * string ({@code "'draft'"}), numbers and booleans as JSON values, SQL expressions as strings.
 * A number on a timestamp column is written from an {@code sql`…`} template in schema.ts, so it is
 * a string here too.
 */
public final class SnapshotJson {

  private SnapshotJson() {}

  /**
   * The snapshot text. Its id is derived from its content and {@code prevId}, so an unchanged
   * migration keeps its id on every compile and every machine.
   */
  public static String write(DatabaseSchema schema, String prevId) {
    return write(schema, prevId, List.of());
  }

  /**
   * The snapshot text, with the renames among {@code changes} (the migration's, from the
   * differ) recorded in {@code _meta} as drizzle-kit records them ({@link SnapshotRenames}).
   */
  public static String write(DatabaseSchema schema, String prevId, List<SchemaChange> changes) {
    List<Table> tables = schema.tables().stream()
        .sorted(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT)))
        .toList();
    String tablesText = JsonValue.write(g -> {
      g.writeStartObject();
      for (Table table : tables) {
        g.writeFieldName(table.name());
        table(g, table);
      }
      g.writeEndObject();
    });
    List<UpdateTrigger> triggers = UpdateTrigger.of(schema);
    String onRowUpdateText =
        triggers.isEmpty() ? "" : JsonValue.write(g -> onRowUpdate(g, triggers));
    // a schema without onRowUpdate keeps the id it always had
    String id = UUID.nameUUIDFromBytes((prevId + "\n" + tablesText + onRowUpdateText)
        .getBytes(StandardCharsets.UTF_8)).toString();
    return JsonValue.write(g -> {
      g.writeStartObject();
      g.writeStringField("version", "6");
      g.writeStringField("dialect", "sqlite");
      g.writeStringField("id", id);
      g.writeStringField("prevId", prevId);
      g.writeFieldName("tables");
      // the same text one level deeper: string values never hold a line break
      g.writeRawValue(tablesText.replace("\n", "\n  "));
      SnapshotFields.emptyObject(g, "views");
      SnapshotFields.emptyObject(g, "enums");
      g.writeObjectFieldStart("_meta");
      SnapshotFields.emptyObject(g, "schemas");
      SnapshotRenames.write(g, changes);
      g.writeEndObject();
      g.writeObjectFieldStart("internal");
      SnapshotFields.emptyObject(g, "indexes");
      if (!triggers.isEmpty()) {
        g.writeFieldName(ON_ROW_UPDATE);
        g.writeRawValue(onRowUpdateText.replace("\n", "\n    "));
      }
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /**
   * Where a snapshot records the columns with {@code onRowUpdate}, which drizzle-kit's snapshot
   * has no field for: {@code internal.nanokaOnRowUpdate}, a list of {@code {table, column, set}}.
   * drizzle-kit 0.31 validates snapshots with strict zod objects (a key of ours in a table or
   * column makes {@code drizzle-kit check} print "meta/0000_snapshot.json data is malformed"),
   * except {@code _meta} and {@code internal}, whose unknown keys it accepts and ignores (tried
   * with {@code check} and {@code generate}: OnRowUpdateD1Test). {@code _meta} holds the renames
   * drizzle-kit acts on; {@code internal} is the free-form part it reads only its
   * {@code indexes} from, so ours sits beside them there. Written only when a column has
   * the option, so other snapshots stay byte for byte what drizzle-kit writes.
   */
  static final String ON_ROW_UPDATE = "nanokaOnRowUpdate";

  private static void onRowUpdate(JsonGenerator g, List<UpdateTrigger> triggers)
      throws IOException {
    g.writeStartArray();
    for (UpdateTrigger trigger : triggers.stream()
        .sorted(Comparator.comparing(UpdateTrigger::name)).toList()) {
      g.writeStartObject();
      g.writeStringField("table", trigger.table());
      g.writeStringField("column", trigger.column());
      g.writeStringField("set", trigger.value().sql());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void table(JsonGenerator g, Table table) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", table.name());
    g.writeObjectFieldStart("columns");
    for (Column column : table.columns()) {
      g.writeObjectFieldStart(column.name());
      g.writeStringField("name", column.name());
      g.writeStringField("type", column.type().sqlType().sql());
      g.writeBooleanField("primaryKey", column.primaryKey());
      g.writeBooleanField("notNull", column.notNull());
      g.writeBooleanField("autoincrement", column.autoIncrement());
      if (column.defaultValue().isPresent()) {
        writeDefault(g, column, column.defaultValue().get());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("indexes");
    for (TableIndex index : EffectiveIndexes.effective(table).stream()
        .sorted(Comparator.comparing(TableIndex::name)).toList()) {
      g.writeObjectFieldStart(index.name());
      g.writeStringField("name", index.name());
      SnapshotFields.strings(g, "columns", index.columns());
      g.writeBooleanField("isUnique", index.unique());
      g.writeEndObject();
    }
    g.writeEndObject();
    SnapshotFields.foreignKeys(g, table);
    g.writeObjectFieldStart("compositePrimaryKeys");
    if (!table.compositePrimaryKey().isEmpty()) {
      String name = table.name() + "_" + String.join("_", table.compositePrimaryKey()) + "_pk";
      g.writeObjectFieldStart(name);
      SnapshotFields.strings(g, "columns", table.compositePrimaryKey());
      g.writeStringField("name", name);
      g.writeEndObject();
    }
    g.writeEndObject();
    SnapshotFields.emptyObject(g, "uniqueConstraints");
    SnapshotFields.emptyObject(g, "checkConstraints");
    g.writeEndObject();
  }

  private static void writeDefault(JsonGenerator g, Column column, ColumnDefault value)
      throws IOException {
    if (value instanceof ColumnDefault.Number number
        && !(column.type() instanceof LogicalType.Timestamp)) {
      g.writeNumberField("default", new BigDecimal(number.literal()));
    } else if (value instanceof ColumnDefault.Bool bool) {
      g.writeBooleanField("default", bool.value());
    } else if (value.sql().isPresent()) {
      g.writeStringField("default", value.sql().get());
    }
  }

  /**
   * Reads a snapshot file's text; {@code file} is only for messages. Read whole, it has its
   * tables; otherwise only its ids are read, and the tables are passed over without building
   * anything, which at 1,000 tables is most of the time a snapshot takes.
   */
  public static Snapshot read(Path file, String text, boolean whole)
      throws MigrationFolderException {
    Map<String, JsonValue> fields = new HashMap<>();
    JsonValue root = null;
    if (whole) {
      root = parse(file, text);
      if (!root.isObject()) {
        throw notASnapshot(file);
      }
      for (String field : HEAD) {
        fields.put(field, root.path(field));
      }
    } else {
      readHead(file, text, fields);
    }
    JsonValue dialect = fields.getOrDefault("dialect", JsonValue.missing());
    JsonValue version = fields.getOrDefault("version", JsonValue.missing());
    boolean postgres = PostgresSnapshotJson.DIALECT.equals(dialect.asText())
        && PostgresSnapshotJson.VERSION.equals(version.asText());
    if (!postgres && (!"sqlite".equals(dialect.asText()) || !"6".equals(version.asText()))) {
      throw new MigrationFolderException(file, "is not a drizzle-kit SQLite snapshot of version"
          + " \"6\" nor a PostgreSQL one of version \"7\" (dialect " + dialect + ", version "
          + version + ")");
    }
    String id = required(file, fields, "id");
    String prevId = required(file, fields, "prevId");
    if (root == null) {
      return new Snapshot(id, prevId, Optional.empty());
    }
    if (postgres) {
      return new Snapshot(id, prevId, Optional.of(PostgresSnapshotJson.readTables(file, root)));
    }
    try {
      List<Table> tables = new ArrayList<>();
      for (JsonValue table : root.path("tables").elements()) {
        tables.add(readTable(file, table));
      }
      tables = withOnRowUpdate(file, tables, root.path("internal").path(ON_ROW_UPDATE));
      return new Snapshot(id, prevId, Optional.of(new DatabaseSchema(tables)));
    } catch (IllegalArgumentException e) {
      throw new MigrationFolderException(file, "describes an impossible schema: " + e.getMessage());
    }
  }

  /** The top-level fields a snapshot is identified and checked by. */
  private static final List<String> HEAD = List.of("version", "dialect", "id", "prevId");

  /** The {@link #HEAD} fields' values, skipping everything else, until all are found. */
  private static void readHead(Path file, String text, Map<String, JsonValue> fields)
      throws MigrationFolderException {
    try (JsonParser parser = JsonValue.FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw notASnapshot(file);
      }
      while (fields.size() < HEAD.size() && parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value.isStructStart()) {
          parser.skipChildren();
        } else if (HEAD.contains(name)) {
          fields.put(name, JsonValue.read(parser, value));
        }
      }
    } catch (JsonProcessingException e) {
      throw new MigrationFolderException(file, "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MigrationFolderException(file, "could not be read: " + e.getMessage());
    }
  }

  private static MigrationFolderException notASnapshot(Path file) {
    return new MigrationFolderException(file, "is not a drizzle-kit snapshot (not a JSON object)");
  }

  private static String required(Path file, Map<String, JsonValue> fields, String field)
      throws MigrationFolderException {
    JsonValue value = fields.get(field);
    if (value == null || value.asText(null) == null) {
      throw new MigrationFolderException(file, "lacks \"" + field + "\"");
    }
    return value.asText();
  }

  private static List<Table> withOnRowUpdate(Path file, List<Table> tables, JsonValue entries)
      throws MigrationFolderException {
    List<Table> out = new ArrayList<>(tables);
    for (JsonValue entry : entries.elements()) {
      String table = required(file, entry, "table").asText();
      String column = required(file, entry, "column").asText();
      OnRowUpdate value = new OnRowUpdate(required(file, entry, "set").asText());
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).name().equals(table)) {
          at = i;
        }
      }
      Optional<Column> target = at < 0 ? Optional.empty() : out.get(at).column(column);
      if (target.isEmpty()) {
        throw new MigrationFolderException(file, "internal." + ON_ROW_UPDATE + " names column "
            + table + "." + column + ", which is not in the snapshot's tables; restore the file"
            + " from version control or delete that entry");
      }
      Table t = out.get(at);
      List<Column> columns = t.columns().stream()
          .map(c -> c == target.get() ? c.withOnRowUpdate(Optional.of(value)) : c).toList();
      out.set(at, new Table(t.name(), t.exportName(), columns, t.compositePrimaryKey(),
          t.indexes(), t.foreignKeys()));
    }
    return out;
  }

  private static Table readTable(Path file, JsonValue node) throws MigrationFolderException {
    String name = required(file, node, "name").asText();
    if (node.path("checkConstraints").size() > 0 || node.path("uniqueConstraints").size() > 0) {
      throw new MigrationFolderException(file, "table " + name + " has check or unique"
          + " constraints, which Nanoka models cannot declare; remove them from that table");
    }
    List<Column> columns = new ArrayList<>();
    for (JsonValue c : node.path("columns").elements()) {
      String columnName = required(file, c, "name").asText();
      columns.add(new Column(columnName, columnName, type(file, c.path("type").asText()),
          c.path("notNull").asBoolean(), c.path("primaryKey").asBoolean(),
          c.path("autoincrement").asBoolean(), false, readDefault(c.get("default"))));
    }
    List<TableIndex> indexes = new ArrayList<>();
    for (JsonValue i : node.path("indexes").elements()) {
      indexes.add(new TableIndex(required(file, i, "name").asText(), SnapshotFields.strings(i.path("columns")),
          i.path("isUnique").asBoolean()));
    }
    List<ForeignKey> keys = new ArrayList<>();
    for (JsonValue k : node.path("foreignKeys").elements()) {
      keys.add(new ForeignKey(required(file, k, "name").asText(), SnapshotFields.strings(k.path("columnsFrom")),
          required(file, k, "tableTo").asText(), SnapshotFields.strings(k.path("columnsTo")),
          SnapshotFields.action(file, k.path("onUpdate").asText("no action")),
          SnapshotFields.action(file, k.path("onDelete").asText("no action"))));
    }
    List<String> composite = List.of();
    for (JsonValue key : node.path("compositePrimaryKeys").elements()) {
      composite = SnapshotFields.strings(key.path("columns"));
    }
    return new Table(name, name, columns, composite, indexes, keys);
  }

  private static Optional<ColumnDefault> readDefault(JsonValue value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isBoolean()) {
      return Optional.of(new ColumnDefault.Bool(value.booleanValue()));
    }
    if (value.isNumber()) {
      return Optional.of(new ColumnDefault.Number(
          value.decimalValue().stripTrailingZeros().toPlainString()));
    }
    String text = value.asText();
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      return Optional.of(new ColumnDefault.Text(text.substring(1, text.length() - 1)
          .replace("''", "'")));
    }
    return Optional.of(new ColumnDefault.Expression(text));
  }

  private static LogicalType type(Path file, String type) throws MigrationFolderException {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "text" -> new LogicalType.Text();
      case "integer" -> new LogicalType.Int();
      case "real" -> new LogicalType.Real();
      case "numeric" -> new LogicalType.Numeric();
      case "blob" -> new LogicalType.Blob();
      default -> throw new MigrationFolderException(file, "has a column of type \"" + type
          + "\", which Nanoka does not model (text, integer, real, numeric, blob)");
    };
  }

  /** The document, or the error a file that is not JSON is. */
  static JsonValue parse(Path file, String text) throws MigrationFolderException {
    try {
      return JsonValue.parse(text);
    } catch (JsonProcessingException e) {
      throw new MigrationFolderException(file, "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MigrationFolderException(file, "could not be read: " + e.getMessage());
    }
  }

  static JsonValue required(Path file, JsonValue node, String field)
      throws MigrationFolderException {
    JsonValue value = node.get(field);
    if (value == null || value.isNull()) {
      throw new MigrationFolderException(file, "lacks \"" + field + "\"");
    }
    return value;
  }
}
