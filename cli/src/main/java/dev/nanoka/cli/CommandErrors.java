package dev.nanoka.cli;

import dev.nanoka.runtime.DataLossException;
import dev.nanoka.runtime.MigrationException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/**
 * What a command prints and exits with when it stops, in one place so that each command only does
 * its work: {@code error: <message>} on stderr and the exit code of README's table; usage errors
 * keep picocli's message and code 2. An exception of no known kind is a bug: picocli prints its
 * stack trace and exits 1.
 *
 * <p>{@code diff --exit-code} promises 0 / 2 (no difference / difference) and 1 for any error,
 * wrong usage included: a usual 2 would read as "there are changes" to a CI script.
 */
final class CommandErrors {

  private CommandErrors() {}

  /** Sets the handlers on {@code commandLine} and every command under it. */
  static void install(CommandLine commandLine) {
    IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler((e, args) -> {
      int code = usage.handleParseException(e, args);
      // Parsing may have stopped before --exit-code was set: the arguments tell.
      return e.getCommandLine().getCommand() instanceof DiffCommand
          && Arrays.asList(args).contains("--exit-code") ? 1 : code;
    });
    IExecutionExceptionHandler bugs = commandLine.getExecutionExceptionHandler();
    commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
      int code;
      if (e instanceof CliException failure) {
        code = failure.exitCode();
      } else if (e instanceof DataLossException) {
        code = 1;
      } else if (e instanceof MigrationException failure) {
        code = exitCode(failure);
      } else {
        return bugs.handleExecutionException(e, command, parsed);
      }
      command.getErr().println("error: " + e.getMessage());
      return command.getCommand() instanceof DiffCommand diff && diff.exitCode ? 1 : code;
    });
  }

  /** The exit code for a run that stopped. */
  private static int exitCode(MigrationException e) {
    return switch (e.kind()) {
      case FAILED, EDITED, OUT_OF_ORDER -> 1;
      case LOCK_TIMEOUT -> 3;
      case UNREADABLE -> 4;
    };
  }
}
