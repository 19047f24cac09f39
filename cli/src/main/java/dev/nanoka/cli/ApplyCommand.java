package dev.nanoka.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs {@code wrangler d1 migrations apply} for Cloudflare D1, as the seed's unified pipeline
 * does. Arguments go to the process directly, never through a shell.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Applies the migrations to a Cloudflare D1 database with wrangler"
        + " (`wrangler d1 migrations apply`). Exits with wrangler's exit code.")
final class ApplyCommand implements Callable<Integer> {

  /** What wrangler accepts as a D1 database name or binding. */
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  /** The package managers and how each runs a locally installed wrangler. */
  enum PackageManager {
    npx("npx", "wrangler"),
    pnpm("pnpm", "exec", "wrangler"),
    npm("npm", "exec", "--", "wrangler"),
    yarn("yarn", "wrangler"),
    // `bun x` rather than `bunx`: the same on every OS (Windows installs only bun.exe for sure).
    bun("bun", "x", "wrangler");

    final List<String> prefix;

    PackageManager(String... prefix) {
      this.prefix = List.of(prefix);
    }
  }

  @Option(names = "--db", required = true, paramLabel = "NAME",
      description = "The D1 database name (or binding) in your wrangler configuration.")
  String database;

  @CommandLine.ArgGroup(exclusive = true)
  Target target = new Target();

  static final class Target {
    @Option(names = "--local", description = "Apply to the local D1 database (the default).")
    boolean local;

    @Option(names = "--remote", description = "Apply to the production D1 database.")
    boolean remote;
  }

  @Option(names = "--package-manager", paramLabel = "PM", defaultValue = "npx",
      description = "How to run wrangler: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  PackageManager packageManager;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws CliException, InterruptedException {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Invalid --db '" + database
          + "': use letters, digits, '-' and '_' (at most 64), as wrangler does.");
    }
    List<String> command = command();
    spec.commandLine().getOut().println("Running: " + String.join(" ", command));
    spec.commandLine().getOut().flush();
    Process process;
    try {
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      throw new CliException(4, "cannot run " + command.get(0) + ": " + e.getMessage()
          + ". Install Node.js and wrangler, or choose --package-manager.");
    }
    return process.waitFor();
  }

  List<String> command() {
    return command(System.getProperty("os.name", "").startsWith("Windows")
        ? name -> onWindowsPath(name, System.getenv("PATH"), System.getenv("PATHEXT"))
        : name -> name);
  }

  /** The command, its first word (the program) resolved by {@code executable}. */
  List<String> command(UnaryOperator<String> executable) {
    List<String> command = new ArrayList<>(packageManager.prefix);
    command.set(0, executable.apply(command.get(0)));
    command.addAll(List.of("d1", "migrations", "apply", database,
        target.remote ? "--remote" : "--local"));
    return command;
  }

  /**
   * The program's file on a Windows PATH. ProcessBuilder only adds {@code .exe} there, while npm,
   * npx, pnpm and yarn are mostly {@code .cmd} scripts; so each folder of the PATH is searched
   * with every PATHEXT extension, as the Windows shell does. The name itself when none is found
   * (the start then fails with a clear message).
   */
  static String onWindowsPath(String name, String path, String pathext) {
    if (path == null) {
      return name;
    }
    String[] extensions = (pathext == null || pathext.isBlank() ? ".COM;.EXE;.BAT;.CMD" : pathext)
        .split(";");
    for (String folder : path.split(";")) {
      if (folder.isBlank()) {
        continue;
      }
      for (String extension : extensions) {
        if (extension.isBlank()) {
          continue;
        }
        try {
          Path candidate = Path.of(folder.strip().replace("\"", ""),
              name + extension.strip().toLowerCase(Locale.ROOT));
          if (Files.isRegularFile(candidate)) {
            return candidate.toString();
          }
        } catch (InvalidPathException e) {
          break; // a PATH entry that is no folder name: the next one
        }
      }
    }
    return name;
  }
}
