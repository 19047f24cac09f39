package dev.nanoka.runtime.internal;

import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.core.text.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a migration file into statements. Files with drizzle-kit's breakpoint markers are split
 * on them; hand-written files on semicolons that end a statement — not those inside quotes,
 * comments or a trigger's {@code BEGIN … END} body.
 *
 * <p>Every piece between two markers is split on semicolons too: sqlite-jdbc's
 * {@code Statement.execute} runs only the first statement of its text and silently ignores the
 * rest, so a statement added to a generated file without its own marker would otherwise never
 * run (wrangler runs the whole file). Pieces without code (only comments, or a lone {@code ;})
 * are left out: SQLite cannot prepare them.
 */
public final class SqlSplitter {

  private SqlSplitter() {}

  /** The statements of the file, in order, each with code; comments stay with their statement. */
  public static List<String> split(String sql) {
    if (!sql.contains(StatementBreakpoints.MARKER)) {
      return splitOnSemicolons(sql);
    }
    List<String> statements = new ArrayList<>();
    for (String chunk : StatementBreakpoints.split(sql)) {
      statements.addAll(splitOnSemicolons(chunk));
    }
    return statements;
  }

  private static List<String> splitOnSemicolons(String sql) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean code = false; // whether the current statement has anything but comments and blanks
    int depth = 0; // BEGIN … END nesting inside CREATE TRIGGER
    for (int i = 0; i < sql.length(); ) {
      Token token = Token.at(sql, i);
      char c = sql.charAt(i);
      if (token.kind() == Token.Kind.WORD) {
        String word = sql.substring(i, token.end()).toUpperCase(Locale.ROOT);
        if ((word.equals("BEGIN") || word.equals("CASE")) && isTrigger(current)) {
          depth++;
        } else if (depth > 0 && word.equals("END")) {
          depth--;
        }
      }
      current.append(sql, i, token.end());
      if (c == ';' && depth == 0) {
        add(statements, current, code);
        code = false;
      } else if (token.kind() != Token.Kind.COMMENT) {
        code |= !Character.isWhitespace(c) && c != ';'; // quotes and words are code
      }
      i = token.end();
    }
    add(statements, current, code);
    return statements;
  }

  /**
   * Where SQLite would take text of the file for comment, or the rest of the file for one
   * token, although the file surely means it to run; empty when nowhere. A file with such a
   * place would run without that text — a file whose first line is a comment, nothing at all —
   * and be recorded as applied. Reads quotes and comments as {@link #split} does:
   * <ul>
   *   <li>a {@code --} comment ends at a line feed only: a carriage return inside one followed
   *       by more text (old Mac line endings, CR only) makes that text part of the comment;
   *   <li>a {@code /*} comment that is never closed takes the rest of the file;
   *   <li>so does a quote that is never closed (SQLite would fail on it, but not say where).
   * </ul>
   *
   * @return e.g. {@code line 1: this -- comment runs on …}, saying how to fix it
   */
  public static Optional<String> skippedText(String sql) {
    for (int i = 0; i < sql.length(); ) {
      Token token = Token.at(sql, i);
      char first = sql.charAt(i);
      if (token.kind() == Token.Kind.QUOTED && !token.closed()) {
        String what = first == '\'' ? "string" : "name";
        return Optional.of("line " + Lines.at(sql, i) + ": this " + first + " is never closed,"
            + " so the rest of the file would be one " + what + " (" + excerpt(sql, i) + ")."
            + " Close it" + (first == '[' ? "" : ", or double it (" + first + first
            + ") inside the " + what) + ".");
      }
      if (token.kind() == Token.Kind.COMMENT && first == '/' && !token.closed()
          && !sql.substring(i + 2).isBlank()) {
        return Optional.of("line " + Lines.at(sql, i) + ": this /* comment is never closed, so"
            + " SQLite would skip the rest of the file as part of it (" + excerpt(sql, i) + ")."
            + " Close it with */.");
      }
      if (token.kind() == Token.Kind.COMMENT && first == '-') {
        for (int cr = sql.indexOf('\r', i); cr >= 0 && cr < token.end();
            cr = sql.indexOf('\r', cr + 1)) {
          int text = cr + 1;
          while (text < token.end() && Character.isWhitespace(sql.charAt(text))) {
            text++;
          }
          if (text < token.end()) {
            return Optional.of("line " + Lines.at(sql, i) + ": this -- comment runs on past a"
                + " carriage return (CR), so SQLite would skip line " + Lines.at(sql, text) + " ("
                + excerpt(sql, text) + ") as part of it: a -- comment ends only at a line feed"
                + " (LF). The file has old Mac line endings (CR only): convert it to LF (or CRLF)"
                + " line endings.");
          }
        }
      }
      i = token.end();
    }
    return Optional.empty();
  }

  /**
   * A piece of SQL as SQLite's tokenizer sees it where it matters here: a quoted name or
   * literal, a comment, a word, or any other single character.
   *
   * @param closed false for a quote or {@code /*} comment that runs to the end of the text
   */
  private record Token(Kind kind, int start, int end, boolean closed) {

    enum Kind { QUOTED, COMMENT, WORD, OTHER }

    static Token at(String sql, int start) {
      char c = sql.charAt(start);
      int n = sql.length();
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        int close = closingQuote(sql, start);
        return new Token(Kind.QUOTED, start, close < 0 ? n : close + 1, close >= 0);
      }
      if (sql.startsWith("--", start)) {
        int end = sql.indexOf('\n', start); // SQLite's end of a -- comment: a line feed only
        return new Token(Kind.COMMENT, start, end < 0 ? n : end, true);
      }
      if (sql.startsWith("/*", start)) {
        int close = sql.indexOf("*/", start + 2);
        return new Token(Kind.COMMENT, start, close < 0 ? n : close + 2, close >= 0);
      }
      if (Character.isLetter(c) || c == '_') {
        int end = start;
        while (end < n && isWordPart(sql.charAt(end))) {
          end++;
        }
        return new Token(Kind.WORD, start, end, true);
      }
      return new Token(Kind.OTHER, start, start + 1, true);
    }

    /**
     * The index of the quote closing the one at {@code open} (a doubled quote inside stands
     * for the character; {@code [names]} have no escape), or -1 when it is never closed.
     */
    private static int closingQuote(String sql, int open) {
      char close = sql.charAt(open) == '[' ? ']' : sql.charAt(open);
      int i = open + 1;
      while (i < sql.length()) {
        if (sql.charAt(i) == close) {
          if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
            i += 2;
            continue;
          }
          return i;
        }
        i++;
      }
      return -1;
    }

    /** Letters, digits, {@code _} and {@code $} (SQLite allows it in names) make one word. */
    private static boolean isWordPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
  }

  /** The line from {@code index} on, quoted and cut short, for a message. */
  private static String excerpt(String sql, int index) {
    String line = sql.substring(index).split("[\r\n]", 2)[0].strip();
    return "\"" + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "\"";
  }

  /** Whether the statement so far is a CREATE [TEMP] TRIGGER, whose body holds semicolons. */
  private static boolean isTrigger(StringBuilder statement) {
    String head = withoutComments(statement.toString()).strip().toUpperCase(Locale.ROOT)
        .replaceAll("\\s+", " ");
    return head.startsWith("CREATE TRIGGER") || head.startsWith("CREATE TEMP TRIGGER")
        || head.startsWith("CREATE TEMPORARY TRIGGER");
  }

  /**
   * The statement with its comments blanked out. Good for looking at a statement's first words
   * (comments before code are always real comments); not for rewriting SQL, since it does not
   * know quotes.
   */
  static String withoutComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?(\\*/|$)", " ").replaceAll("--[^\n]*", " ");
  }

  private static void add(List<String> statements, StringBuilder current, boolean code) {
    String statement = current.toString().strip();
    current.setLength(0);
    if (code) {
      statements.add(statement);
    }
  }
}
