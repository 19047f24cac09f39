package dev.nanoka.folder;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.sql.postgres.EnumTypes;
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
import java.util.TreeMap;
import java.util.UUID;

/**
 * drizzle-kit 0.31's PostgreSQL snapshot (version "7", dialect {@code postgresql}), written and
 * read with the same rules as {@link SnapshotJson}: keys in the order drizzle-kit writes them,
 * tables sorted by name, an id derived from the content and {@code prevId} (never random), so an
 * unchanged migration keeps its snapshot byte for byte.
 *
 * <p>Every column is a {@link LogicalType.Native}: the snapshot's {@code type} is the column's
 * type as PostgreSQL spells it. A column-level unique is drizzle-kit's unique constraint
 * {@code <table>_<column>_unique}; an enum column names its type and {@code typeSchema}, with the
 * values under {@code enums}.
 */
public final class PostgresSnapshotJson {

  static final String VERSION = "7";
  static final String DIALECT = "postgresql";
  private static final String SCHEMA = "public";

  private PostgresSnapshotJson() {}

  /** The snapshot text, its renames among {@code changes} recorded in {@code _meta}. */
  public static String write(DatabaseSchema schema, String prevId, List<SchemaChange> changes) {
    List<Table> tables = schema.tables().stream()
        .sorted(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT)))
        .toList();
    Map<String, List<String>> enums = new TreeMap<>(EnumTypes.of(schema).values());
    String tablesText = JsonValue.write(g -> {
      g.writeStartObject();
      for (Table table : tables) {
        g.writeFieldName(SCHEMA + "." + table.name());
        table(g, table);
      }
      g.writeEndObject();
    });
    String enumsText = JsonValue.write(g -> {
      g.writeStartObject();
      for (Map.Entry<String, List<String>> e : enums.entrySet()) {
        g.writeObjectFieldStart(SCHEMA + "." + e.getKey());
        g.writeStringField("name", e.getKey());
        g.writeStringField("schema", SCHEMA);
        SnapshotFields.strings(g, "values", e.getValue());
        g.writeEndObject();
      }
      g.writeEndObject();
    });
    String id = UUID.nameUUIDFromBytes((DIALECT + "\n" + prevId + "\n" + tablesText + "\n"
        + enumsText).getBytes(StandardCharsets.UTF_8)).toString();
    return JsonValue.write(g -> {
      g.writeStartObject();
      g.writeStringField("id", id);
      g.writeStringField("prevId", prevId);
      g.writeStringField("version", VERSION);
      g.writeStringField("dialect", DIALECT);
      // the same texts one level deeper: string values never hold a line break
      g.writeFieldName("tables");
      g.writeRawValue(tablesText.replace("\n", "\n  "));
      g.writeFieldName("enums");
      g.writeRawValue(enumsText.replace("\n", "\n  "));
      for (String empty : List.of("schemas", "sequences", "roles", "policies", "views")) {
        SnapshotFields.emptyObject(g, empty);
      }
      g.writeObjectFieldStart("_meta");
      renames(g, changes);
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /** {@code _meta} as drizzle-kit's PostgreSQL snapshots keep renames: schema-qualified, quoted. */
  private static void renames(JsonGenerator g, List<SchemaChange> changes) throws IOException {
    String qualifier = q(SCHEMA) + ".";
    SnapshotFields.stringMap(g, "columns", SnapshotRenames.columns(changes, qualifier));
    SnapshotFields.emptyObject(g, "schemas");
    SnapshotFields.stringMap(g, "tables", SnapshotRenames.tables(changes, qualifier));
  }

  private static String q(String name) {
    return "\"" + name + "\"";
  }

  private static void table(JsonGenerator g, Table table) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", table.name());
    g.writeStringField("schema", "");
    g.writeObjectFieldStart("columns");
    for (Column column : table.columns()) {
      g.writeObjectFieldStart(column.name());
      g.writeStringField("name", column.name());
      boolean isEnum = column.type() instanceof LogicalType.Native n
          && n.meaning() instanceof LogicalType.EnumText;
      g.writeStringField("type", typeName(column));
      if (isEnum) {
        g.writeStringField("typeSchema", SCHEMA);
      }
      g.writeBooleanField("primaryKey", column.primaryKey() && table.compositePrimaryKey().isEmpty());
      g.writeBooleanField("notNull", column.notNull());
      if (column.defaultValue().isPresent()) {
        writeDefault(g, column.defaultValue().get());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("indexes");
    for (TableIndex index : table.indexes().stream()
        .sorted(Comparator.comparing(TableIndex::name)).toList()) {
      g.writeObjectFieldStart(index.name());
      g.writeStringField("name", index.name());
      g.writeArrayFieldStart("columns");
      for (String c : index.columns()) {
        g.writeStartObject();
        g.writeStringField("expression", c);
        g.writeBooleanField("isExpression", false);
        g.writeBooleanField("asc", true);
        g.writeStringField("nulls", "last");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeBooleanField("isUnique", index.unique());
      g.writeBooleanField("concurrently", false);
      g.writeStringField("method", "btree");
      SnapshotFields.emptyObject(g, "with");
      g.writeEndObject();
    }
    g.writeEndObject();
    SnapshotFields.foreignKeys(g, table);
    g.writeObjectFieldStart("compositePrimaryKeys");
    if (!table.compositePrimaryKey().isEmpty()) {
      String name = table.name() + "_" + String.join("_", table.compositePrimaryKey()) + "_pk";
      g.writeObjectFieldStart(name);
      g.writeStringField("name", name);
      SnapshotFields.strings(g, "columns", table.compositePrimaryKey());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("uniqueConstraints");
    for (Column column : table.columns()) {
      if (column.unique()) {
        String name = table.name() + "_" + column.name() + "_unique";
        g.writeObjectFieldStart(name);
        g.writeStringField("name", name);
        g.writeBooleanField("nullsNotDistinct", false);
        SnapshotFields.strings(g, "columns", List.of(column.name()));
        g.writeEndObject();
      }
    }
    g.writeEndObject();
    SnapshotFields.emptyObject(g, "policies");
    SnapshotFields.emptyObject(g, "checkConstraints");
    g.writeBooleanField("isRLSEnabled", false);
    g.writeEndObject();
  }

  private static String typeName(Column column) {
    if (column.type() instanceof LogicalType.Native n) {
      return n.sql();
    }
    throw new IllegalArgumentException("column " + column.name() + " has no PostgreSQL type ("
        + column.type() + "); a PostgreSQL schema's columns are all native");
  }

  /** As drizzle-kit serializes a pg-core default: numbers and booleans as JSON, the rest as SQL. */
  private static void writeDefault(JsonGenerator g, ColumnDefault value) throws IOException {
    if (value instanceof ColumnDefault.Number number) {
      g.writeNumberField("default", new BigDecimal(number.literal()));
    } else if (value instanceof ColumnDefault.Bool bool) {
      g.writeBooleanField("default", bool.value());
    } else if (value.sql().isPresent()) {
      g.writeStringField("default", value.sql().get());
    }
  }

  /** Reads a whole PostgreSQL snapshot's tables; {@code file} is only for messages. */
  static DatabaseSchema readTables(Path file, JsonValue root) throws MigrationFolderException {
    Map<String, List<String>> enums = new HashMap<>();
    for (JsonValue e : root.path("enums").elements()) {
      enums.put(SnapshotJson.required(file, e, "name").asText(), SnapshotFields.strings(e.path("values")));
    }
    List<Table> tables = new ArrayList<>();
    try {
      for (JsonValue t : root.path("tables").elements()) {
        tables.add(readTable(file, t, enums));
      }
      return new DatabaseSchema(tables);
    } catch (IllegalArgumentException e) {
      throw new MigrationFolderException(file, "describes an impossible schema: " + e.getMessage());
    }
  }

  private static Table readTable(Path file, JsonValue node, Map<String, List<String>> enums)
      throws MigrationFolderException {
    String name = SnapshotJson.required(file, node, "name").asText();
    if (node.path("checkConstraints").size() > 0) {
      throw new MigrationFolderException(file, "table " + name + " has check constraints,"
          + " which Nanoka models cannot declare; remove them from that table");
    }
    List<String> uniqueColumns = new ArrayList<>();
    for (JsonValue u : node.path("uniqueConstraints").elements()) {
      List<String> columns = SnapshotFields.strings(u.path("columns"));
      String expected = columns.size() == 1 ? name + "_" + columns.get(0) + "_unique" : null;
      if (!u.path("name").asText().equals(expected)) {
        throw new MigrationFolderException(file, "table " + name + " has unique constraint "
            + u.path("name") + ", which is not a column's own (" + name + "_<column>_unique);"
            + " Nanoka declares unique columns with @Field(unique = true) and others with"
            + " @Index(unique = true)");
      }
      uniqueColumns.add(columns.get(0));
    }
    List<Column> columns = new ArrayList<>();
    for (JsonValue c : node.path("columns").elements()) {
      String columnName = SnapshotJson.required(file, c, "name").asText();
      String type = SnapshotJson.required(file, c, "type").asText();
      boolean primaryKey = c.path("primaryKey").asBoolean();
      LogicalType logical = type(file, type, c.get("typeSchema") != null, enums);
      boolean serial = type.equals("serial") || type.equals("bigserial")
          || type.equals("smallserial");
      columns.add(new Column(columnName, columnName, logical, c.path("notNull").asBoolean(),
          primaryKey, serial && primaryKey, uniqueColumns.contains(columnName),
          readDefault(c.get("default"))));
    }
    List<TableIndex> indexes = new ArrayList<>();
    for (JsonValue i : node.path("indexes").elements()) {
      List<String> on = new ArrayList<>();
      for (JsonValue col : i.path("columns").elements()) {
        if (col.path("isExpression").asBoolean()) {
          throw new MigrationFolderException(file, "index " + i.path("name") + " of table "
              + name + " is on an expression, which Nanoka models cannot declare");
        }
        on.add(col.path("expression").asText());
      }
      indexes.add(new TableIndex(SnapshotJson.required(file, i, "name").asText(), on,
          i.path("isUnique").asBoolean()));
    }
    List<ForeignKey> keys = new ArrayList<>();
    for (JsonValue k : node.path("foreignKeys").elements()) {
      keys.add(new ForeignKey(SnapshotJson.required(file, k, "name").asText(),
          SnapshotFields.strings(k.path("columnsFrom")), SnapshotJson.required(file, k, "tableTo").asText(),
          SnapshotFields.strings(k.path("columnsTo")), SnapshotFields.action(file, k.path("onUpdate").asText("no action")),
          SnapshotFields.action(file, k.path("onDelete").asText("no action"))));
    }
    List<String> composite = List.of();
    for (JsonValue key : node.path("compositePrimaryKeys").elements()) {
      composite = SnapshotFields.strings(key.path("columns"));
    }
    return new Table(name, name, columns, composite, indexes, keys);
  }

  /**
   * The column type the processor would give the same snapshot type: what matters to the differ
   * is the spelling ({@link LogicalType.Native#sql()}) and the affinity of the meaning.
   */
  private static LogicalType type(Path file, String type, boolean isEnum,
      Map<String, List<String>> enums) throws MigrationFolderException {
    if (isEnum) {
      List<String> values = enums.get(type);
      if (values == null) {
        throw new MigrationFolderException(file, "has a column of enum type \"" + type
            + "\", which is not under \"enums\"");
      }
      return new LogicalType.Native(type, new LogicalType.EnumText(values));
    }
    String lower = type.toLowerCase(Locale.ROOT);
    LogicalType meaning;
    if (lower.equals("integer") || lower.equals("bigint") || lower.equals("smallint")
        || lower.endsWith("serial")) {
      meaning = new LogicalType.Int();
    } else if (lower.equals("text") || lower.startsWith("varchar") || lower.equals("uuid")) {
      meaning = new LogicalType.Text();
    } else if (lower.equals("boolean")) {
      meaning = new LogicalType.Bool();
    } else if (lower.startsWith("timestamp")) {
      meaning = new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.MILLISECONDS);
    } else if (lower.equals("double precision") || lower.equals("real")) {
      meaning = new LogicalType.Real();
    } else if (lower.startsWith("numeric")) {
      meaning = new LogicalType.Numeric();
    } else if (lower.equals("jsonb") || lower.equals("json")) {
      meaning = new LogicalType.Json("unknown");
    } else if (lower.equals("bytea")) {
      meaning = new LogicalType.Blob();
    } else {
      throw new MigrationFolderException(file, "has a column of type \"" + type + "\", which"
          + " Nanoka does not model (integer, bigint, smallint, serial, bigserial, text, varchar,"
          + " uuid, boolean, timestamp, double precision, real, numeric, jsonb, bytea, enums)");
    }
    return new LogicalType.Native(type, meaning);
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
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
        && !text.substring(1, text.length() - 1).replace("''", "").contains("'")) {
      return Optional.of(new ColumnDefault.Text(text.substring(1, text.length() - 1)
          .replace("''", "'")));
    }
    return Optional.of(new ColumnDefault.Expression(text));
  }
}
