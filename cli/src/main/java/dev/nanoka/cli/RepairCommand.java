package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.RepairResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "repair", mixinStandardHelpOptions = true,
    description = "Accepts the current files: records the checksum of every applied migration as"
        + " it is now. Applies nothing, deletes nothing.")
final class RepairCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws MigrationException {
    PrintWriter out = spec.commandLine().getOut();
    RepairResult result = database.migrator().build().repair();
    result.accepted().forEach(n -> out.println("Accepted the edited " + n));
    result.adopted().forEach(n -> out.println("Adopted " + n + " (applied by wrangler)"));
    result.missing().forEach(n -> out.println("Still in the history without a file: " + n));
    if (result.accepted().isEmpty() && result.adopted().isEmpty()) {
      out.println("Nothing to repair.");
    }
    return 0;
  }
}
