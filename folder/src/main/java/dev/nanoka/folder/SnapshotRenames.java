package dev.nanoka.folder;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The renames a migration made, kept in its snapshot's {@code _meta} as drizzle-kit keeps them:
 * tables as {@code "\"old\"": "\"new\""}, columns as
 * {@code "\"table\".\"old\"": "\"table\".\"new\""} under the table's new name. The SQL says the
 * same ({@code ALTER TABLE … RENAME}), but only the snapshots let a reader (review, check) diff
 * two versions as the build did, without guessing whether a vanished name was renamed.
 */
public final class SnapshotRenames {

  private SnapshotRenames() {}

  /** Writes {@code "tables"} and {@code "columns"} of {@code _meta}, sorted, for the renames. */
  static void write(JsonGenerator g, Iterable<SchemaChange> changes) throws IOException {
    SnapshotFields.stringMap(g, "tables", tables(changes, ""));
    SnapshotFields.stringMap(g, "columns", columns(changes, ""));
  }

  /**
   * The renamed tables, old quoted name to new, sorted; {@code qualifier} goes before each name
   * (PostgreSQL's snapshots write {@code "public".} there, SQLite's nothing).
   */
  static Map<String, String> tables(Iterable<SchemaChange> changes, String qualifier) {
    Map<String, String> tables = new TreeMap<>();
    for (SchemaChange change : changes) {
      if (change instanceof SchemaChange.RenameTable rename) {
        tables.put(qualifier + quote(rename.from()), qualifier + quote(rename.to()));
      }
    }
    return tables;
  }

  /** The renamed columns, {@code "table"."old"} to {@code "table"."new"}, as {@link #tables}. */
  static Map<String, String> columns(Iterable<SchemaChange> changes, String qualifier) {
    Map<String, String> columns = new TreeMap<>();
    for (SchemaChange change : changes) {
      if (change instanceof SchemaChange.RenameColumn rename) {
        String table = qualifier + quote(rename.table()) + ".";
        columns.put(table + quote(rename.from()), table + quote(rename.to()));
      }
    }
    return columns;
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }

  /**
   * The renames recorded in a snapshot's {@code _meta}, as the hints that make
   * {@code SchemaDiffer} repeat them (none when there is no {@code _meta}, as in snapshots
   * written before Nanoka recorded them). The tables are passed over unread.
   */
  public static RenameHints read(Path file, String text) throws MigrationFolderException {
    Map<String, String> tables = new HashMap<>();
    Map<String, Map<String, String>> columns = new HashMap<>();
    try (JsonParser parser = JsonValue.FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MigrationFolderException(file, "is not a drizzle-kit snapshot (not a JSON"
            + " object)");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!field.equals("_meta") || value != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String kind = parser.currentName();
          JsonToken names = parser.nextToken();
          Map<String, String> renames = kind.equals("tables") || kind.equals("columns")
              ? strings(parser, names) : skip(parser);
          for (Map.Entry<String, String> entry : renames.entrySet()) {
            if (kind.equals("tables")) {
              tables.put(name(file, entry.getValue()), name(file, entry.getKey()));
            } else {
              String[] from = qualified(file, entry.getKey());
              String[] to = qualified(file, entry.getValue());
              columns.computeIfAbsent(to[0], t -> new HashMap<>()).put(to[1], from[1]);
            }
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new MigrationFolderException(file, "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MigrationFolderException(file, "could not be read: " + e.getMessage());
    }
    return new RenameHints(tables, columns, Set.of(), Map.of());
  }

  /** The string fields of the object starting at {@code token}; nothing for anything else. */
  private static Map<String, String> strings(JsonParser parser, JsonToken token)
      throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (token != JsonToken.START_OBJECT) {
      return skip(parser);
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_STRING) {
        out.put(key, parser.getText());
      } else {
        parser.skipChildren();
      }
    }
    return out;
  }

  private static Map<String, String> skip(JsonParser parser) throws IOException {
    parser.skipChildren();
    return Map.of();
  }

  /** {@code "name"} → name. */
  private static String name(Path file, String quoted) throws MigrationFolderException {
    if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
      throw new MigrationFolderException(file, "records a rename of " + quoted + " in _meta,"
          + " which is not a quoted name like \"users\"");
    }
    return quoted.substring(1, quoted.length() - 1);
  }

  /** {@code "table"."column"} → [table, column]. */
  private static String[] qualified(Path file, String quoted) throws MigrationFolderException {
    int dot = quoted.indexOf("\".\"");
    if (dot < 0) {
      throw new MigrationFolderException(file, "records a column rename of " + quoted
          + " in _meta, which is not a quoted name like \"users\".\"email\"");
    }
    return new String[] {name(file, quoted.substring(0, dot + 1)),
        name(file, quoted.substring(dot + 2))};
  }
}
