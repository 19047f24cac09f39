package dev.nanoka.cli;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Applies the pending migrations in order, each file whole or not at all (files"
        + " share a transaction that commits every second).")
final class MigrateCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Option(names = "--no-drift-check",
      description = "Skip comparing the database with its migration history before applying.")
  boolean noDriftCheck;

  @Option(names = "--out-of-order",
      description = "Also apply pending migrations that sort before an applied one (refused"
          + " without this: they would run after migrations written after them).")
  boolean outOfOrder;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws MigrationException {
    PrintWriter out = spec.commandLine().getOut();
    MigrationProgress progress = new MigrationProgress(out, spec.commandLine().getErr());
    try {
      MigrateResult result = database.migrator().listener(progress).checkDrift(!noDriftCheck)
          .outOfOrder(outOfOrder).migrate();
      // The other tool whose history this is: wrangler's d1_migrations, drizzle's on PostgreSQL.
      String tool = database.url.startsWith("jdbc:postgresql:") ? "drizzle-kit" : "wrangler";
      result.adopted().forEach(name ->
          out.println("Adopted " + name + " (applied by " + tool + "): checksum recorded"));
      if (!result.outOfOrder().isEmpty()) {
        out.println("Applied out of order: " + String.join(", ", result.outOfOrder())
            + " (a migration after " + (result.outOfOrder().size() == 1 ? "it" : "them")
            + " was applied before).");
      }
      out.println(result.applied().isEmpty()
          ? "Nothing to apply: " + result.upToDate().size() + " migrations already applied."
          : "Applied " + result.applied().size() + " migration(s); "
              + (result.applied().size() + result.upToDate().size()) + " applied in all.");
      return 0;
    } finally {
      progress.endLine(); // before CommandErrors prints a failure
    }
  }
}
