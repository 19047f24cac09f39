package dev.nanoka.runtime.cli;

import dev.nanoka.runtime.migrate.MigrateResult;
import dev.nanoka.runtime.migrate.MigrationException;
import dev.nanoka.runtime.push.Resetter;
import dev.nanoka.runtime.push.Seeder;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drops everything, re-applies every migration, then seeds. Never runs without {@code --force}
 * or a "yes" typed at a terminal; no other command resets.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = "Deletes every table and row, re-applies all migrations, then runs the seed."
        + " Asks for confirmation at a terminal; elsewhere needs --force.")
final class ResetCommand implements Callable<Integer> {

  @Mixin
  DatabaseOptions database;

  @Option(names = "--force", description = "Reset without asking.")
  boolean force;

  @Option(names = "--skip-seed", description = "Do not run the seed.")
  boolean skipSeed;

  @Option(names = "--seed-sql", paramLabel = "FILE", description = "An SQL file to run after the"
      + " migrations.")
  Path seedSql;

  @Option(names = "--seed-class", paramLabel = "CLASS", description = "A class implementing"
      + " dev.nanoka.runtime.push.Seeder (public no-argument constructor), found on --classpath.")
  String seedClass;

  @Mixin
  ModelsOptions classes;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!force && !confirmed(out)) {
      err.println("error: not reset. Resetting deletes all data; pass --force to confirm"
          + " (required when no terminal can ask).");
      return 2; // wrong usage, not a failed migration: README's exit codes
    }
    Duration timeout = database.lockTimeout();
    try {
      checkSeed(); // before anything is dropped, or a missing database created
    } catch (CliException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    }
    try (Connection connection = DriverManager.getConnection(database.url)) {
      out.println("Dropped " + Resetter.dropEverything(connection, timeout).size()
          + " tables, views and triggers.");
      if (Files.isDirectory(database.dir)) {
        MigrateResult result = database.migrator().migrate();
        out.println("Applied " + result.applied().size() + " migration(s).");
      } else {
        // Prototyping with push comes before the first migration: nothing to re-apply.
        out.println("Applied no migrations: there is no migrations folder " + database.dir
            + " (while prototyping, `nanoka push` creates the tables).");
      }
      if (skipSeed || (seedSql == null && seedClass == null)) {
        out.println(skipSeed ? "Seed skipped." : "No seed configured (--seed-sql or --seed-class).");
        return 0;
      }
      seed(connection);
      out.println("Seeded.");
      return 0;
    } catch (MigrationException e) {
      err.println("error: " + e.getMessage());
      return DatabaseOptions.exitCode(e);
    } catch (CliException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (SQLException e) {
      err.println("error: database: " + e.getMessage());
      return 4;
    }
  }

  /** A seed that cannot be found stops the reset before it deletes anything. */
  private void checkSeed() throws CliException {
    if (skipSeed) {
      return;
    }
    if (seedSql != null && !Files.isReadable(seedSql)) {
      throw new CliException(4, "Cannot read the seed " + seedSql + ". Nothing was reset.");
    }
    if (seedClass != null) {
      Class<?> type;
      try {
        type = Class.forName(seedClass, false, classes.loader());
      } catch (ClassNotFoundException | java.net.MalformedURLException e) {
        throw new CliException(4, "Seed class " + seedClass + " not found on "
            + (classes.classpath.isEmpty() ? "the class path" : "--classpath " + classes.classpath)
            + ". Nothing was reset.");
      }
      if (!Seeder.class.isAssignableFrom(type)) {
        throw new CliException(2, seedClass + " does not implement " + Seeder.class.getName()
            + ". Nothing was reset.");
      }
    }
  }

  private boolean confirmed(PrintWriter out) {
    Console console = System.console();
    if (console == null || !isTerminal(console)) {
      return false;
    }
    String answer = console.readLine("Reset %s? Every table and row will be deleted. Type yes: ",
        database.url);
    return answer != null && answer.strip().equalsIgnoreCase("yes");
  }

  /**
   * JDK 22 to 24 return a console even when the streams are redirected; their
   * {@code Console.isTerminal()} (JDK 22+) tells. Older JDKs return none then.
   */
  private static boolean isTerminal(Console console) {
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private void seed(Connection connection) throws CliException, SQLException {
    if (seedSql != null) {
      String sql;
      try {
        sql = Files.readString(seedSql, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliException(4, "Cannot read the seed " + seedSql + ": " + e.getMessage());
      }
      int number = 0;
      try (Statement statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        for (String part : dev.nanoka.runtime.migrate.SqlSplitter.split(sql)) {
          number++;
          statement.execute(part);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw new CliException(1, "Seed " + seedSql + ": statement " + number + " failed: "
            + e.getMessage() + ". The seed was rolled back; the migrations stay applied.");
      } finally {
        connection.setAutoCommit(true);
      }
    }
    if (seedClass != null) {
      try {
        Seeder seeder = (Seeder) Class.forName(seedClass, true, classes.loader())
            .getConstructor().newInstance();
        seeder.seed(connection);
      } catch (ClassCastException e) {
        throw new CliException(2, seedClass + " does not implement " + Seeder.class.getName());
      } catch (Exception e) {
        throw new CliException(1, "Seed class " + seedClass + " failed: " + e);
      }
    }
  }
}
