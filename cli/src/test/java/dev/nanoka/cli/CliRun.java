package dev.nanoka.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI: its exit code and everything it printed. */
record CliRun(int exitCode, String out, String err) {

  /** Runs the CLI as {@code java -jar nanoka-cli.jar args…} would, in this JVM. */
  static CliRun cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NanokaCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The whole run, for an assertion's message. */
  String describe() {
    return "\nexit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
