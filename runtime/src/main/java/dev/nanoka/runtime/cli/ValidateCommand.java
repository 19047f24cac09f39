package dev.nanoka.runtime.cli;

import dev.nanoka.runtime.migrate.MigrationException;
import dev.nanoka.runtime.migrate.MigrationListener;
import dev.nanoka.runtime.migrate.MigrationStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks that applied migrations still match their files. Exit code 1 when one"
        + " was edited or is missing.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      List<MigrationStatus> problems = database.migrator(MigrationListener.NONE).validate();
      if (problems.isEmpty()) {
        out.println("Valid: every applied migration matches its file.");
        return 0;
      }
      for (MigrationStatus problem : problems) {
        out.println(problem.state() == MigrationStatus.State.EDITED
            ? problem.name() + ": edited since it was applied on " + problem.appliedAt().orElse("?")
            : problem.name() + ": applied on " + problem.appliedAt().orElse("?")
                + ", but the file is missing");
      }
      out.println("Restore the files, or accept them as they are with `nanoka repair`.");
      return 1;
    } catch (MigrationException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return DatabaseOptions.exitCode(e);
    }
  }
}
