package dev.nanoka.runtime.cli;

import dev.nanoka.runtime.migrate.MigrationException;
import dev.nanoka.runtime.migrate.MigrationListener;
import dev.nanoka.runtime.migrate.MigrationStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Lists every migration: applied, pending, edited since applied, or missing.")
final class StatusCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      var migrator = database.migrator(MigrationListener.NONE);
      List<MigrationStatus> statuses = migrator.status();
      print(out, statuses);
      List<String> drift;
      try {
        drift = migrator.drift();
      } catch (MigrationException e) {
        if (e.kind() == MigrationException.Kind.LOCK_TIMEOUT) {
          throw e;
        }
        // Advice only: the status above stands.
        out.println("Drift not checked: " + e.getMessage());
        return 0;
      }
      if (!drift.isEmpty()) {
        out.println("Drift detected: the database does not match its migration history:");
        drift.forEach(line -> out.println("  - " + line));
      }
      return 0;
    } catch (MigrationException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return DatabaseOptions.exitCode(e);
    }
  }

  static void print(PrintWriter out, List<MigrationStatus> statuses) {
    if (statuses.isEmpty()) {
      out.println("No migrations.");
      return;
    }
    int width = statuses.stream().mapToInt(s -> s.name().length()).max().orElse(4);
    out.printf("%-" + width + "s  %-8s  %s%n", "Name", "Status", "Applied at (UTC)");
    for (MigrationStatus status : statuses) {
      out.printf("%-" + width + "s  %-8s  %s%n", status.name(),
          status.state().name().toLowerCase(Locale.ROOT), status.appliedAt().orElse("-"));
    }
    long pending = statuses.stream().filter(s -> s.state() == MigrationStatus.State.PENDING).count();
    out.println(pending == 0 ? "Up to date." : pending + " pending.");
  }
}
