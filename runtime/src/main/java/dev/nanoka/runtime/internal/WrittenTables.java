package dev.nanoka.runtime.internal;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tables a script's statements wrote or re-created, as far as their text and row counts
 * tell: where the foreign keys it ran without can have broken. A script runs with enforcement
 * off, so afterwards the references must be checked; with this the check reads the tables the
 * script wrote and those referencing them instead of the whole database, which on a large
 * database costs more than a migration that touched one small table (a table rebuild under a
 * million dependent rows: the check read them all).
 *
 * <p>Anything it cannot read for certain makes it answer "everything": a statement other than
 * those below, a table in another schema, a trigger created or dropped (triggers write tables
 * their statement does not name; the caller also checks everything when the database has one),
 * and a dropped index (a foreign key may need it).
 * <ul>
 *   <li>{@code INSERT}/{@code REPLACE}/{@code UPDATE}/{@code DELETE} on a table: written, unless
 *       it changed no row;
 *   <li>{@code CREATE TABLE}, {@code DROP TABLE}, {@code ALTER TABLE} (both names of a rename):
 *       written, whatever the row count;
 *   <li>{@code CREATE INDEX}, {@code CREATE VIEW}, {@code DROP VIEW}, {@code SELECT}: nothing.
 * </ul>
 */
final class WrittenTables {

  /** A name, quoted any way SQLite accepts, or bare; group 1 of {@link #QUALIFIED} is its schema. */
  private static final String NAME =
      "(`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|\\[[^\\]]+]|[A-Za-z_][A-Za-z0-9_$]*)";
  private static final String QUALIFIED = "(?:" + NAME + "\\s*\\.\\s*)?" + NAME;

  /** Statements writing rows of one table: groups 1 and 2 are its schema and name. */
  private static final List<Pattern> ROWS = patterns(
      "(?:INSERT|REPLACE)\\s+(?:OR\\s+\\w+\\s+)?INTO\\s+" + QUALIFIED,
      "UPDATE\\s+(?:OR\\s+\\w+\\s+)?" + QUALIFIED,
      "DELETE\\s+FROM\\s+" + QUALIFIED);
  /** Statements re-creating a table: groups 1 and 2 as above, 3 the new name of a rename. */
  private static final List<Pattern> TABLES = patterns(
      "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QUALIFIED + "()",
      "DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + QUALIFIED + "()",
      "ALTER\\s+TABLE\\s+" + QUALIFIED + "(?:\\s+RENAME\\s+TO\\s+" + NAME + ")?");
  private static final List<Pattern> HARMLESS = patterns("CREATE\\s+(?:UNIQUE\\s+)?INDEX",
      "CREATE\\s+VIEW", "DROP\\s+VIEW", "SELECT");

  private final Set<String> tables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private boolean everything;

  /**
   * Records a statement that ran.
   *
   * @param rows the rows it inserted, updated or deleted, or -1 when not known
   */
  void ran(String sql, long rows) {
    if (everything) {
      return;
    }
    String code = code(sql);
    Optional<Matcher> m = match(ROWS, code);
    if (m.isPresent()) {
      if (rows != 0) {
        add(m.get().group(1), m.get().group(2));
      }
      return;
    }
    m = match(TABLES, code);
    if (m.isPresent()) {
      add(m.get().group(1), m.get().group(2));
      String renamed = m.get().group(3);
      if (renamed != null && !renamed.isEmpty()) {
        add(null, renamed);
      }
      return;
    }
    everything = match(HARMLESS, code).isEmpty();
  }

  /** Whether only a check of the whole database will do. */
  boolean everything() {
    return everything;
  }

  /** The tables written, by name as the statements spell them (unquoted). */
  Set<String> tables() {
    return Collections.unmodifiableSet(tables);
  }

  private void add(String schema, String name) {
    if (schema != null && !unquote(schema).equalsIgnoreCase("main")) {
      everything = true;
    } else {
      tables.add(unquote(name));
    }
  }

  /** The statement from its first word of code: leading comments and blanks skipped. */
  static String code(String sql) {
    int i = 0;
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        break;
      }
    }
    return sql.substring(i);
  }

  private static Optional<Matcher> match(List<Pattern> patterns, String code) {
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(code);
      if (m.lookingAt()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Each pattern at the start of a statement, ending where a word does. */
  private static List<Pattern> patterns(String... regexes) {
    return Stream.of(regexes)
        .map(r -> Pattern.compile("(?is)" + r + "(?![A-Za-z0-9_$])"))
        .toList();
  }

  private static String unquote(String name) {
    char first = name.charAt(0);
    if (first == '`' || first == '"') {
      return name.substring(1, name.length() - 1).replace("" + first + first, "" + first);
    }
    return first == '[' ? name.substring(1, name.length() - 1) : name;
  }
}
