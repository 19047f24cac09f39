package dev.nanoka.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A schema as versioned, line-oriented text: how the annotation processor hands the models to
 * the runtime, as a class-path resource ({@link SchemaResource}). Generated Java code that
 * rebuilt the schema instead cost javac more than compiling the models themselves; a resource
 * costs javac nothing.
 *
 * <p>One record per line, fields separated by a tab (spaces below); each table is followed by
 * its own lines:
 *
 * <pre>
 * nanoka-schema 1
 * table        posts   posts
 * column       id      id      not-null primary-key auto-increment   integer
 * column       status  status  not-null        enum    DRAFT   PUBLISHED
 * default      text    DRAFT
 * column       edited  edited  not-null        timestamp       milliseconds
 * on-row-update        (cast(unixepoch('subsecond') * 1000 as integer))
 * column       meta    meta    nullable        json    PostMetadata
 * column       at      at      not-null        timestamp       milliseconds
 * primary-key  a       b
 * index        posts_author_idx        authorId        at
 * unique-index posts_slug_unique       slug
 * foreign-key  posts_authorId_users_id_fk  users  no action  cascade  authorId  id
 * </pre>
 *
 * <ul>
 *   <li>{@code column name property flags type [details…]}: flags are {@code not-null} or
 *       {@code nullable}, then any of {@code primary-key}, {@code auto-increment},
 *       {@code unique}, separated by spaces. Types: {@code text}, {@code integer},
 *       {@code boolean}, {@code real}, {@code numeric}, {@code blob}, {@code timestamp seconds|
 *       milliseconds}, {@code json <TypeScript type>}, {@code enum <value>…}, and for
 *       PostgreSQL columns {@code native <type as PostgreSQL spells it> <one of those>}.
 *   <li>{@code default kind value} belongs to the column line right above it; kinds are
 *       {@code text}, {@code number}, {@code boolean}, {@code sql}, {@code client}.
 *   <li>{@code on-row-update sql} follows its column's line (and default line, if any): the
 *       column's {@link Column#onRowUpdate()}. Written only for such columns, so the text of a
 *       schema without one is what version 1 always was.
 *   <li>{@code primary-key} lists a composite key; {@code index} and {@code unique-index} their
 *       columns; {@code foreign-key} its name, parent table, actions on update and on delete (as
 *       SQL spells them), then each column paired with the parent column it references.
 * </ul>
 *
 * <p>In a field, a backslash, tab, line feed and carriage return are written {@code \\},
 * {@code \t}, {@code \n}, {@code \r}; other control characters and unpaired surrogates as a
 * backslash, {@code u} and four hex digits. Everything else is kept as is (the text is stored
 * as UTF-8), so any string round-trips exactly, the empty one included. The same schema always
 * gives the same text.
 *
 * <pre>{@code
 * Schema copy = SchemaText.read(SchemaText.write(schema)); // equals schema
 * }</pre>
 */
public final class SchemaText {

  /** The first line; a reader refuses a version it does not know rather than guess. */
  static final String HEADER = "nanoka-schema";

  static final int VERSION = 1;

  private SchemaText() {}

  /** The schema as text, ending with a line feed. */
  public static String write(DatabaseSchema schema) {
    StringBuilder out = new StringBuilder(HEADER).append(' ').append(VERSION).append('\n');
    for (Table table : schema.tables()) {
      line(out, List.of("table", table.name(), table.exportName()));
      for (Column column : table.columns()) {
        List<String> fields = new ArrayList<>(
            List.of("column", column.name(), column.property(), flags(column)));
        fields.addAll(type(column.type()));
        line(out, fields);
        column.defaultValue().ifPresent(value -> line(out, defaultValue(value)));
        column.onRowUpdate().ifPresent(value -> line(out, List.of("on-row-update", value.sql())));
      }
      if (!table.compositePrimaryKey().isEmpty()) {
        line(out, prefixed("primary-key", table.compositePrimaryKey()));
      }
      for (TableIndex index : table.indexes()) {
        List<String> fields = new ArrayList<>(
            List.of(index.unique() ? "unique-index" : "index", index.name()));
        fields.addAll(index.columns());
        line(out, fields);
      }
      for (ForeignKey key : table.foreignKeys()) {
        List<String> fields = new ArrayList<>(List.of("foreign-key", key.name(),
            key.referencedTable(), key.onUpdate().sql(), key.onDelete().sql()));
        for (int i = 0; i < key.columns().size(); i++) {
          fields.add(key.columns().get(i));
          fields.add(key.referencedColumns().get(i));
        }
        line(out, fields);
      }
    }
    return out.toString();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalArgumentException when the text is not a schema of a version this runtime
   *     reads, or describes an invalid schema; the message names the line
   */
  public static DatabaseSchema read(String text) {
    return new SchemaTextReader(text).read();
  }

  private static String flags(Column column) {
    StringBuilder flags = new StringBuilder(column.notNull() ? "not-null" : "nullable");
    if (column.primaryKey()) {
      flags.append(" primary-key");
    }
    if (column.autoIncrement()) {
      flags.append(" auto-increment");
    }
    if (column.unique()) {
      flags.append(" unique");
    }
    return flags.toString();
  }

  private static List<String> type(LogicalType type) {
    if (type instanceof LogicalType.Native n) {
      // a PostgreSQL column: its own type, then the portable one it means
      List<String> out = new java.util.ArrayList<>(List.of("native", n.sql()));
      out.addAll(type(n.meaning()));
      return out;
    } else if (type instanceof LogicalType.Text) {
      return List.of("text");
    } else if (type instanceof LogicalType.EnumText enumText) {
      return prefixed("enum", enumText.values());
    } else if (type instanceof LogicalType.Json json) {
      return List.of("json", json.tsType());
    } else if (type instanceof LogicalType.Int) {
      return List.of("integer");
    } else if (type instanceof LogicalType.Bool) {
      return List.of("boolean");
    } else if (type instanceof LogicalType.Timestamp timestamp) {
      return List.of("timestamp", timestamp.unit().name().toLowerCase(Locale.ROOT));
    } else if (type instanceof LogicalType.Real) {
      return List.of("real");
    } else if (type instanceof LogicalType.Numeric) {
      return List.of("numeric");
    } else if (type instanceof LogicalType.Blob) {
      return List.of("blob");
    }
    throw new IllegalArgumentException("unknown column type " + type);
  }

  private static List<String> defaultValue(ColumnDefault value) {
    if (value instanceof ColumnDefault.Text text) {
      return List.of("default", "text", text.value());
    } else if (value instanceof ColumnDefault.Number number) {
      return List.of("default", "number", number.literal());
    } else if (value instanceof ColumnDefault.Bool bool) {
      return List.of("default", "boolean", Boolean.toString(bool.value()));
    } else if (value instanceof ColumnDefault.Expression expression) {
      return List.of("default", "sql", expression.sqlText());
    } else if (value instanceof ColumnDefault.ClientFunction function) {
      return List.of("default", "client", function.typescript());
    }
    throw new IllegalArgumentException("unknown default " + value);
  }

  private static List<String> prefixed(String first, List<String> rest) {
    List<String> fields = new ArrayList<>(List.of(first));
    fields.addAll(rest);
    return fields;
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append('\t');
      }
      escape(out, fields.get(i));
    }
    out.append('\n');
  }

  private static void escape(StringBuilder out, String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (Character.isISOControl(c) || unpairedSurrogate(field, i)) {
            // UTF-8 cannot carry an unpaired surrogate; control characters would be invisible
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static boolean unpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
