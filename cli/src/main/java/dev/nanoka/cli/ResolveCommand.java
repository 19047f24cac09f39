package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.Migrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = "Repairs the history after a fix by hand: records one migration as applied, or"
        + " forgets one that was undone, only when the database then matches the history.")
final class ResolveCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Choice choice;

  static final class Choice {
    @Option(names = "--applied", paramLabel = "FILE",
        description = "The migration's changes are in the database: record it as applied.")
    String applied;

    @Option(names = "--rolled-back", paramLabel = "FILE",
        description = "The migration's changes are not in the database: remove it from the"
            + " history, so migrate applies it again.")
    String rolledBack;
  }

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws MigrationException {
    boolean applied = choice.applied != null;
    String file = applied ? choice.applied : choice.rolledBack;
    database.migrator().build().resolve(file,
        applied ? Migrator.Resolution.APPLIED : Migrator.Resolution.ROLLED_BACK);
    spec.commandLine().getOut().println(applied ? "Recorded " + file + " as applied."
        : "Removed " + file + " from the history: migrate applies it again.");
    return 0;
  }
}
