package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Adopts a database made another way (by hand, drizzle-kit push, wrangler, an"
        + " older deploy) at a schema version: records its first migrations as applied, only"
        + " when the database is exactly what they produce. Lists every difference otherwise.")
final class BaselineCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Option(names = "--to", required = true, paramLabel = "VERSION",
      description = "The schema version the database is at: the number of migrations it holds"
          + " (version 2 = the first two files).")
  int version;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws MigrationException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> recorded = database.migrator().build().baseline(version);
    recorded.forEach(name -> out.println("Recorded as applied: " + name));
    out.println("Baseline at version " + version + ": the database matches "
        + (recorded.isEmpty() ? "no migration" : "the migrations up to "
            + recorded.get(recorded.size() - 1)) + ". `migrate` applies the ones after.");
    return 0;
  }
}
