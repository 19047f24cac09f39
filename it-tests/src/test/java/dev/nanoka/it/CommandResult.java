package dev.nanoka.it;

import java.nio.file.Path;
import java.util.List;

/** A finished subprocess: its exit code and everything it printed (stdout and stderr merged). */
record CommandResult(List<String> command, Path directory, int exitCode, String output, Path log) {

  /** How many trailing lines of output an assertion message shows; the full text is in the log. */
  private static final int SHOWN_LINES = 150;

  boolean succeeded() {
    return exitCode == 0;
  }

  /** For assertion messages: the command, its exit code and the end of its output. */
  String describe() {
    List<String> lines = output.lines().toList();
    List<String> shown = lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size());
    String omitted =
        shown.size() < lines.size()
            ? "[" + (lines.size() - shown.size()) + " earlier lines omitted]\n"
            : "";
    return "\n$ (cd " + directory + " && " + String.join(" ", command) + ")\n"
        + "exit code " + exitCode + ", full output in " + log + "\n"
        + omitted
        + String.join("\n", shown)
        + "\n";
  }
}
