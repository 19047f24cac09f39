package dev.nanoka.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were taken on, printed with every table. */
public final class Machine {

  private Machine() {}

  /** e.g. {@code 2 CPUs, Java 17.0.15 (Debian), load average 0.42 0.30 0.25}. */
  public static String describe() {
    return Runtime.getRuntime().availableProcessors() + " CPUs, Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
        + "), " + load();
  }

  /** The 1-, 5- and 15-minute load averages: other work on the machine skews every figure. */
  public static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return "load average " + parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "load average unknown";
    }
  }
}
