package dev.nanoka.folder;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * drizzle-kit 1.0's SQLite {@code snapshot.json} (version "7": {@code prevIds} and a flat
 * {@code ddl} list) and drizzle-kit 0.31's {@code meta/NNNN_snapshot.json} (version "6"), each
 * made from the other.
 *
 * <p>{@link #fromV6} is what {@code drizzle-kit up} (1.0.0-rc.5, {@code updateToV7} in its
 * {@code up-sqlite}) writes for a version "6" snapshot, entry for entry and field for field, so a
 * folder written in the 1.0 layout is byte for byte the folder {@code up} makes of the same
 * history in the 0.31 layout: the ids are kept (ours are derived from the content, so they are
 * stable), {@code prevId} becomes a one-element {@code prevIds}, and the entities are listed per
 * table in the order {@code up} adds them. {@link #toV6} goes back, so that the one snapshot
 * reader ({@link SnapshotJson}) reads both layouts.
 */
public final class Drizzle1Snapshot {

  private Drizzle1Snapshot() {}

  /** The version "7" snapshot {@code drizzle-kit up} makes of version "6" {@code v6}. */
  public static String fromV6(Path file, String v6) throws MigrationFolderException {
    JsonValue root = SnapshotJson.parse(file, v6);
    return JsonValue.write(g -> {
      g.writeStartObject();
      g.writeStringField("dialect", "sqlite");
      g.writeStringField("id", root.path("id").asText());
      g.writeArrayFieldStart("prevIds");
      g.writeString(root.path("prevId").asText());
      g.writeEndArray();
      g.writeStringField("version", "7");
      g.writeArrayFieldStart("ddl");
      for (JsonValue table : root.path("tables").elements()) {
        table(g, table);
      }
      for (JsonValue view : root.path("views").elements()) {
        g.writeStartObject();
        nullable(g, "definition", view.get("definition"));
        g.writeBooleanField("isExisting", view.path("isExisting").asBoolean());
        g.writeNullField("error");
        g.writeStringField("name", view.path("name").asText());
        g.writeStringField("entityType", "views");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("renames");
      JsonValue meta = root.path("_meta");
      for (String kind : List.of("tables", "columns")) {
        for (Map.Entry<String, JsonValue> rename : meta.path(kind).fields().entrySet()) {
          g.writeString(rename.getKey() + "->" + rename.getValue().asText());
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void table(JsonGenerator g, JsonValue table) throws IOException {
    String name = table.path("name").asText();
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("entityType", "tables");
    g.writeEndObject();
    for (JsonValue column : table.path("columns").elements()) {
      boolean primaryKey = column.path("primaryKey").asBoolean();
      g.writeStartObject();
      g.writeStringField("type", column.path("type").asText());
      g.writeBooleanField("notNull", column.path("notNull").asBoolean() && !primaryKey);
      nullableBoolean(g, "autoincrement", column.get("autoincrement"));
      JsonValue value = column.get("default");
      if (value == null || value.isNull()) {
        g.writeNullField("default");
      } else {
        g.writeStringField("default", jsString(value)); // String(column.default)
      }
      g.writeNullField("generated");
      owned(g, column.path("name").asText(), name, "columns");
      if (primaryKey) {
        g.writeStartObject();
        SnapshotFields.strings(g, "columns", List.of(column.path("name").asText()));
        g.writeBooleanField("nameExplicit", false);
        owned(g, name + "_pk", name, "pks");
      }
    }
    for (JsonValue pk : table.path("compositePrimaryKeys").elements()) {
      List<String> columns = SnapshotFields.strings(pk.path("columns"));
      String pkName = pk.path("name").asText();
      g.writeStartObject();
      SnapshotFields.strings(g, "columns", columns);
      g.writeBooleanField("nameExplicit",
          !pkName.equals(name + "_" + String.join("_", columns) + "_pk"));
      owned(g, pkName, name, "pks");
    }
    for (JsonValue index : table.path("indexes").elements()) {
      g.writeStartObject();
      g.writeArrayFieldStart("columns");
      for (String column : SnapshotFields.strings(index.path("columns"))) {
        g.writeStartObject();
        g.writeStringField("value", column);
        g.writeBooleanField("isExpression", false);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeBooleanField("isUnique", index.path("isUnique").asBoolean());
      nullable(g, "where", index.get("where"));
      g.writeStringField("origin", "manual");
      owned(g, index.path("name").asText(), name, "indexes");
    }
    for (JsonValue unique : table.path("uniqueConstraints").elements()) {
      List<String> columns = SnapshotFields.strings(unique.path("columns"));
      String uniqueName = unique.path("name").asText();
      g.writeStartObject();
      SnapshotFields.strings(g, "columns", columns);
      g.writeBooleanField("nameExplicit",
          !uniqueName.equals(name + "_" + String.join("_", columns) + "_unique"));
      owned(g, uniqueName, name, "uniques");
    }
    for (JsonValue check : table.path("checkConstraints").elements()) {
      g.writeStartObject();
      g.writeStringField("value", check.path("value").asText());
      owned(g, check.path("name").asText(), name, "checks");
    }
    for (JsonValue fk : table.path("foreignKeys").elements()) {
      List<String> from = SnapshotFields.strings(fk.path("columnsFrom"));
      List<String> to = SnapshotFields.strings(fk.path("columnsTo"));
      String tableTo = fk.path("tableTo").asText();
      String fkName = fk.path("name").asText();
      g.writeStartObject();
      SnapshotFields.strings(g, "columns", from);
      g.writeStringField("tableTo", tableTo);
      SnapshotFields.strings(g, "columnsTo", to);
      g.writeStringField("onUpdate", action(fk.path("onUpdate").asText("no action")));
      g.writeStringField("onDelete", action(fk.path("onDelete").asText("no action")));
      g.writeBooleanField("nameExplicit", !fkName.equals(name + "_" + String.join("_", from)
          + "_" + tableTo + "_" + String.join("_", to) + "_fk"));
      owned(g, fkName, name, "fks");
    }
  }

  /**
   * The version "6" snapshot a version "7" one stands for, as far as Nanoka models schemas; a
   * migration drizzle-kit 1.0 wrote to merge two branches (several {@code prevIds}) has no such
   * snapshot, and is refused with what to do.
   */
  public static String toV6(Path file, String v7) throws MigrationFolderException {
    JsonValue root = SnapshotJson.parse(file, v7);
    if (!root.isObject() || !"sqlite".equals(root.path("dialect").asText())
        || !"7".equals(root.path("version").asText())) {
      throw new MigrationFolderException(file, "is not a drizzle-kit 1.0 SQLite snapshot of"
          + " version \"7\" (dialect " + root.path("dialect") + ", version "
          + root.path("version") + ")");
    }
    String id = SnapshotJson.required(file, root, "id").asText();
    List<String> prevIds = SnapshotFields.strings(root.path("prevIds"));
    if (prevIds.size() != 1) {
      throw new MigrationFolderException(file, "has " + prevIds.size() + " parents in prevIds "
          + prevIds + ". drizzle-kit 1.0 writes several to merge two branches' migrations;"
          + " Nanoka keeps one line of history, in which each migration follows exactly one."
          + " Keep the migrations of the branch you merged into, delete the other branch's"
          + " folders and this one, and raise @Schema(version) to write the other branch's"
          + " changes as a new migration (see the README, Branch merges)");
    }
    Map<String, TableParts> tables = new java.util.LinkedHashMap<>();
    for (JsonValue entity : root.path("ddl").elements()) {
      String type = entity.path("entityType").asText();
      if (type.equals("tables")) {
        tables.put(entity.path("name").asText(), new TableParts());
        continue;
      }
      if (type.equals("views")) {
        throw new MigrationFolderException(file, "has a view (" + entity.path("name").asText()
            + "), which Nanoka does not model; remove it");
      }
      TableParts table = tables.get(entity.path("table").asText());
      if (table == null) {
        throw new MigrationFolderException(file, "lists " + type + " "
            + entity.path("name").asText() + " of table " + entity.path("table").asText()
            + " before (or without) the table");
      }
      table.add(type, entity);
    }
    return JsonValue.write(g -> {
      g.writeStartObject();
      g.writeStringField("version", "6");
      g.writeStringField("dialect", "sqlite");
      g.writeStringField("id", id);
      g.writeStringField("prevId", prevIds.get(0));
      g.writeObjectFieldStart("tables");
      for (Map.Entry<String, TableParts> table : tables.entrySet()) {
        g.writeFieldName(table.getKey());
        table.getValue().writeV6(g, table.getKey());
      }
      g.writeEndObject();
      // up writes _meta's renames as "key->value", tables' keys first ("\"t\""), then
      // columns' ("\"t\".\"c\"")
      g.writeObjectFieldStart("_meta");
      for (boolean columns : new boolean[] {false, true}) {
        g.writeObjectFieldStart(columns ? "columns" : "tables");
        for (String rename : SnapshotFields.strings(root.path("renames"))) {
          int arrow = rename.indexOf("->");
          if (arrow > 0 && rename.substring(0, arrow).contains("\".\"") == columns) {
            g.writeStringField(rename.substring(0, arrow), rename.substring(arrow + 2));
          }
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /** One table's entities of a version "7" snapshot. */
  private static final class TableParts {
    final List<JsonValue> columns = new ArrayList<>();
    final List<JsonValue> pks = new ArrayList<>();
    final List<JsonValue> indexes = new ArrayList<>();
    final List<JsonValue> uniques = new ArrayList<>();
    final List<JsonValue> checks = new ArrayList<>();
    final List<JsonValue> fks = new ArrayList<>();

    void add(String type, JsonValue entity) {
      switch (type) {
        case "columns" -> columns.add(entity);
        case "pks" -> pks.add(entity);
        case "indexes" -> indexes.add(entity);
        case "uniques" -> uniques.add(entity);
        case "checks" -> checks.add(entity);
        case "fks" -> fks.add(entity);
        default -> { } // nothing else describes a SQLite table
      }
    }

    void writeV6(JsonGenerator g, String name) throws IOException {
      // up turns a column's primaryKey into a key named <table>_pk; that key is the column's.
      String single = null;
      List<JsonValue> composite = new ArrayList<>();
      for (JsonValue pk : pks) {
        List<String> columns = SnapshotFields.strings(pk.path("columns"));
        if (columns.size() == 1 && pk.path("name").asText().equals(name + "_pk")) {
          single = columns.get(0);
        } else {
          composite.add(pk);
        }
      }
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeObjectFieldStart("columns");
      for (JsonValue column : columns) {
        String columnName = column.path("name").asText();
        boolean primaryKey = columnName.equals(single);
        g.writeObjectFieldStart(columnName);
        g.writeStringField("name", columnName);
        g.writeStringField("type", column.path("type").asText());
        g.writeBooleanField("primaryKey", primaryKey);
        g.writeBooleanField("notNull", primaryKey || column.path("notNull").asBoolean());
        g.writeBooleanField("autoincrement", column.path("autoincrement").asBoolean());
        JsonValue value = column.get("default");
        if (value != null && !value.isNull()) {
          g.writeStringField("default", value.asText());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("indexes");
      for (JsonValue index : indexes) {
        g.writeObjectFieldStart(index.path("name").asText());
        g.writeStringField("name", index.path("name").asText());
        g.writeArrayFieldStart("columns");
        for (JsonValue column : index.path("columns").elements()) {
          g.writeString(column.path("value").asText());
        }
        g.writeEndArray();
        g.writeBooleanField("isUnique", index.path("isUnique").asBoolean());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("foreignKeys");
      for (JsonValue fk : fks) {
        g.writeObjectFieldStart(fk.path("name").asText());
        g.writeStringField("name", fk.path("name").asText());
        g.writeStringField("tableFrom", name);
        g.writeStringField("tableTo", fk.path("tableTo").asText());
        SnapshotFields.strings(g, "columnsFrom", SnapshotFields.strings(fk.path("columns")));
        SnapshotFields.strings(g, "columnsTo", SnapshotFields.strings(fk.path("columnsTo")));
        g.writeStringField("onDelete", fk.path("onDelete").asText().toLowerCase(Locale.ROOT));
        g.writeStringField("onUpdate", fk.path("onUpdate").asText().toLowerCase(Locale.ROOT));
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("compositePrimaryKeys");
      for (JsonValue pk : composite) {
        g.writeObjectFieldStart(pk.path("name").asText());
        SnapshotFields.strings(g, "columns", SnapshotFields.strings(pk.path("columns")));
        g.writeStringField("name", pk.path("name").asText());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("uniqueConstraints");
      for (JsonValue unique : uniques) {
        g.writeObjectFieldStart(unique.path("name").asText());
        g.writeStringField("name", unique.path("name").asText());
        SnapshotFields.strings(g, "columns", SnapshotFields.strings(unique.path("columns")));
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("checkConstraints");
      for (JsonValue check : checks) {
        g.writeObjectFieldStart(check.path("name").asText());
        g.writeStringField("name", check.path("name").asText());
        g.writeStringField("value", check.path("value").asText());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** The fields every entity ends with, and the end of its object. */
  private static void owned(JsonGenerator g, String name, String table, String type)
      throws IOException {
    g.writeStringField("name", name);
    g.writeStringField("table", table);
    g.writeStringField("entityType", type);
    g.writeEndObject();
  }

  /** drizzle-kit 1.0 writes actions in upper case ({@code "NO ACTION"}, {@code "CASCADE"}). */
  private static String action(String sql) {
    return sql.toUpperCase(Locale.ROOT);
  }

  /** JavaScript's {@code String(value)} of a JSON value: {@code 0}, {@code false}, the text. */
  private static String jsString(JsonValue value) {
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
    return value.asText();
  }

  private static void nullable(JsonGenerator g, String field, JsonValue value)
      throws IOException {
    if (value == null || value.isNull()) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value.asText());
    }
  }

  private static void nullableBoolean(JsonGenerator g, String field, JsonValue value)
      throws IOException {
    if (value == null || value.isNull()) {
      g.writeNullField(field);
    } else {
      g.writeBooleanField(field, value.asBoolean());
    }
  }
}
