package dev.nanoka.core.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses the text of {@link SchemaText}, one line at a time; every problem, including an
 * invariant the schema model's constructors refuse, is reported with the number of its line.
 */
final class SchemaTextReader {

  private static final Set<String> KEY_FLAGS = Set.of("primary-key", "auto-increment", "unique");

  private final String[] lines;
  private int lineNumber;
  private final List<Table> tables = new ArrayList<>();
  private final Set<String> tableNames = new HashSet<>();
  private OpenTable table;
  /** Whether the line before was a column, which a {@code default} line may follow. */
  private boolean afterColumn;
  /** Whether the line before was a column or its default, which on-row-update may follow. */
  private boolean columnOpen;

  /** The table whose lines are being read. */
  private static final class OpenTable {
    final int line;
    final String name;
    final String exportName;
    final List<Column> columns = new ArrayList<>();
    List<String> compositePrimaryKey = List.of();
    final List<TableIndex> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();

    OpenTable(int line, String name, String exportName) {
      this.line = line;
      this.name = name;
      this.exportName = exportName;
    }
  }

  SchemaTextReader(String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    this.lines = body.split("\n", -1);
  }

  DatabaseSchema read() {
    lineNumber = 1;
    header(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      lineNumber = i + 1;
      record(fields(lines[i]));
    }
    closeTable();
    return new DatabaseSchema(tables);
  }

  private void header(String line) {
    String prefix = SchemaText.HEADER + " ";
    if (!line.startsWith(prefix)) {
      throw error("not a Nanoka schema: the first line must be \"" + SchemaText.HEADER + " "
          + SchemaText.VERSION + "\"");
    }
    String version = line.substring(prefix.length());
    if (!version.equals(Integer.toString(SchemaText.VERSION))) {
      throw error("schema text version " + version + " is not supported; this runtime reads"
          + " version " + SchemaText.VERSION + ". Use the nanoka-runtime version of the"
          + " processor that wrote it");
    }
  }

  private void record(List<String> fields) {
    String kind = fields.get(0);
    if (kind.isEmpty() && fields.size() == 1) {
      throw error("empty line");
    }
    if (kind.equals("table")) {
      closeTable();
      count(fields, 3, 3);
      String name = fields.get(1);
      if (!tableNames.add(name.toLowerCase(Locale.ROOT))) {
        // Schema checks this too, but only here can the message name the line
        throw error("duplicate table name: " + name);
      }
      table = new OpenTable(lineNumber, name, fields.get(2));
      afterColumn = false;
      return;
    }
    if (table == null) {
      throw error("\"" + kind + "\" before the first table line");
    }
    boolean column = false;
    boolean open = false;
    switch (kind) {
      case "column" -> {
        column(fields);
        column = true;
        open = true;
      }
      case "default" -> {
        defaultValue(fields);
        open = true;
      }
      case "on-row-update" -> onRowUpdate(fields);
      case "primary-key" -> {
        count(fields, 2, Integer.MAX_VALUE);
        if (!table.compositePrimaryKey.isEmpty()) {
          throw error("a second primary-key line for table " + table.name);
        }
        table.compositePrimaryKey = fields.subList(1, fields.size());
      }
      case "index", "unique-index" -> {
        count(fields, 3, Integer.MAX_VALUE);
        table.indexes.add(
            build(
                () ->
                    new TableIndex(
                        fields.get(1),
                        fields.subList(2, fields.size()),
                        kind.equals("unique-index"))));
      }
      case "foreign-key" -> foreignKey(fields);
      default -> throw error("unknown record \"" + kind + "\"; expected table, column, default,"
          + " on-row-update, primary-key, index, unique-index or foreign-key");
    }
    afterColumn = column;
    columnOpen = open;
  }

  private void column(List<String> fields) {
    count(fields, 5, Integer.MAX_VALUE);
    Set<String> flags = flags(fields.get(3));
    LogicalType type = type(fields.get(4), fields.subList(5, fields.size()));
    table.columns.add(build(() -> new Column(fields.get(1), fields.get(2), type,
        flags.contains("not-null"), flags.contains("primary-key"),
        flags.contains("auto-increment"), flags.contains("unique"), Optional.empty())));
  }

  private Set<String> flags(String field) {
    String[] words = field.split(" ", -1);
    if (!words[0].equals("not-null") && !words[0].equals("nullable")) {
      throw error("column flags must start with not-null or nullable, found \"" + field + "\"");
    }
    Set<String> flags = new HashSet<>(List.of(words[0]));
    for (int i = 1; i < words.length; i++) {
      boolean known = KEY_FLAGS.contains(words[i]);
      if (!known || !flags.add(words[i])) {
        throw error("column flag \"" + words[i] + "\" is " + (known ? "repeated" : "unknown")
            + "; flags are not-null or nullable, then primary-key, auto-increment, unique");
      }
    }
    return flags;
  }

  private LogicalType type(String name, List<String> details) {
    return switch (name) {
      case "native" -> {
        if (details.size() < 2 || details.get(1).equals("native")) {
          throw error("a native column has its PostgreSQL type and a type after it");
        }
        yield new LogicalType.Native(details.get(0),
            type(details.get(1), details.subList(2, details.size())));
      }
      case "enum" -> {
        if (details.isEmpty()) {
          throw error("an enum column needs at least one value");
        }
        yield new LogicalType.EnumText(details);
      }
      case "json" -> new LogicalType.Json(single(name, details));
      case "timestamp" -> new LogicalType.Timestamp(unit(single(name, details)));
      case "text" -> plain(name, new LogicalType.Text(), details);
      case "integer" -> plain(name, new LogicalType.Int(), details);
      case "boolean" -> plain(name, new LogicalType.Bool(), details);
      case "real" -> plain(name, new LogicalType.Real(), details);
      case "numeric" -> plain(name, new LogicalType.Numeric(), details);
      case "blob" -> plain(name, new LogicalType.Blob(), details);
      default -> throw error("unknown column type \"" + name + "\"");
    };
  }

