package dev.nanoka.cli;

import dev.nanoka.runtime.DataLossException;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.RollbackResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Rolls the database back to a schema version with the down migrations (down/"
        + " beside the files), newest first, in one transaction. Refuses data loss unless"
        + " --accept-data-loss. With --script, prints the rollback as SQL for wrangler d1"
        + " execute instead.")
final class RollbackCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Option(names = "--to", required = true, paramLabel = "VERSION",
      description = "The schema version to go back to: the number of migrations that stay.")
  int version;

  @Option(names = "--accept-data-loss",
      description = "Roll back even when a column or table added since holds values.")
  boolean acceptDataLoss;

  @Option(names = "--script",
      description = "Print the rollback as one SQL file (for D1: wrangler d1 execute <db>"
          + " --remote --file) instead of running it; needs no database.")
  boolean script;

  @Option(names = "--from", paramLabel = "VERSION",
      description = "With --script: the version the database is at (default: the latest).")
  Integer from;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws MigrationException, DataLossException {
    PrintWriter out = spec.commandLine().getOut();
    Migrator migrator = database.migrator().acceptDataLoss(acceptDataLoss).build();
    if (script) {
      out.print(from != null ? migrator.rollbackScript(from, version)
          : migrator.rollbackScript(version));
      out.flush(); // print() is not flushed by the auto-flush of println, and exit comes next
      return 0;
    }
    RollbackResult result = migrator.rollback(version);
    result.acceptedLosses().forEach(l -> spec.commandLine().getErr()
        .println("warning: data loss accepted: " + l));
    result.rolledBack().forEach(name -> out.println("Rolled back " + name));
    out.println(result.rolledBack().isEmpty() ? "Already at version " + version + "."
        : "Rolled back to version " + version + ".");
    return 0;
  }
}
