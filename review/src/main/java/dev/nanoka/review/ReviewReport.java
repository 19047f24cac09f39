package dev.nanoka.review;

import java.util.List;
import java.util.Objects;

/**
 * The review of the migrations added since a base.
 *
 * @param base what was compared with, e.g. {@code origin/main}, a folder, or {@code (none)}
 * @param migrations the migrations reviewed, in the folder's order
 * @param findings findings about the folder as a whole (a base migration gone)
 */
public record ReviewReport(String base, List<MigrationReview> migrations, List<Finding> findings) {

  public ReviewReport {
    Objects.requireNonNull(base, "base");
    migrations = List.copyOf(migrations);
    findings = List.copyOf(findings);
  }

  /** Every finding: the folder's, then each migration's. */
  public List<Finding> allFindings() {
    return java.util.stream.Stream.concat(findings.stream(),
        migrations.stream().flatMap(m -> m.findings().stream())).toList();
  }

  public long count(Severity severity) {
    return allFindings().stream().filter(f -> f.severity() == severity).count();
  }

  /** Whether a finding is an error: the CLI then exits 1. */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }
}
