package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks that applied migrations still match their files and that no pending"
        + " one sorts before an applied one. Exit code 1 when one was edited or is missing, or"
        + " is out of order.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Option(names = "--out-of-order",
      description = "Accept pending migrations that sort before an applied one (as `migrate"
          + " --out-of-order` applies them).")
  boolean outOfOrder;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws MigrationException {
    PrintWriter out = spec.commandLine().getOut();
    // Migrator.validate() in one read, with the status it needs to name the file after.
    List<MigrationStatus> statuses = database.migrator().build().status();
    List<MigrationStatus> problems =
        statuses.stream().filter(s -> s.isProblem(outOfOrder)).toList();
    if (problems.isEmpty()) {
      out.println("Valid: every applied migration matches its file.");
      return 0;
    }
    boolean changed = false;
    for (MigrationStatus problem : problems) {
      String appliedAt = problem.appliedAt().orElse("?");
      out.println(problem.name() + switch (problem.state()) {
        case EDITED -> ": edited since it was applied on " + appliedAt;
        case MISSING -> ": applied on " + appliedAt + ", but the file is missing";
        default -> ": not applied, but " + MigrationStatus.lastApplied(statuses)
            .orElse("a migration") + " after it is (out of order)";
      });
      changed |= problem.state() != MigrationStatus.State.OUT_OF_ORDER;
    }
    if (changed) {
      out.println("Restore the files, or accept them as they are with `nanoka repair`.");
    }
    if (problems.stream().anyMatch(p -> p.state() == MigrationStatus.State.OUT_OF_ORDER)) {
      out.println("Apply out-of-order files with `nanoka migrate --out-of-order` if they do not"
          + " depend on the migrations after them; otherwise rename them to sort last.");
    }
    return 1;
  }
}
