package dev.nanoka.it;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a subprocess with a time limit, keeping its output in a log file. */
final class Command {
  private Command() {}

  /**
   * Runs {@code command} in {@code directory} and waits at most {@code timeout}.
   *
   * <p>Output goes to {@code log} rather than a pipe, so a chatty process can never block on a
   * full pipe buffer, and the log survives for a look after a failure.
   *
   * @param environment adjusts the inherited environment before the start
   * @throws IOException when the program cannot be started (e.g. not installed)
   * @throws AssertionError when the process outlives the timeout (it is killed)
   */
  static CommandResult run(
      List<String> command,
      Path directory,
      Duration timeout,
      Path log,
      Consumer<Map<String, String>> environment)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    environment.accept(builder.environment());
    Process process = builder.start();
    // Closed standard input: a process that asks a question fails instead of hanging.
    process.getOutputStream().close();
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    // Subprocesses print in the platform encoding (Java 17's native.encoding).
    String output = new String(Files.readAllBytes(log), Charset.forName(nativeEncoding()));
    CommandResult result = new CommandResult(command, directory, process.exitValue(), output, log);
    if (!finished) {
      throw new AssertionError("Timed out after " + timeout + ", killed:" + result.describe());
    }
    return result;
  }

  static CommandResult run(List<String> command, Path directory, Duration timeout, Path log)
      throws IOException, InterruptedException {
    return run(command, directory, timeout, log, env -> {});
  }

  private static String nativeEncoding() {
    return System.getProperty("native.encoding", Charset.defaultCharset().name());
  }
}
