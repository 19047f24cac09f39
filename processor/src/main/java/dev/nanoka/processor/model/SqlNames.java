package dev.nanoka.processor.model;

import dev.nanoka.processor.Message;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationValue;

/** Naming rules: which SQL names are accepted, and how names are derived from Java names. */
public final class SqlNames {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Names a schema.ts {@code const} can't take; such exports get a {@code Table} suffix. */
  private static final Set<String> TS_RESERVED = Set.of(
      "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
      "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
      "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
      "true", "try", "typeof", "var", "void", "while", "with", "implements", "interface", "let",
      "package", "private", "protected", "public", "static", "yield", "await", "arguments",
      "eval",
      // the names schema.ts imports: a table named like one would shadow it
      "sql", "blob", "integer", "numeric", "real", "text", "sqliteTable", "foreignKey", "index",
      "primaryKey", "uniqueIndex", "AnySQLiteColumn",
      // globals schema.ts calls: $defaultFn(() => crypto.randomUUID())
      "crypto");

  /** What a name is: {@code table}, {@code column} or {@code index}. */
  public enum Kind {
    TABLE, COLUMN, INDEX;

    private String lowerCase() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private SqlNames() {}

  public static boolean isValidIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }

  /**
   * Checks a name written or derived for a table, column or index: an ASCII identifier that
   * does not start with SQLite's own prefix.
   *
   * @param at the value the name comes from, for the diagnostic (null: the annotation)
   * @param hint how the replacement is written, e.g. {@code n -> "`name = \"" + n + "\"`"}
   */
  static void check(String name, Kind kind, AnnotationValue at, UnaryOperator<String> hint)
      throws InvalidModelException {
    if (!isValidIdentifier(name)) {
      throw new InvalidModelException(Message.INVALID_NAME, at, name, kind.lowerCase(),
          hint.apply(suggestion(name)));
    }
    if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
      String what = kind.lowerCase();
      throw new InvalidModelException(Message.RESERVED_NAME, at,
          Character.toUpperCase(what.charAt(0)) + what.substring(1), name,
          hint.apply(suggestion(name)));
    }
  }

  /** A valid identifier close to the given text, for "write this instead" hints. */
  public static String suggestion(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    if (cleaned.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
      cleaned = cleaned.substring("sqlite_".length());
    }
    if (cleaned.isEmpty()) {
      cleaned = "name";
    }
    if (Character.isDigit(cleaned.charAt(0))) {
      cleaned = "t_" + cleaned;
    }
    return cleaned;
  }

  /**
   * The name of an index not named in {@code @Index}: {@code <table>_<columns>_idx}, or
   * {@code _unique}; also the unique index drizzle-kit makes of {@code @Field(unique = true)}.
   */
  public static String indexNameFor(String tableName, List<String> columns, boolean unique) {
    return tableName + "_" + String.join("_", columns) + (unique ? "_unique" : "_idx");
  }

  /**
   * The table name for a record without an explicit one: snake_case of the simple name with the
   * last word made plural ({@code BlogPost} → {@code blog_posts}).
   */
  public static String tableNameFor(String recordName) {
    String snake = recordName
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
    return plural(snake);
  }

  private static String plural(String word) {
    if (word.matches(".*(s|x|z|ch|sh)")) {
      return word + "es";
    }
    if (word.matches(".*[^aeiou]y")) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }

  /**
   * The TypeScript export for a table: camelCase of the table name ({@code post_tags} →
   * {@code postTags}), with a {@code Table} suffix when that is a reserved word.
   */
  public static String exportNameFor(String tableName) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < tableName.length() && tableName.charAt(start) == '_') {
      out.append('_');
      start++;
    }
    boolean upperNext = false;
    for (int i = start; i < tableName.length(); i++) {
      char c = tableName.charAt(i);
      if (c == '_') {
        upperNext = out.length() > start;
      } else {
        out.append(upperNext ? Character.toUpperCase(c) : c);
        upperNext = false;
      }
    }
    String name = out.length() == 0 ? tableName : out.toString();
    return TS_RESERVED.contains(name) ? name + "Table" : name;
  }
}
