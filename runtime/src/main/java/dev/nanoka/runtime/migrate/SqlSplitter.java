package dev.nanoka.runtime.migrate;

import dev.nanoka.runtime.sql.StatementBreakpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = i + 1;
        while (end < n) {
          if (sql.charAt(end) == close) {
            if (close != ']' && end + 1 < n && sql.charAt(end + 1) == close) {
              end += 2; // doubled quote inside a literal
              continue;
            }
            break;
          }
          end++;
        }
        end = Math.min(end + 1, n);
        current.append(sql, i, end);
        code = true;
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        current.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        current.append(sql, i, end);
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n && isWordPart(sql.charAt(end))) {
          end++;
        }
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        if ((word.equals("BEGIN") || word.equals("CASE")) && isTrigger(current)) {
          depth++;
        } else if (depth > 0 && word.equals("END")) {
          depth--;
        }
        current.append(sql, i, end);
        code = true;
        i = end;
      } else if (c == ';' && depth == 0) {
        current.append(c);
        add(statements, current, code);
        code = false;
        i++;
      } else {
        current.append(c);
        code |= !Character.isWhitespace(c) && c != ';';
        i++;
      }
    }
    add(statements, current, code);
    return statements;
  }

  /** Letters, digits, {@code _} and {@code $} (SQLite allows it in names) make one word. */
  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
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
