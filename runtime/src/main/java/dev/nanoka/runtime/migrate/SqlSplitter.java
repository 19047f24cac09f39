package dev.nanoka.runtime.migrate;

import dev.nanoka.runtime.sql.StatementBreakpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration file into statements. Files with drizzle-kit's breakpoint markers are split
 * on them; hand-written files on semicolons that end a statement — not those inside quotes,
 * comments or a trigger's {@code BEGIN … END} body.
 */
public final class SqlSplitter {

  private SqlSplitter() {}

  public static List<String> split(String sql) {
    if (sql.contains(StatementBreakpoints.MARKER)) {
      return StatementBreakpoints.split(sql);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
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
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        if (isTrigger(current) && (word.equals("BEGIN") || word.equals("CASE"))) {
          depth++;
        } else if (depth > 0 && word.equals("END")) {
          depth--;
        }
        current.append(sql, i, end);
        i = end;
      } else if (c == ';' && depth == 0) {
        current.append(c);
        add(statements, current);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return statements;
  }

  /** Whether the statement so far is a CREATE [TEMP] TRIGGER, whose body holds semicolons. */
  private static boolean isTrigger(StringBuilder statement) {
    String head = withoutComments(statement.toString()).strip().toUpperCase(Locale.ROOT)
        .replaceAll("\\s+", " ");
    return head.startsWith("CREATE TRIGGER") || head.startsWith("CREATE TEMP TRIGGER")
        || head.startsWith("CREATE TEMPORARY TRIGGER");
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
  }

  private static void add(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    current.setLength(0);
    if (!withoutComments(statement).isBlank() && !statement.equals(";")) {
      statements.add(statement);
    }
  }
}
