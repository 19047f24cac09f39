package dev.nanoka.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs whole processes and times them from start to exit. */
public final class Processes {

  private Processes() {}

  /**
   * Wall time and CPU time (user + system, all threads) of one process run, in milliseconds. The
   * CPU time is NaN where it cannot be read (it comes from Linux's /proc).
   */
  public record Sample(double wallMillis, double cpuMillis) {}

  /**
   * Runs the command in {@code dir} and returns its wall time in milliseconds. Output goes to a
   * log file; a non-zero exit or a time-out is an exception showing the log's end.
   */
  public static double run(List<String> command, Path dir, Map<String, String> environment,
      String stdin) throws IOException, InterruptedException {
    return measure(command, dir, environment, stdin).wallMillis();
  }

  /**
   * Runs the command like {@link #run} and also returns the CPU time it used: on a machine shared
   * with other work, CPU time is far steadier than wall time (it does not count time spent
   * waiting for a core), so the figures report both.
   */
  public static Sample measure(List<String> command, Path dir, Map<String, String> environment,
      String stdin) throws IOException, InterruptedException {
    Path log = Files.createTempFile("nanoka-bench-", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      if (stdin == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      }
      double cpuBefore = childrenCpuMillis();
      long start = System.nanoTime();
      Process process = builder.start();
      if (stdin != null) {
        try (var in = process.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
      double millis = (System.nanoTime() - start) / 1e6;
      if (process.exitValue() != 0) {
        String output = Files.readString(log);
        throw new IOException("exit " + process.exitValue() + ": " + String.join(" ", command)
            + "\n" + output.substring(Math.max(0, output.length() - 4000)));
      }
      return new Sample(millis, childrenCpuMillis() - cpuBefore);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * The CPU time of this process's finished children so far: fields cutime and cstime of
   * /proc/self/stat, which the kernel adds a child's time to when it is waited for (Process
   * waits for it). Clock ticks of 10 ms. NaN when unavailable.
   */
  static double childrenCpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // the command name (field 2) may hold spaces: fields are counted after its ')'
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // fields 16 and 17
      return ticks * 10.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The output of a short command, for version lines; empty when it cannot run. */
  public static String output(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(2, TimeUnit.MINUTES);
      return out.strip();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Deletes a file tree if it exists. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
