package dev.nanoka.core.sql;

import java.util.List;

/**
 * One statement of a migration, with comment lines written just above it (what data it may
 * lose, why a rebuild happens).
 */
public record MigrationStatement(String sql, List<String> comments) {

  public MigrationStatement {
    comments = List.copyOf(comments);
  }

  public static MigrationStatement of(String sql) {
    return new MigrationStatement(sql, List.of());
  }

  /** The statement as written in the file: {@code -- comment} lines, then the SQL. */
  public String text() {
    StringBuilder out = new StringBuilder();
    comments.forEach(c -> out.append("-- ").append(c).append('\n'));
    return out.append(sql).toString();
  }
}
