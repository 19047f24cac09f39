package dev.nanoka.review;

/** How {@code review} prints a report. Every format is deterministic: same folder, same bytes. */
public enum ReviewFormat {
  /** For a terminal: findings as compilers print them ({@code file:line: warning [rule] …}). */
  TEXT,
  /** For a pull request comment: a heading per migration, its changes, a table of findings. */
  MARKDOWN,
  /** For tools: stable field names (see README). */
  JSON;

  public String render(ReviewReport report) {
    return switch (this) {
      case TEXT -> TextReport.render(report);
      case MARKDOWN -> MarkdownReport.render(report);
      case JSON -> JsonReport.render(report);
    };
  }
}
