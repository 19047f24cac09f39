package dev.nanoka.cli;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Applies the pending migrations in order, each file in one transaction.")
final class MigrateCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @picocli.CommandLine.Option(names = "--no-drift-check",
      description = "Skip comparing the database with its migration history before applying.")
  boolean noDriftCheck;

  @picocli.CommandLine.Option(names = "--out-of-order",
      description = "Also apply pending migrations that sort before an applied one (refused"
          + " without this: they would run after migrations written after them).")
  boolean outOfOrder;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Whether an "Applying …" line waits for its end; a failure ends it before the error.
    boolean[] lineOpen = {false};
    MigrationListener progress = new MigrationListener() {
      @Override
      public void applying(String name, int position, int total) {
        out.printf("Applying %s (%d/%d) ... ", name, position, total);
        out.flush();
        lineOpen[0] = true;
      }

      @Override
      public void applied(String name, Duration took) {
        out.printf("done in %d ms%n", took.toMillis());
        out.flush();
        lineOpen[0] = false;
      }

      @Override
      public void drift(java.util.List<String> differences) {
        err.println("warning: Drift detected: the database does not match its migration"
            + " history:\n  - " + String.join("\n  - ", differences)
            + "\n  (changed by hand or by `nanoka push`? In development, `nanoka reset`"
            + " rebuilds it from the migrations.)");
        err.flush();
      }

      @Override
      public void driftNotChecked(String reason) {
        err.println("warning: Drift not checked: " + reason);
        err.flush();
      }

      @Override
      public void appliedElsewhere(String name) {
        out.println("already applied by another process");
        out.flush();
        lineOpen[0] = false;
      }
    };
    try {
      MigrateResult result = database.migrator().listener(progress).checkDrift(!noDriftCheck)
          .outOfOrder(outOfOrder).migrate();
      result.adopted().forEach(name ->
          out.println("Adopted " + name + " (applied by wrangler): checksum recorded"));
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
    } catch (MigrationException e) {
      if (lineOpen[0]) {
        out.println();
        out.flush();
      }
      err.println("error: " + e.getMessage());
      return DatabaseOptions.exitCode(e);
    }
  }
}
