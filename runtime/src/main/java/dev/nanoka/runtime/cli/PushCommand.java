package dev.nanoka.runtime.cli;

import dev.nanoka.runtime.migrate.MigrationException;
import dev.nanoka.runtime.push.DataLossException;
import dev.nanoka.runtime.push.PushResult;
import dev.nanoka.runtime.push.Pusher;
import dev.nanoka.runtime.push.Resetter;
import dev.nanoka.runtime.schema.Schema;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
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
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Usage errors before the database is opened: opening creates a missing file.
    Schema schema;
    Duration timeout = database.lockTimeout();
    try {
      schema = models.load();
    } catch (CliException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    }
    try (Connection connection = DriverManager.getConnection(database.url)) {
      if (forceReset) {
        out.println("Reset: dropped " + Resetter.dropEverything(connection, timeout).size()
            + " tables, views and triggers.");
      }
      PushResult result = Pusher.push(connection, schema, acceptDataLoss, timeout);
      result.acceptedLosses().forEach(l -> err.println("warning: data loss accepted: " + l));
      if (!result.changedAnything()) {
        out.println("The database is already in sync with the models.");
        return 0;
      }
      result.statements().forEach(s -> out.println(s.strip()));
      out.println("Pushed: " + result.statements().size() + " statement(s) applied.");
      return 0;
    } catch (DataLossException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (MigrationException e) {
      err.println("error: " + e.getMessage());
      return DatabaseOptions.exitCode(e);
    } catch (SQLException e) {
      err.println("error: database: " + e.getMessage());
      return 4;
    }
  }
}
