package dev.nanoka.cli;

import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every database command shares: which database, which folder. */
final class DatabaseOptions {

  /** The database used when no {@code --url} is given: a SQLite file in the working directory. */
  static final String DEFAULT_URL = "jdbc:sqlite:nanoka.db";

  @Option(names = "--url", paramLabel = "JDBC_URL", defaultValue = DEFAULT_URL,
      description = "The database (default: ${DEFAULT-VALUE}, a SQLite file in the working"
          + " directory).")
  String url;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "drizzle/migrations",
      description = "The migrations folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "How long to wait for another process's write lock (default: ${DEFAULT-VALUE}).")
  long lockTimeoutSeconds;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** A migrator of --url, --dir and --lock-timeout; each command sets what else it needs. */
  Migrator.Builder migrator() {
    return withoutMigrations().source(MigrationSource.folder(dir));
  }

  /** A migrator of --url and --lock-timeout that knows no migrations (push needs none). */
  Migrator.Builder withoutMigrations() {
    return Migrator.forUrl(url).lockTimeout(lockTimeout());
  }

  /** --lock-timeout; a usage error when negative, so call it before opening the database. */
  Duration lockTimeout() {
    if (lockTimeoutSeconds < 0) {
      throw new ParameterException(command.commandLine(),
          "Invalid --lock-timeout " + lockTimeoutSeconds + ": seconds, 0 or more");
    }
    return Duration.ofSeconds(lockTimeoutSeconds);
  }
}