  private String single(String type, List<String> details) {
    if (details.size() != 1) {
      throw error("a " + type + " column has one field after its type, found "
          + details.size());
    }
    return details.get(0);
  }

  private LogicalType plain(String name, LogicalType type, List<String> details) {
    if (!details.isEmpty()) {
      throw error("a " + name + " column has no field after its type, found "
          + details.size());
    }
    return type;
  }

  private LogicalType.Timestamp.TimeUnit unit(String unit) {
    return switch (unit) {
      case "seconds" -> LogicalType.Timestamp.TimeUnit.SECONDS;
      case "milliseconds" -> LogicalType.Timestamp.TimeUnit.MILLISECONDS;
      default -> throw error("a timestamp unit is seconds or milliseconds, found \"" + unit
          + "\"");
    };
  }

  private void defaultValue(List<String> fields) {
    if (!afterColumn) {
      throw error("a default line must follow the line of its column");
    }
    count(fields, 3, 3);
    String value = fields.get(2);
    ColumnDefault parsed = build(() -> switch (fields.get(1)) {
      case "text" -> new ColumnDefault.Text(value);
      case "number" -> new ColumnDefault.Number(value);
      case "boolean" -> new ColumnDefault.Bool(bool(value));
      case "sql" -> new ColumnDefault.Expression(value);
      case "client" -> new ColumnDefault.ClientFunction(value);
      default -> throw new IllegalArgumentException("unknown default kind \"" + fields.get(1)
          + "\"; expected text, number, boolean, sql or client");
    });
    Column c = table.columns.remove(table.columns.size() - 1);
    table.columns.add(new Column(c.name(), c.property(), c.type(), c.notNull(), c.primaryKey(),
        c.autoIncrement(), c.unique(), Optional.of(parsed), c.onRowUpdate()));
  }

  private void onRowUpdate(List<String> fields) {
    if (!columnOpen) {
      throw error("an on-row-update line must follow the line of its column (or its default)");
    }
    count(fields, 2, 2);
    OnRowUpdate parsed = build(() -> new OnRowUpdate(fields.get(1)));
    Column c = table.columns.remove(table.columns.size() - 1);
    table.columns.add(c.withOnRowUpdate(Optional.of(parsed)));
  }

  private static boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(
          "a boolean default is true or false, found \"" + value + "\"");
    };
  }

  private void foreignKey(List<String> fields) {
    count(fields, 7, Integer.MAX_VALUE);
    if ((fields.size() - 5) % 2 != 0) {
      throw error("a foreign-key line ends with pairs of column and referenced column, found an"
          + " odd number of names");
    }
    List<String> columns = new ArrayList<>();
    List<String> referenced = new ArrayList<>();
    for (int i = 5; i < fields.size(); i += 2) {
      columns.add(fields.get(i));
      referenced.add(fields.get(i + 1));
    }
    ForeignKey.Action onUpdate = action(fields.get(3));
    ForeignKey.Action onDelete = action(fields.get(4));
    table.foreignKeys.add(build(() -> new ForeignKey(fields.get(1), columns, fields.get(2),
        referenced, onUpdate, onDelete)));
  }

  private ForeignKey.Action action(String sql) {
    for (ForeignKey.Action action : ForeignKey.Action.values()) {
      if (action.sql().equals(sql)) {
        return action;
      }
    }
    throw error("unknown referential action \"" + sql + "\"; expected no action, restrict,"
        + " cascade, set null or set default");
  }

  private void closeTable() {
    if (table == null) {
      return;
    }
    OpenTable open = table;
    try {
      tables.add(new Table(open.name, open.exportName, open.columns, open.compositePrimaryKey,
          open.indexes, open.foreignKeys));
    } catch (IllegalArgumentException e) {
      throw error(open.line, e.getMessage());
    }
    table = null;
  }

  private void count(List<String> fields, int min, int max) {
    if (fields.size() < min || fields.size() > max) {
      String expected = min == max ? Integer.toString(min)
          : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
      throw error(fields.get(0) + " line needs " + expected + " tab-separated fields,"
          + " found " + fields.size());
    }
  }

  /** Calls a constructor of the model, naming the line in what it refuses. */
  private <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    for (String raw : line.split("\t", -1)) {
      fields.add(unescape(raw));
    }
    return fields;
  }

  private String unescape(String raw) {
    if (raw.indexOf('\\') < 0 && raw.chars().noneMatch(Character::isISOControl)) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isISOControl(c)) {
        // write() escapes them all: the text was altered, e.g. its line endings converted
        throw error(String.format(Locale.ROOT, "unescaped control character U+%04X", (int) c));
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 == raw.length()) {
        throw error("a field ends with a lone backslash");
      }
      char next = raw.charAt(++i);
      switch (next) {
        case '\\' -> out.append('\\');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'u' -> {
          String hex = raw.substring(i + 1, Math.min(i + 5, raw.length()));
          if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw error("\\u must be followed by four hex digits, found \"\\u" + hex + "\"");
          }
          out.append((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        default -> throw error("unknown escape \\" + next + "; expected \\\\, \\t, \\n, \\r"
            + " or \\uXXXX");
      }
    }
    return out.toString();
  }

  private IllegalArgumentException error(String message) {
    return error(lineNumber, message);
  }

  private static IllegalArgumentException error(int line, String message) {
    return new IllegalArgumentException("line " + line + ": " + message);
  }
}
