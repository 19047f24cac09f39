package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * What {@code migrate} prints while it runs: an "Applying …" line per file, ended when the file
 * is done, and drift warnings on stderr. Flushed as it goes: a file can take minutes.
 */
final class MigrationProgress implements MigrationListener {

  private final PrintWriter out;
  private final PrintWriter err;
  /** Whether an "Applying …" line waits for its end. */
  private boolean lineOpen;

  MigrationProgress(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void applying(String name, int position, int total) {
    out.printf("Applying %s (%d/%d) ... ", name, position, total);
    out.flush();
    lineOpen = true;
  }

  @Override
  public void applied(String name, Duration took) {
    out.printf("done in %d ms%n", took.toMillis());
    out.flush();
    lineOpen = false;
  }

  @Override
  public void drift(List<String> differences) {
    err.println("warning: Drift detected: the database does not match its migration"
        + " history:\n  - " + String.join("\n  - ", differences)
        + "\n  (changed by hand or by `nanoka push`? In development, `nanoka reset`"
        + " rebuilds it from the migrations.)");
    err.flush();
  }

  @Override
  public void driftNotChecked(String reason) {
    err.println("warning: Drift not checked: " + reason);
    err.flush();
  }

  @Override
  public void appliedElsewhere(String name) {
    out.println("already applied by another process");
    out.flush();
    lineOpen = false;
  }

  /** Ends an open "Applying …" line, so that a failure's error starts on a line of its own. */
  void endLine() {
    if (lineOpen) {
      out.println();
      out.flush();
      lineOpen = false;
    }
  }
}
