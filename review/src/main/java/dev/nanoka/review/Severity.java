package dev.nanoka.review;

/** How much a finding matters to a build: an error fails {@code check} and {@code review}. */
public enum Severity {
  /** The folder is wrong or a database will reject it: the command exits 1. */
  ERROR,
  /** A reviewer should look: risky, but may be intended. */
  WARNING,
  /** Worth knowing, nothing to do. */
  INFO
}
