package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.ResetResult;
import dev.nanoka.runtime.Seeder;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
      + " dev.nanoka.runtime.Seeder (public no-argument constructor), found on --classpath.")
  String seedClass;

  @Mixin
  ModelsOptions classes;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws CliException, MigrationException {
    PrintWriter out = spec.commandLine().getOut();
    if (!force && !confirmed(out)) {
      // Wrong usage, not a failed migration: README's exit codes.
      throw new CliException(2, "not reset. Resetting deletes all data; pass --force to confirm"
          + " (required when no terminal can ask).");
    }
    Migrator.Builder migrator = database.migrator();
    checkSeed(); // before anything is dropped, or a missing database created
    if (!skipSeed && (seedSql != null || seedClass != null)) {
      migrator.seeder(seeder());
    }
    ResetResult result = migrator.build().reset();
    out.println("Dropped " + result.dropped().size() + " tables, views and triggers.");
    if (Files.isDirectory(database.dir)) {
      out.println("Applied " + result.applied().size() + " migration(s).");
    } else {
      // Prototyping with push comes before the first migration: nothing to re-apply.
      out.println("Applied no migrations: there is no migrations folder " + database.dir
          + " (while prototyping, `nanoka push` creates the tables).");
    }
    out.println(result.seeded() ? "Seeded." : skipSeed ? "Seed skipped."
        : "No seed configured (--seed-sql or --seed-class).");
    return 0;
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

  /** --seed-sql, then --seed-class: checked by {@link #checkSeed()} first. */
  private Seeder seeder() throws CliException {
    Seeder sql = seedSql == null ? c -> { } : Seeder.sql(seedSql);
    if (seedClass == null) {
      return sql;
    }
    Seeder instance;
    try {
      instance = (Seeder) Class.forName(seedClass, true, classes.loader())
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException | java.net.MalformedURLException e) {
      throw new CliException(4, "Cannot create the seed class " + seedClass + ": " + e
          + ". Nothing was reset.");
    }
    return connection -> {
      sql.seed(connection);
      instance.seed(connection);
    };
  }
}
