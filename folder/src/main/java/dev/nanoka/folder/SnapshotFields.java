package dev.nanoka.folder;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Pieces the snapshot readers and writers of both dialects and both drizzle-kit versions spell
 * the same way. Only what is byte for byte the same in each format belongs here: the formats differ in key
 * order elsewhere (a PostgreSQL composite key writes its name first, SQLite's last).
 */
final class SnapshotFields {

  private SnapshotFields() {}

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  static void stringMap(JsonGenerator g, String name, Map<String, String> values)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, String> entry : values.entrySet()) {
      g.writeStringField(entry.getKey(), entry.getValue());
    }
    g.writeEndObject();
  }

  static void emptyObject(JsonGenerator g, String name) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeEndObject();
  }

  /** drizzle-kit 0.31's {@code foreignKeys} object of a table, in name order. */
  static void foreignKeys(JsonGenerator g, Table table) throws IOException {
    g.writeObjectFieldStart("foreignKeys");
    for (ForeignKey fk : table.foreignKeys().stream()
        .sorted(Comparator.comparing(ForeignKey::name)).toList()) {
      g.writeObjectFieldStart(fk.name());
      g.writeStringField("name", fk.name());
      g.writeStringField("tableFrom", table.name());
      g.writeStringField("tableTo", fk.referencedTable());
      strings(g, "columnsFrom", fk.columns());
      strings(g, "columnsTo", fk.referencedColumns());
      g.writeStringField("onDelete", fk.onDelete().sql());
      g.writeStringField("onUpdate", fk.onUpdate().sql());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** A JSON array of strings, as a list. */
  static List<String> strings(JsonValue array) {
    List<String> out = new ArrayList<>();
    array.elements().forEach(n -> out.add(n.asText()));
    return out;
  }

  static ForeignKey.Action action(Path file, String sql) throws MigrationFolderException {
    for (ForeignKey.Action action : ForeignKey.Action.values()) {
      if (action.sql().equalsIgnoreCase(sql)) {
        return action;
      }
    }
    throw new MigrationFolderException(file, "has an unknown foreign key action \"" + sql + "\"");
  }
}
