package dev.nanoka.review;

import java.util.List;

/**
 * The report as a pull request comment: short, a heading per migration, its changes as a list,
 * hand edits as a diff, findings as a table with the rule ids.
 */
final class MarkdownReport {

  /**
   * GitHub refuses a comment over 65,536 characters; a first migration of a large schema lists
   * thousands of columns. Past this, new tables are told without their columns, then migrations
   * are left out, with a note saying so.
   */
  static final int MAX_LENGTH = 60_000;

  private MarkdownReport() {}

  static String render(ReviewReport report) {
    String full = render(report, false);
    if (full.length() <= MAX_LENGTH) {
      return full;
    }
    String compact = render(report, true);
    if (compact.length() <= MAX_LENGTH) {
      return compact;
    }
    String note = "\n_… and more: the review is longer than a pull request comment may be. Run"
        + " `nanoka review` for all of it._\n";
    int cut = compact.lastIndexOf("\n### ", MAX_LENGTH - note.length());
    if (cut < 0) {
      cut = compact.lastIndexOf('\n', MAX_LENGTH - note.length());
    }
    return compact.substring(0, cut + 1) + note;
  }

  private static String render(ReviewReport report, boolean compact) {
    StringBuilder out = new StringBuilder();
    out.append("## Schema review\n\n").append(ReportText.migrations(report, "`")).append(" — ")
        .append(icon(Severity.ERROR)).append(' ')
        .append(ReportText.count(report.count(Severity.ERROR), "error")).append(" · ")
        .append(icon(Severity.WARNING)).append(' ')
        .append(ReportText.count(report.count(Severity.WARNING), "warning")).append(" · ")
        .append(icon(Severity.INFO)).append(' ')
        .append(ReportText.count(report.count(Severity.INFO), "note")).append('\n');
    if (!report.findings().isEmpty()) {
      out.append('\n');
      findings(out, report.findings(), true);
    }
    for (MigrationReview migration : report.migrations()) {
      out.append("\n### `").append(migration.name()).append('`');
      if (migration.status() == MigrationReview.Status.CHANGED) {
        out.append(" (changed since the base)");
      }
      out.append("\n\n");
      if (migration.changes().isEmpty()) {
        out.append("No schema change.\n");
      }
      for (ReviewedChange change : migration.changes()) {
        out.append("- ").append(change.text()).append('\n');
        if (compact && change.kind().equals("create-table")) {
          continue; // its columns are in the migration; the rest of the review must fit
        }
        change.details().forEach(d -> out.append("  - ").append(d).append('\n'));
      }
      migration.handEdit().ifPresent(edit -> {
        if (edit.exact()) {
          out.append("\n**Edited by hand**: the lines that differ from what Nanoka generated\n\n");
          fenced(out, "diff", ReportText.diffLines(edit));
        } else {
          out.append("\n**Edited by hand**: the statements Nanoka would not write\n\n");
          fenced(out, "sql", edit.statements());
        }
      });
      if (migration.origin() == MigrationReview.Origin.OTHER) {
        out.append("\n_").append(ReportText.origin(migration)).append("._\n");
      }
      if (!migration.findings().isEmpty()) {
        out.append('\n');
        findings(out, migration.findings(), false);
      }
    }
    return out.toString();
  }

  private static void findings(StringBuilder out, List<Finding> findings, boolean withFile) {
    out.append("| | Rule | ").append(withFile ? "File" : "Line").append(" | Finding |\n")
        .append("|---|---|---|---|\n");
    for (Finding finding : findings) {
      out.append("| ").append(icon(finding.severity())).append(" | `").append(finding.rule())
          .append("` | ")
          .append(withFile ? cell(finding.file().getFileName().toString())
              : finding.line().map(String::valueOf).orElse(""))
          .append(" | ").append(cell(finding.message())).append(" |\n");
    }
  }

  private static void fenced(StringBuilder out, String language, List<String> lines) {
    int longest = 2;
    for (String line : lines) {
      int run = 0;
      for (int i = 0; i < line.length(); i++) {
        run = line.charAt(i) == '`' ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
    String fence = "`".repeat(longest + 1);
    out.append(fence).append(language).append('\n');
    lines.forEach(l -> out.append(l).append('\n'));
    out.append(fence).append('\n');
  }

  /** Text safe in a table cell: no line breaks, no column separators. */
  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
  }

  static String icon(Severity severity) {
    return switch (severity) {
      case ERROR -> "❌";
      case WARNING -> "⚠️";
      case INFO -> "ℹ️";
    };
  }
}
