package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.Migrator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Prints the SQL that turns one schema into another: the models (--schema),"
        + " the migrations folder (--dir, replayed in memory) or the live database (--url).")
final class DiffCommand implements Callable<Integer> {

  /** The three places a schema can come from. */
  enum Side { models, migrations, database }

  @Option(names = "--from", required = true, paramLabel = "SIDE",
      description = "${COMPLETION-CANDIDATES}")
  Side from;

  @Option(names = "--to", required = true, paramLabel = "SIDE",
      description = "${COMPLETION-CANDIDATES}")
  Side to;

  @Option(names = "--exit-code",
      description = "Exit 0 when there is no difference, 2 when there is one, 1 on error (for CI"
          + " drift checks).")
  boolean exitCode;

  @Mixin
  DatabaseOptions database;

  @Mixin
  ModelsOptions models;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws CliException, MigrationException {
    PrintWriter out = spec.commandLine().getOut();
    Migrator.Builder migrator = database.migrator();
    if (from == Side.models || to == Side.models) {
      migrator.models(models.load());
    }
    List<String> statements = migrator.build().diff(side(from), side(to));
    if (statements.isEmpty()) {
      out.println("-- No difference between the " + from + " and the " + to + ".");
      return 0;
    }
    statements.forEach(s -> out.println(s.strip()));
    return exitCode ? 2 : 0;
  }

  private static Migrator.Side side(Side side) {
    return switch (side) {
      case models -> Migrator.Side.MODELS;
      case migrations -> Migrator.Side.MIGRATIONS;
      case database -> Migrator.Side.DATABASE;
    };
  }
}
