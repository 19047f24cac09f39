package dev.nanoka.cli;

import dev.nanoka.runtime.DataLossException;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.PushResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Makes a development database match the models directly: no migration files,"
        + " no history. Refuses changes that would lose data unless --accept-data-loss.")
final class PushCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Mixin
  ModelsOptions models;

  @Option(names = "--accept-data-loss", description = "Apply even when data would be lost.")
  boolean acceptDataLoss;

  @Option(names = "--force-reset",
      description = "Drop everything in the database first, then push.")
  boolean forceReset;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws CliException, DataLossException, MigrationException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Usage errors before the database is opened: opening creates a missing file.
    Migrator migrator = database.withoutMigrations().models(models.load())
        .acceptDataLoss(acceptDataLoss).build();
    if (forceReset) {
      out.println("Reset: dropped " + migrator.reset().dropped().size()
          + " tables, views and triggers.");
    }
    PushResult result = migrator.push();
    result.acceptedLosses().forEach(l -> err.println("warning: data loss accepted: " + l));
    if (!result.changedAnything()) {
      out.println("The database is already in sync with the models.");
      return 0;
    }
    result.statements().forEach(s -> out.println(s.strip()));
    out.println("Pushed: " + result.statements().size() + " statement(s) applied.");
    return 0;
  }
}
