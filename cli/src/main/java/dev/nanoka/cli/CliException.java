package dev.nanoka.cli;

/** A command that cannot go on; the message is for the user, the code is the exit code. */
final class CliException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
