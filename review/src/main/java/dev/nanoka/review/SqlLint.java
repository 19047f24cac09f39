package dev.nanoka.review;

import dev.nanoka.review.SqlStatements.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint rules that read a statement's SQL: what D1 refuses or ignores, and hand-written
 * statements over every row of a table. They read the text as SQLite would (quotes, comments and
 * trigger bodies are not keywords), never to decide data loss: that is the differ's, from the
 * snapshots.
 */
final class SqlLint {

  /** D1's limit on a statement's length, in bytes. */
  static final int MAX_STATEMENT_BYTES = 100_000;

  private static final Pattern TRANSACTION =
      Pattern.compile("(?i)(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)");

  /** {@code PRAGMA [schema.]name}, the name in the second group; masked text, so no quotes. */
  private static final Pattern PRAGMA = Pattern.compile(
      "(?is)^PRAGMA\\s+(?:[^\\s.(=;]+\\s*\\.\\s*)?([^\\s.(=;]+)\\s*(=|\\()?");

  private static final Pattern FOREIGN_KEY_CHECK_FUNCTION =
      Pattern.compile("(?i)\\bpragma_foreign_key_check\\b");

  private static final Pattern WHERE_OR_LIMIT = Pattern.compile("(?i)\\b(WHERE|LIMIT)\\b");

  private static final Pattern INSERT_SELECT = Pattern.compile(
      "(?is)^(?:INSERT|REPLACE)\\b.*?\\bSELECT\\b.*?\\bFROM\\s+");

  private static final Pattern UPDATE = Pattern.compile("(?is)^UPDATE\\s+(?:OR\\s+\\w+\\s+)?");

  private static final Pattern DELETE = Pattern.compile("(?is)^DELETE\\s+FROM\\s+");

  private SqlLint() {}

  /**
   * The findings for one statement.
   *
   * @param handWritten whether the statement is not one the generator writes for this migration:
   *     only those are checked for unbounded work (the generator's own are outlined per rebuild)
   */
  static List<Finding> lint(Path file, Statement statement, boolean handWritten) {
    List<Finding> out = new ArrayList<>();
    Optional<Integer> line = Optional.of(statement.line());
    int bytes = statement.text().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_STATEMENT_BYTES) {
      out.add(LintRule.D1_STATEMENT_SIZE.at(file, line, "this statement (" + excerpt(statement)
          + ") is " + bytes + " bytes; D1 refuses statements over " + MAX_STATEMENT_BYTES
          + ". Split it, e.g. an INSERT of many rows into several"));
    }
    String masked = statement.masked();
    String first = statement.firstWord();
    if (TRANSACTION.matcher(first).matches()) {
      out.add(LintRule.D1_TRANSACTION.at(file, line, first + " controls the transaction: D1 in"
          + " production refuses it, though wrangler --local runs it. Remove it: every migration"
          + " file already runs as one unit (Nanoka's migrate refuses it too)"));
    }
    Matcher pragma = PRAGMA.matcher(statement.code());
    if (pragma.find()) {
      String name = pragma.group(1).replaceAll("[\"`\\[\\]']", "");
      if (name.equalsIgnoreCase("foreign_key_check")) {
        out.add(foreignKeyCheck(file, line));
      } else if (name.equalsIgnoreCase("foreign_keys") && pragma.group(2) != null) {
        out.add(LintRule.D1_FOREIGN_KEYS_PRAGMA.at(file, line, "`" + statement.code()
            + "` does nothing here: SQLite ignores it inside a transaction and D1 runs every"
            + " migration in one, so foreign keys stay enforced and dropping a referenced table"
            + " deletes (ON DELETE CASCADE) or blocks on the rows of the tables referencing it."
            + " Remove it; to rebuild a referenced table, set the referencing rows aside as"
            + " Nanoka's generated rebuilds do"));
      }
    } else if (FOREIGN_KEY_CHECK_FUNCTION.matcher(masked).find()) {
      out.add(foreignKeyCheck(file, line));
    }
    if (handWritten) {
      unbounded(file, statement, masked).ifPresent(out::add);
    }
    return out;
  }

  private static Finding foreignKeyCheck(Path file, Optional<Integer> line) {
    return LintRule.D1_FOREIGN_KEY_CHECK.at(file, line, "foreign_key_check returns the"
        + " violations as rows and fails nothing, so it checks nothing in a migration; D1 has"
        + " refused it as not authorized. Remove it (Nanoka's migrate checks the foreign keys of"
        + " the tables a file wrote after each file)");
  }

  /** A hand-written INSERT … SELECT, UPDATE or DELETE over every row of a table. */
  private static Optional<Finding> unbounded(Path file, Statement statement, String masked) {
    if (WHERE_OR_LIMIT.matcher(masked).find()) {
      return Optional.empty();
    }
    String verb;
    Matcher table;
    if ((table = INSERT_SELECT.matcher(masked)).find()) {
      verb = "copies every row of ";
    } else if ((table = UPDATE.matcher(masked)).find()) {
      verb = "updates every row of ";
    } else if ((table = DELETE.matcher(masked)).find()) {
      verb = "deletes every row of ";
    } else {
      return Optional.empty();
    }
    String name = nameAt(statement.code(), table.end());
    return Optional.of(LintRule.UNBOUNDED_STATEMENT.at(file, Optional.of(statement.line()),
        "this hand-written statement " + verb + name + " in one statement: its time grows with"
            + " the table, and D1 stops a query at 30 seconds (the migration then rolls back)."
            + " On a large table, split it into statements of a bounded range each (WHERE id"
            + " BETWEEN …)"));
  }

  /** The (possibly quoted) name starting at {@code at}, as written. */
  private static String nameAt(String code, int at) {
    if (at >= code.length()) {
      return "a table";
    }
    char c = code.charAt(at);
    if (c == '`' || c == '"' || c == '[' || c == '\'') {
      int close = code.indexOf(c == '[' ? ']' : c, at + 1);
      return close < 0 ? code.substring(at) : code.substring(at, close + 1);
    }
    int end = at;
    while (end < code.length()
        && (Character.isLetterOrDigit(code.charAt(end)) || "_$.".indexOf(code.charAt(end)) >= 0)) {
      end++;
    }
    return end == at ? "a table" : code.substring(at, end);
  }

  /** The statement's first line of code, cut short. */
  static String excerpt(Statement statement) {
    String line = statement.code().split("\n", 2)[0].strip();
    return line.length() > 60 ? line.substring(0, 60) + "…" : line;
  }
}
