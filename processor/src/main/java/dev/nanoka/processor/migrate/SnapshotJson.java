package dev.nanoka.processor.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nanoka.core.diff.EffectiveIndexes;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final ObjectWriter WRITER = MAPPER.writer(
      new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private SnapshotJson() {}

  /**
   * The snapshot text. Its id is derived from its content and {@code prevId}, so an unchanged
   * migration keeps its id on every compile and every machine.
   */
  public static String write(DatabaseSchema schema, String prevId) {
    ObjectNode tables = MAPPER.createObjectNode();
    schema.tables().stream()
        .sorted(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT)))
        .forEach(t -> tables.set(t.name(), table(t)));
    String id = UUID.nameUUIDFromBytes(
        (prevId + "\n" + text(tables)).getBytes(StandardCharsets.UTF_8)).toString();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", "6");
    root.put("dialect", "sqlite");
    root.put("id", id);
    root.put("prevId", prevId);
    root.set("tables", tables);
    root.putObject("views");
    root.putObject("enums");
    ObjectNode meta = root.putObject("_meta");
    meta.putObject("schemas");
    meta.putObject("tables");
    meta.putObject("columns");
    root.putObject("internal").putObject("indexes");
    return text(root);
  }

  static String text(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static ObjectNode table(Table table) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("name", table.name());
    ObjectNode columns = out.putObject("columns");
    for (Column column : table.columns()) {
      ObjectNode c = columns.putObject(column.name());
      c.put("name", column.name());
      c.put("type", column.type().sqlType().sql());
      c.put("primaryKey", column.primaryKey());
      c.put("notNull", column.notNull());
      c.put("autoincrement", column.autoIncrement());
      column.defaultValue().ifPresent(d -> putDefault(c, column, d));
    }
    ObjectNode indexes = out.putObject("indexes");
    EffectiveIndexes.effective(table).stream()
        .sorted(Comparator.comparing(TableIndex::name))
        .forEach(i -> {
          ObjectNode n = indexes.putObject(i.name());
          n.put("name", i.name());
          strings(n.putArray("columns"), i.columns());
          n.put("isUnique", i.unique());
        });
    ObjectNode keys = out.putObject("foreignKeys");
    table.foreignKeys().stream()
        .sorted(Comparator.comparing(ForeignKey::name))
        .forEach(fk -> {
          ObjectNode n = keys.putObject(fk.name());
          n.put("name", fk.name());
          n.put("tableFrom", table.name());
          n.put("tableTo", fk.referencedTable());
          strings(n.putArray("columnsFrom"), fk.columns());
          strings(n.putArray("columnsTo"), fk.referencedColumns());
          n.put("onDelete", fk.onDelete().sql());
          n.put("onUpdate", fk.onUpdate().sql());
        });
    ObjectNode composite = out.putObject("compositePrimaryKeys");
    if (!table.compositePrimaryKey().isEmpty()) {
      String name = table.name() + "_" + String.join("_", table.compositePrimaryKey()) + "_pk";
      ObjectNode n = composite.putObject(name);
      strings(n.putArray("columns"), table.compositePrimaryKey());
      n.put("name", name);
    }
    out.putObject("uniqueConstraints");
    out.putObject("checkConstraints");
    return out;
  }

  private static void putDefault(ObjectNode c, Column column, ColumnDefault value) {
    if (value instanceof ColumnDefault.Number number
        && !(column.type() instanceof LogicalType.Timestamp)) {
      c.put("default", new BigDecimal(number.literal()));
    } else if (value instanceof ColumnDefault.Bool bool) {
      c.put("default", bool.value());
    } else {
      value.sql().ifPresent(sql -> c.put("default", sql));
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** Reads a snapshot file's text; {@code file} is only for messages. */
  public static Snapshot read(Path file, String text) throws MigrationFolderException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MigrationFolderException(file, "is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MigrationFolderException(file, "is not a drizzle-kit snapshot (not a JSON object)");
    }
    if (!"sqlite".equals(root.path("dialect").asText())
        || !"6".equals(root.path("version").asText())) {
      throw new MigrationFolderException(file, "is not a drizzle-kit SQLite snapshot of version"
          + " \"6\" (dialect " + root.path("dialect") + ", version " + root.path("version") + ")");
    }
    try {
      List<Table> tables = new ArrayList<>();
      for (Iterator<JsonNode> it = root.path("tables").elements(); it.hasNext(); ) {
        tables.add(readTable(file, it.next()));
      }
      return new Snapshot(required(file, root, "id").asText(),
          required(file, root, "prevId").asText(), new DatabaseSchema(tables));
    } catch (IllegalArgumentException e) {
      throw new MigrationFolderException(file, "describes an impossible schema: " + e.getMessage());
    }
  }

  private static Table readTable(Path file, JsonNode node) throws MigrationFolderException {
    String name = required(file, node, "name").asText();
    if (node.path("checkConstraints").size() > 0 || node.path("uniqueConstraints").size() > 0) {
      throw new MigrationFolderException(file, "table " + name + " has check or unique"
          + " constraints, which Nanoka models cannot declare; remove them from that table");
    }
    List<Column> columns = new ArrayList<>();
    for (Iterator<JsonNode> it = node.path("columns").elements(); it.hasNext(); ) {
      JsonNode c = it.next();
      String columnName = required(file, c, "name").asText();
      columns.add(new Column(columnName, columnName, type(file, c.path("type").asText()),
          c.path("notNull").asBoolean(), c.path("primaryKey").asBoolean(),
          c.path("autoincrement").asBoolean(), false, readDefault(c.get("default"))));
    }
    List<TableIndex> indexes = new ArrayList<>();
    for (Iterator<JsonNode> it = node.path("indexes").elements(); it.hasNext(); ) {
      JsonNode i = it.next();
      indexes.add(new TableIndex(required(file, i, "name").asText(), strings(i.path("columns")),
          i.path("isUnique").asBoolean()));
    }
    List<ForeignKey> keys = new ArrayList<>();
    for (Iterator<JsonNode> it = node.path("foreignKeys").elements(); it.hasNext(); ) {
      JsonNode k = it.next();
      keys.add(new ForeignKey(required(file, k, "name").asText(), strings(k.path("columnsFrom")),
          required(file, k, "tableTo").asText(), strings(k.path("columnsTo")),
          action(file, k.path("onUpdate").asText("no action")),
          action(file, k.path("onDelete").asText("no action"))));
    }
    List<String> composite = List.of();
    for (Iterator<JsonNode> it = node.path("compositePrimaryKeys").elements(); it.hasNext(); ) {
      composite = strings(it.next().path("columns"));
    }
    return new Table(name, name, columns, composite, indexes, keys);
  }

  private static Optional<ColumnDefault> readDefault(JsonNode value) {
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

  private static ForeignKey.Action action(Path file, String sql) throws MigrationFolderException {
    for (ForeignKey.Action action : ForeignKey.Action.values()) {
      if (action.sql().equalsIgnoreCase(sql)) {
        return action;
      }
    }
    throw new MigrationFolderException(file, "has an unknown foreign key action \"" + sql + "\"");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static JsonNode required(Path file, JsonNode node, String field)
      throws MigrationFolderException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new MigrationFolderException(file, "lacks \"" + field + "\"");
    }
    return value;
  }
}
