package dev.nanoka.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar nanoka-cli.jar <command>}: apply and inspect migrations.
 *
 * <p>Exit codes: 0 done; 1 a migration failed or was refused, or {@code validate} or
 * {@code check} found problems; 2 wrong usage; 3 the database's lock could not be had in time;
 * 4 the database, the migrations or the models could not be read, or the database could not be
 * written (read-only).
 * {@code apply} returns wrangler's own exit code.
 */
@Command(
    name = "nanoka",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Applies drizzle-kit migrations to SQLite over JDBC, with a history"
        + " wrangler shares.",
    subcommands = {
        MigrateCommand.class,
        StatusCommand.class,
        ValidateCommand.class,
        RepairCommand.class,
        BaselineCommand.class,
        ResolveCommand.class,
        RollbackCommand.class,
        ApplyCommand.class,
        PushCommand.class,
        DiffCommand.class,
        ResetCommand.class,
        CheckCommand.class,
        ReviewCommand.class,
        CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:a migration failed or was refused (edited or out-of-order files, data loss),"
            + " validate or check found problems, or review found an error",
        "2:wrong usage",
        "3:timed out waiting for the database's write lock",
        "4:the database, the migrations or the models could not be read, or the database could"
            + " not be written (read-only)",
        "other:apply passes on wrangler's exit code"
    })
public final class NanokaCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the CLI with its output and errors (usage messages included) going to the writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      return commandLine().setOut(out).setErr(err).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new NanokaCli());
    CommandErrors.install(commandLine);
    // picocli skips its usage checks when --help or --version is given, so `nanoka baseline
    // --version` would print the version and exit 0: an unknown word stays wrong usage.
    commandLine.setExecutionStrategy(parsed -> {
      for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
        if (!level.unmatched().isEmpty()) {
          throw new CommandLine.UnmatchedArgumentException(level.commandSpec().commandLine(),
              level.unmatched());
        }
      }
      return new CommandLine.RunLast().execute(parsed);
    });
    // Every command's --version, not only the top level's, names the version.
    commandLine.getSubcommands().values()
        .forEach(command -> command.getCommandSpec().versionProvider(new Version()));
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing a command: migrate, status, validate, repair, baseline, resolve, rollback,"
            + " apply, push, diff, reset, check or review");
  }
}
