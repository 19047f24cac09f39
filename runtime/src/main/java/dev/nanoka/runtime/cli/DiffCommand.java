package dev.nanoka.runtime.cli;

import dev.nanoka.runtime.diff.RenameHints;
import dev.nanoka.runtime.diff.SchemaDiffer;
import dev.nanoka.runtime.introspect.SqliteIntrospector;
import dev.nanoka.runtime.migrate.ExistingDatabase;
import dev.nanoka.runtime.migrate.MigrationException;
import dev.nanoka.runtime.migrate.MigrationSource;
import dev.nanoka.runtime.migrate.ShadowDatabase;
import dev.nanoka.runtime.schema.Schema;
import dev.nanoka.runtime.sql.MigrationStatement;
import dev.nanoka.runtime.sql.SqliteMigrationRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
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
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      List<MigrationStatement> statements = SqliteMigrationRenderer.render(
          SchemaDiffer.diff(schema(from), schema(to), RenameHints.NONE));
      if (statements.isEmpty()) {
        out.println("-- No difference between the " + from + " and the " + to + ".");
        return 0;
      }
      statements.forEach(s -> out.println(s.text().strip()));
      return exitCode ? 2 : 0;
    } catch (CliException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return exitCode ? 1 : e.exitCode();
    } catch (MigrationException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return exitCode ? 1 : DatabaseOptions.exitCode(e);
    }
  }

  private Schema schema(Side side) throws CliException, MigrationException {
    switch (side) {
      case models:
        return models.load();
      case migrations:
        try {
          return ShadowDatabase.replay(MigrationSource.folder(database.dir).load());
        } catch (IOException e) {
          throw new CliException(4, "Cannot read the migrations in " + database.dir + ": " + e);
        }
      default:
        // A mistyped path must fail, not create an empty database that "differs".
        try (Connection connection = ExistingDatabase.open(database.url, true)) {
          return SqliteIntrospector.read(connection);
        } catch (SQLException e) {
          throw new CliException(4, "Cannot read the database " + database.url + ": "
              + e.getMessage());
        }
    }
  }
}
