package dev.nanoka.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * A start barrier in front of the CLI: {@code StartTogether <dir> <cli args…>} writes
 * {@code <dir>/ready-<pid>}, waits until {@code <dir>/go} exists, then runs the CLI and exits with
 * its exit code. JVMs start at different speeds; the barrier makes their migrations begin at the
 * same moment.
 */
public final class StartTogether {

  private StartTogether() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    // Warm up first (classes, sqlite-jdbc's native library), so the runs start truly together.
    try (Connection warm = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      warm.createStatement().execute("SELECT 1");
    }
    new CommandLine(new NanokaCli());
    Files.createFile(dir.resolve("ready-" + ProcessHandle.current().pid()));
    Path go = dir.resolve("go");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(go)) {
      if (System.nanoTime() > deadline) {
        System.err.println("no go signal within 60 s");
        System.exit(99);
      }
      Thread.sleep(2);
    }
    System.exit(NanokaCli.run(Arrays.copyOfRange(args, 1, args.length)));
  }
}
