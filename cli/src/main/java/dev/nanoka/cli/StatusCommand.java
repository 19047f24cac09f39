package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Lists every migration: applied, pending (in order or not), edited since"
        + " applied, or missing.")
final class StatusCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws MigrationException {
    PrintWriter out = spec.commandLine().getOut();
    var migrator = database.migrator().build();
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
  }

  /** {@code pending (out of order)}, or the state's name in lower case. */
  private static String label(MigrationStatus.State state) {
    return state == MigrationStatus.State.OUT_OF_ORDER ? "pending (out of order)"
        : state.name().toLowerCase(Locale.ROOT);
  }

  static void print(PrintWriter out, List<MigrationStatus> statuses) {
    if (statuses.isEmpty()) {
      out.println("No migrations.");
      return;
    }
    int width = statuses.stream().mapToInt(s -> s.name().length()).max().orElse(4);
    int stateWidth = Math.max(8, statuses.stream().mapToInt(s -> label(s.state()).length())
        .max().orElse(0));
    String row = "%-" + width + "s  %-" + stateWidth + "s  %s%n";
    out.printf(row, "Name", "Status", "Applied at (UTC)");
    for (MigrationStatus status : statuses) {
      out.printf(row, status.name(), label(status.state()), status.appliedAt().orElse("-"));
    }
    long pending = statuses.stream().filter(s -> s.state() == MigrationStatus.State.PENDING).count();
    List<String> outOfOrder = statuses.stream()
        .filter(s -> s.state() == MigrationStatus.State.OUT_OF_ORDER)
        .map(MigrationStatus::name).toList();
    if (pending == 0 && outOfOrder.isEmpty()) {
      out.println("Up to date.");
    }
    if (pending > 0) {
      out.println(pending + " pending.");
    }
    if (!outOfOrder.isEmpty()) {
      boolean one = outOfOrder.size() == 1;
      out.println(outOfOrder.size() + " out of order: " + String.join(", ", outOfOrder)
          + (one ? " sorts" : " sort") + " before the applied "
          + MigrationStatus.lastApplied(statuses).orElse("migrations") + "; migrate refuses "
          + (one ? "it" : "them") + " without --out-of-order.");
    }
  }
}
