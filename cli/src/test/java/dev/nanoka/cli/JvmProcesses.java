package dev.nanoka.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts the CLI in separate JVMs, as separate deployments of an application would run it: the
 * class path is built from where the CLI, the runtime, core, review, folder, jackson-core,
 * sqlite-jdbc, picocli and the test classes were loaded.
 */
public final class JvmProcesses {

  private JvmProcesses() {}

  /** The java launcher of the running JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : List.of(NanokaCli.class, dev.nanoka.runtime.Migrator.class,
        dev.nanoka.core.schema.DatabaseSchema.class, org.sqlite.JDBC.class,
        org.postgresql.Driver.class,
        picocli.CommandLine.class, StartTogether.class,
        // check and review: the review module, the folder module and its JSON parser
        dev.nanoka.review.Check.class, dev.nanoka.folder.MigrationFolderException.class,
        com.fasterxml.jackson.core.JsonFactory.class)) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** {@code java … <mainClass> <args>}, fast to start. */
  public static List<String> command(Class<?> mainClass, List<String> args) {
    List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1",
        "-Xshare:auto", "--enable-native-access=ALL-UNNAMED", "-cp", classPath(),
        mainClass.getName()));
    command.addAll(args);
    return command;
  }

  /**
   * Starts a JVM with stdout and stderr going to files in {@code logs} (never a pipe that could
   * fill up and block the process).
   */
  public static Started start(Class<?> mainClass, List<String> args, Path logs, String name,
      Consumer<Map<String, String>> environment) throws IOException {
    Files.createDirectories(logs);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    ProcessBuilder builder = new ProcessBuilder(command(mainClass, args))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    environment.accept(builder.environment());
    Process process = builder.start();
    process.getOutputStream().close();
    return new Started(process, out, err);
  }

  public static Started start(Class<?> mainClass, List<String> args, Path logs, String name)
      throws IOException {
    return start(mainClass, args, logs, name, env -> {});
  }

  /** A started JVM and the files its output goes to. */
  public record Started(Process process, Path out, Path err) {

    public String stdout() {
      return read(out);
    }

    public String stderr() {
      return read(err);
    }

    public String describe() {
      return "\n--- stdout\n" + stdout() + "\n--- stderr\n" + stderr();
    }

    private static String read(Path file) {
      try {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    }
  }
}
