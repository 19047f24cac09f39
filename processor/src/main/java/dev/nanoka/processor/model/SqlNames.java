package dev.nanoka.processor.model;

import dev.nanoka.core.schema.ReservedNames;
import dev.nanoka.core.schema.ReservedNames.Owner;
import dev.nanoka.processor.ModelMessages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
      "primaryKey", "uniqueIndex", "AnySQLiteColumn", "relations",
      // the helpers relations(t, ({ one, many }) => …) binds: a table named like one is shadowed
      "one", "many",
      // globals schema.ts calls: $defaultFn(() => crypto.randomUUID())
      "crypto");

  /**
   * JavaScript's one object key that is not a property: {@code { __proto__: x }} sets the
   * prototype. drizzle-kit keeps tables, columns and indexes in objects keyed by name, and fails
   * on it; in schema.ts it would be a column's property.
   */
  static final String PROTO = "__proto__";

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
   * nobody else claims.
   *
   * @param at the value the name comes from, for the diagnostic (null: the annotation)
   * @param hint how the replacement is written, e.g. {@code n -> "`name = \"" + n + "\"`"}
   */
  static void check(String name, Kind kind, AnnotationValue at, UnaryOperator<String> hint)
      throws InvalidModelException {
    if (!isValidIdentifier(name)) {
      throw new InvalidModelException(
          ModelMessages.invalidName(name, kind.lowerCase(), hint.apply(suggestion(name))), at);
    }
    Optional<String> reserved = reservation(name, kind);
    if (reserved.isPresent()) {
      throw new InvalidModelException(ModelMessages.reservedName(
          kind.lowerCase(), name, reserved.get(), hint.apply(suggestion(name))), at);
    }
  }

  /**
   * Why the name can't be used, if it can't: SQLite, D1, the migration tools and the migrations'
   * rebuilds take table and index names ({@link ReservedNames}); within a table only SQLite's
   * prefix is kept away from columns, as it always was.
   */
  static Optional<String> reservation(String name, Kind kind) {
    if (name.equals(PROTO)) {
      return Optional.of("is special in JavaScript: drizzle-kit keeps tables, columns and"
          + " indexes in objects keyed by name, and the key \"__proto__\" sets an object's"
          + " prototype instead, so drizzle-kit fails on it");
    }
    Optional<Owner> owner = ReservedNames.ownerOf(name)
        .filter(o -> kind != Kind.COLUMN || o == Owner.SQLITE);
    return owner.map(o -> reason(o) + (name.startsWith(o.text()) ? ""
        : " (SQLite compares names ignoring case)"));
  }

  private static String reason(Owner owner) {
    return switch (owner) {
      case SQLITE -> "starts with \"sqlite_\", which SQLite reserves for itself";
      case CLOUDFLARE -> "starts with \"_cf_\", which Cloudflare D1 reserves for its own tables"
          + " (such as _cf_KV)";
      case WRANGLER_HISTORY -> "is the table in which wrangler, and Nanoka's runtime with it,"
          + " records the migrations applied to a database";
      case NANOKA_CHECKSUMS -> "is the table in which Nanoka's runtime records the checksums of"
          + " the migrations applied to a database";
      case DRIZZLE_HISTORY -> "is the table in which drizzle-orm's migrator records the"
          + " migrations applied to a database";
      case REBUILD_TABLE -> "starts with \"__new_\": a migration that re-creates a table builds"
          + " the new one as __new_<table>";
      case REBUILD_KEEP -> "starts with \"__nanoka_keep_\": a migration that re-creates a table"
          + " sets rows aside in __nanoka_keep_<table>";
    };
  }

  /** A valid, unreserved identifier close to the given text, for "write this instead" hints. */
  public static String suggestion(String name) {
    String cleaned = clean(name);
    for (Optional<Owner> owner = ReservedNames.ownerOf(cleaned); owner.isPresent();
        owner = ReservedNames.ownerOf(cleaned)) {
      // a prefix is dropped; a whole name (a history table) gets one of the application's
      cleaned = clean(owner.get().prefix()
          ? cleaned.substring(owner.get().text().length()) : "app_" + cleaned);
    }
    return cleaned;
  }

  private static String clean(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    if (cleaned.isEmpty()) {
      return "name";
    }
    return Character.isDigit(cleaned.charAt(0)) ? "t_" + cleaned : cleaned;
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
