package dev.nanoka.review;

import dev.nanoka.core.text.Lines;
import dev.nanoka.runtime.internal.SqlSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A migration file's statements as the runtime runs them (split by {@link SqlSplitter}: on
 * drizzle's breakpoints, then on the semicolons that end a statement, never on one inside a
 * quote, a comment or a trigger's body), each with the line it starts on.
 */
final class SqlStatements {

  /**
   * One statement.
   *
   * @param text as in the file, with the comments written above it
   * @param line the file's line the statement's code starts on (after the comments above it)
   * @param code the text without the comments before it, line endings as {@code \n}
   */
  record Statement(String text, int line, String code) {

    /** The code with quoted names, strings and comments blanked: for finding keywords. */
    String masked() {
      return mask(code);
    }

    /** The code's first word, upper case ("" when it starts with something else). */
    String firstWord() {
      int end = 0;
      while (end < code.length() && Character.isLetter(code.charAt(end))) {
        end++;
      }
      return code.substring(0, end).toUpperCase(Locale.ROOT);
    }
  }

  private SqlStatements() {}

  static List<Statement> of(String file) {
    List<Statement> out = new ArrayList<>();
    int from = 0;
    for (String text : SqlSplitter.split(file)) {
      int at = file.indexOf(text, from);
      if (at < 0) { // cannot happen: the splitter returns stripped pieces of the text
        at = from;
      } else {
        from = at + text.length();
      }
      out.add(new Statement(text, Lines.at(file, at + codeStart(text)), code(text)));
    }
    return out;
  }

  /** The statement without the comments and blanks before its first word. */
  static String code(String statement) {
    return statement.substring(codeStart(statement)).strip()
        .replace("\r\n", "\n").replace('\r', '\n');
  }

  /** Where the statement's first word starts, past the comments and blanks before it. */
  private static int codeStart(String text) {
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (text.startsWith("--", i)) {
        int end = text.indexOf('\n', i); // SQLite ends a -- comment at a line feed only
        i = end < 0 ? text.length() : end + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * The text with the inside of every quote ({@code '…'}, {@code "…"}, {@code `…`},
   * {@code […]}) and every comment replaced by spaces, same length: a keyword found in it is a
   * keyword of the statement, not a word of a string, a name or a comment.
   */
  static String mask(String sql) {
    char[] out = sql.toCharArray();
    int i = 0;
    while (i < out.length) {
      char c = out[i];
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int j = i + 1;
        while (j < out.length) {
          if (out[j] == close) {
            if (close != ']' && j + 1 < out.length && out[j + 1] == close) {
              out[j] = ' ';
              out[j + 1] = ' ';
              j += 2;
              continue;
            }
            break;
          }
          out[j++] = ' ';
        }
        i = j + 1;
      } else if (sql.startsWith("--", i)) {
        while (i < out.length && out[i] != '\n') {
          out[i++] = ' ';
        }
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        int stop = end < 0 ? out.length : end + 2;
        while (i < stop) {
          out[i++] = ' ';
        }
      } else {
        i++;
      }
    }
    return new String(out);
  }
}
