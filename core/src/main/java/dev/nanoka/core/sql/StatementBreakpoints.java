package dev.nanoka.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * drizzle-kit's migration file layout: statements separated by {@code --> statement-breakpoint}
 * and a newline. A CREATE TABLE ends in {@code );} and a newline, so its marker stands on a line
 * of its own; other statements carry the marker right after their {@code ;}. No newline at the
 * end of the file.
 */
public final class StatementBreakpoints {

  public static final String MARKER = "--> statement-breakpoint";

  private StatementBreakpoints() {}

  public static String join(List<MigrationStatement> statements) {
    List<String> texts = statements.stream().map(MigrationStatement::text).toList();
    return String.join(MARKER + "\n", texts);
  }

  /** The statements of a file written with breakpoints, trimmed, empty chunks left out. */
  public static List<String> split(String file) {
    List<String> statements = new ArrayList<>();
    for (String chunk : file.split(java.util.regex.Pattern.quote(MARKER))) {
      if (!chunk.isBlank()) {
        statements.add(chunk.strip());
      }
    }
    return statements;
  }
}
