package dev.nanoka.review;

/** The report for a terminal. */
final class TextReport {

  private TextReport() {}

  static String render(ReviewReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Schema review: ").append(ReportText.migrations(report, "")).append(" (")
        .append(ReportText.counts(report)).append(")\n");
    report.findings().forEach(f -> out.append(f).append('\n'));
    for (MigrationReview migration : report.migrations()) {
      out.append('\n').append(migration.name()).append(" (")
          .append(ReportText.status(migration)).append(")\n");
      for (ReviewedChange change : migration.changes()) {
        out.append("  ").append(change.text()).append('\n');
        change.details().forEach(d -> out.append("    ").append(d).append('\n'));
      }
      migration.handEdit().ifPresent(edit -> {
        out.append("  Edited by hand:\n");
        if (edit.exact()) {
          ReportText.diffLines(edit).forEach(l -> out.append("    ").append(l).append('\n'));
        } else {
          edit.statements().forEach(s -> out.append("    ")
              .append(s.replace("\n", "\n    ")).append('\n'));
        }
      });
      if (migration.origin() == MigrationReview.Origin.OTHER) {
        out.append("  ").append(ReportText.origin(migration)).append('\n');
      }
      migration.findings().forEach(f -> out.append("  ").append(f).append('\n'));
    }
    return out.toString();
  }
}
