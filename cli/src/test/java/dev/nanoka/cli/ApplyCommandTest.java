package dev.nanoka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nanoka apply}: the wrangler command line it builds, the names it refuses, and the exit
 * code it passes on. The real wrangler runs in the it-tests; here a stand-in script only exits.
 */
class ApplyCommandTest {

  @TempDir Path tmp;

  static List<String> command(String... args) {
    CommandLine line = new CommandLine(new ApplyCommand());
    line.parseArgs(args);
    ApplyCommand apply = line.getCommand();
    return apply.command(UnaryOperator.identity());
  }

  @Test
  void commandLineForEveryPackageManagerAndTarget() {
    String[][] expected = {
        {"npx", "npx wrangler"},
        {"pnpm", "pnpm exec wrangler"},
        {"npm", "npm exec -- wrangler"},
        {"yarn", "yarn wrangler"},
        {"bun", "bun x wrangler"}};
    assertEquals(expected.length, ApplyCommand.PackageManager.values().length);
    for (String[] pm : expected) {
      List<String> prefix = List.of(pm[1].split(" "));
      for (String target : List.of("--local", "--remote")) {
        List<String> want = new ArrayList<>(prefix);
        want.addAll(List.of("d1", "migrations", "apply", "my-db_1", target));
        assertEquals(want, command("--db", "my-db_1", "--package-manager", pm[0], target));
      }
    }
  }

  @Test
  void defaultsAreNpxAndLocal() {
    assertEquals(List.of("npx", "wrangler", "d1", "migrations", "apply", "blog", "--local"),
        command("--db", "blog"));
  }

  @Test
  void windowsFindsTheCmdScriptsOnThePath() throws Exception {
    Path bin1 = Files.createDirectories(tmp.resolve("bin one"));
    Path bin2 = Files.createDirectories(tmp.resolve("bin2"));
    Files.writeString(bin2.resolve("npx.cmd"), "@echo off");
    Files.writeString(bin1.resolve("bun.exe"), "");
    String path = bin1 + ";\"" + bin2 + "\";;";
    assertEquals(bin2.resolve("npx.cmd").toString(),
        ApplyCommand.onWindowsPath("npx", path, ".COM;.EXE;.BAT;.CMD"));
    assertEquals(bin1.resolve("bun.exe").toString(),
        ApplyCommand.onWindowsPath("bun", path, null));
    assertEquals("pnpm", ApplyCommand.onWindowsPath("pnpm", path, null), "not found: the name");
    assertEquals("npx", ApplyCommand.onWindowsPath("npx", null, null));
  }

  @Test
  void localAndRemoteTogetherIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = NanokaCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        "apply", "--db", "blog", "--local", "--remote");
    assertEquals(2, code);
    assertTrue(err.toString().contains("mutually exclusive"), err.toString());
  }

  @Test
  void unsafeDatabaseNamesAreRefusedBeforeAnythingRuns() {
    for (String name : List.of("my db; rm -rf /", "$(touch pwned)", "-rf", "--remote", "a&b",
        "a|b", "db\nname", "name`id`", "../x", "", "x".repeat(65), "ünïcode", "a\"b", "a'b",
        "%PATH%", "a^b")) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = NanokaCli.run(new PrintWriter(out), new PrintWriter(err),
          "apply", "--db=" + name);
      assertEquals(2, code, name + "\n" + err);
      // picocli itself refuses what looks like an option; the rest reach the name check.
      assertTrue(err.toString().contains(name.startsWith("-") ? "--db" : "Invalid --db '"),
          name + "\n" + err);
      assertFalse(out.toString().contains("Running:"), "nothing may be started for " + name);
    }
  }

  /** A stand-in for npx on a PATH of its own: records its arguments, exits with 7. */
  private Path fakeNpx(int exitCode) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path npx = bin.resolve("npx");
    Files.writeString(npx, "#!/bin/sh\n"
        + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + tmp.resolve("args.txt") + "\"\n"
        + "exit " + exitCode + "\n");
    Files.setPosixFilePermissions(npx, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  private JvmProcesses.Started apply(Path bin, String... args) throws Exception {
    List<String> cli = new ArrayList<>(List.of("apply"));
    cli.addAll(List.of(args));
    JvmProcesses.Started run = JvmProcesses.start(NanokaCli.class, cli, tmp.resolve("logs"),
        "apply", env -> env.put("PATH", bin.toString()));
    assertTrue(run.process().waitFor(60, TimeUnit.SECONDS), run.describe());
    return run;
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void passesOnWranglersExitCodeAndArgumentsWithoutAShell() throws Exception {
    Path bin = fakeNpx(7);
    JvmProcesses.Started run = apply(bin, "--db", "blog-db", "--remote");
    assertEquals(7, run.process().exitValue(), run.describe());
    assertTrue(run.stdout().contains("Running: npx wrangler d1 migrations apply blog-db --remote"),
        run.describe());
    assertEquals(List.of("wrangler", "d1", "migrations", "apply", "blog-db", "--remote"),
        Files.readAllLines(tmp.resolve("args.txt")));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void refusedNameStartsNoProcess() throws Exception {
    Path bin = fakeNpx(0);
    JvmProcesses.Started run = apply(bin, "--db", "my db; rm -rf /");
    assertEquals(2, run.process().exitValue(), run.describe());
    assertTrue(run.stderr().contains("Invalid --db 'my db; rm -rf /'"), run.describe());
    assertFalse(Files.exists(tmp.resolve("args.txt")), "npx must not have been started");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void missingPackageManagerExitsWithFour() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    JvmProcesses.Started run = apply(empty, "--db", "blog", "--package-manager", "pnpm");
    assertEquals(4, run.process().exitValue(), run.describe());
    assertTrue(run.stderr().contains("error: cannot run pnpm"), run.describe());
    assertTrue(run.stderr().contains("--package-manager"), run.describe());
  }
}
