package dev.nanoka.runtime.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for the tests: the one {@code NANOKA_TEST_POSTGRES_URL} names, or a
 * throwaway one started from the machine's binaries (Debian's {@code postgresql} package) in a
 * temporary folder on a free loopback port, stopped and deleted when the test JVM is done.
 *
 * <p>initdb refuses to run as root, and tests often do (CI, containers): then the server runs as
 * the {@code postgres} user the Debian package creates, through {@code runuser}.
 */
final class PostgresServer implements AutoCloseable {

  static final String URL_VARIABLE = "NANOKA_TEST_POSTGRES_URL";

  private final String adminUrl;
  private final Optional<Path> dir;
  private final Optional<Path> bin;
  private final List<String> runAs;

  private PostgresServer(String adminUrl, Optional<Path> dir, Optional<Path> bin,
      List<String> runAs) {
    this.adminUrl = adminUrl;
    this.dir = dir;
    this.bin = bin;
    this.runAs = runAs;
  }

  /** A JDBC URL of a database the tests may create databases from, e.g. {@code postgres}. */
  String adminUrl() {
    return adminUrl;
  }

  /** The server {@code NANOKA_TEST_POSTGRES_URL} names, or a new throwaway one. */
  static PostgresServer start() {
    return start(System.getenv(), binaries());
  }

  /** @param found the folder of initdb and pg_ctl, if there is one */
  static PostgresServer start(Map<String, String> environment, Optional<Path> found) {
    String given = environment.get(URL_VARIABLE);
    if (given != null && !given.isBlank()) {
      return new PostgresServer(given.strip(), Optional.empty(), Optional.empty(), List.of());
    }
    Path bin = found.orElseThrow(() -> new IllegalStateException("These tests need a"
        + " PostgreSQL server, and none was found: install PostgreSQL's server binaries"
        + " (Debian/Ubuntu: apt-get install postgresql; initdb and pg_ctl are then found under"
        + " /usr/lib/postgresql/<version>/bin), or point the tests at a server with "
        + URL_VARIABLE + "=jdbc:postgresql://HOST:PORT/postgres?user=USER&password=PASSWORD"
        + " (a user allowed to CREATE DATABASE)."));
    try {
      return startFrom(bin);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("Could not start a throwaway PostgreSQL server from " + bin
          + ": " + e.getMessage() + " Fix that, or point the tests at a server with "
          + URL_VARIABLE + ".", e);
    }
  }

  private static PostgresServer startFrom(Path bin) throws IOException, InterruptedException {
    List<String> runAs = List.of();
    Path base = Path.of("/tmp");
    if (!Files.isDirectory(base)) {
      base = Path.of(System.getProperty("java.io.tmpdir"));
    }
    Path dir = Files.createTempDirectory(base, "nanoka-postgres-");
    if ("root".equals(System.getProperty("user.name"))) {
      // initdb refuses root; the postgres user owns the folder and runs the server.
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      try {
        Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
      } catch (IOException e) {
        throw new IOException("running as root, the server must run as another user, and"
            + " there is no user postgres (" + e.getMessage() + "): create one (useradd -r"
            + " postgres) or install Debian's postgresql package, which does.", e);
      }
      runAs = List.of("runuser", "-u", "postgres", "--");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try {
      return startIn(dir, bin, runAs, port);
    } catch (IOException | InterruptedException | RuntimeException e) {
      try {
        delete(dir);
      } catch (IOException deleting) {
        e.addSuppressed(deleting);
      }
      throw e;
    }
  }

  private static PostgresServer startIn(Path dir, Path bin, List<String> runAs, int port)
      throws IOException, InterruptedException {
    Path data = dir.resolve("data");
    run(runAs, dir, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
        "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
    PostgresServer server = new PostgresServer(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres", Optional.of(dir),
        Optional.of(bin), runAs);
    run(runAs, dir, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        "start");
    return server;
  }

  /** The newest {@code /usr/lib/postgresql/N/bin}, or the folder of an initdb on the PATH. */
  static Optional<Path> binaries() {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> newest = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparingInt(PostgresServer::version));
        if (newest.isPresent()) {
          return newest;
        }
      } catch (IOException e) {
        // Fall through to the PATH.
      }
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))
          && Files.isExecutable(Path.of(entry, "pg_ctl"))) {
        return Optional.of(Path.of(entry));
      }
    }
    return Optional.empty();
  }

  private static int version(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void run(List<String> runAs, Path dir, String... command)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(runAs);
    line.addAll(List.of(command));
    Path log = dir.resolve("command.log");
    Process process = new ProcessBuilder(line).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", line) + " did not finish in 120 s");
    }
    if (process.exitValue() != 0) {
      String output = Files.readString(log);
      Path serverLog = dir.resolve("server.log");
      if (Files.exists(serverLog)) {
        output += "\n" + Files.readString(serverLog);
      }
      throw new IOException(String.join(" ", line) + " exited with " + process.exitValue()
          + ":\n" + output);
    }
  }

  /** Stops a throwaway server and deletes its folder; a given server is left alone. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (dir.isEmpty()) {
      return;
    }
    try {
      run(runAs, dir.get(), bin.orElseThrow().resolve("pg_ctl").toString(), "-D",
          dir.get().resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      delete(dir.get());
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
