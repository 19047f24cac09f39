package dev.nanoka.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The migrations folder as a git commit has it, read with the {@code git} command (no library:
 * CI has git, and it knows the repository's quirks — worktrees, packs, shallow clones — better
 * than any reimplementation). Three processes however many files: rev-parse, ls-tree and one
 * {@code cat-file --batch}.
 */
final class GitBase {

  private GitBase() {}

  /** File name → checksum of each top-level {@code .sql} file of {@code dir} at {@code ref}. */
  static Map<String, String> migrations(Path dir, String ref) throws ReviewException {
    if (ref.isBlank() || ref.startsWith("-")) {
      throw new ReviewException("--from " + ref + ": not a folder, nor a git ref (a ref cannot"
          + " be empty or start with '-')");
    }
    Path folder = dir.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(folder)) {
      throw new ReviewException("No migrations folder at " + dir + ". Pass the folder the"
          + " processor writes (nanoka.out, drizzle/migrations by default) with --dir");
    }
    Result top = run(folder, List.of("rev-parse", "--show-toplevel", "--show-prefix"), null);
    if (top.code() != 0) {
      throw new ReviewException("--from " + ref + ": no folder of that name, and " + dir
          + " is not in a git repository whose commits could be named so (git: "
          + top.error().strip() + ")");
    }
    String[] lines = top.text().split("\n");
    Path root = Path.of(lines[0].strip());
    String prefix = lines.length > 1 ? lines[1].strip() : "";
    Result commit = run(folder,
        List.of("rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"), null);
    if (commit.code() != 0) {
      throw new ReviewException("--from " + ref + ": no folder of that name, and no commit of"
          + " that name in the repository at " + root + ". Fetch it first (in GitHub Actions,"
          + " actions/checkout with fetch-depth: 0 fetches every branch)");
    }
    String id = commit.text().strip();
    // ls-tree of "<commit>:<prefix>" lists the folder's entries; an error when it did not exist.
    Result tree = run(root, List.of("ls-tree", "-z", id + ":" + prefix), null);
    Map<String, String> out = new TreeMap<>();
    if (tree.code() != 0) {
      Result exists = run(root, List.of("cat-file", "-e", id + ":" + prefix), null);
      if (exists.code() != 0) {
        return out; // the folder is new since the base: every migration is added
      }
      throw new ReviewException("git could not list " + prefix + " at " + ref + ": "
          + tree.error().strip());
    }
    List<String[]> blobs = sqlBlobs(tree.text());
    if (blobs.isEmpty() && tree.text().contains("\td1\0")) {
      // drizzle-kit 1.0's layout: d1/ holds the SQL under the names the history records
      Result d1 = run(root, List.of("ls-tree", "-z", id + ":" + prefix + "d1"), null);
      if (d1.code() == 0) {
        blobs = sqlBlobs(d1.text());
        prefix = prefix + "d1/";
      }
    }
    StringBuilder request = new StringBuilder();
    blobs.forEach(b -> request.append(b[1]).append('\n'));
    Result contents = run(root, List.of("cat-file", "--batch"),
        request.toString().getBytes(StandardCharsets.UTF_8));
    if (contents.code() != 0) {
      throw new ReviewException("git cat-file failed reading " + prefix + " at " + ref + ": "
          + contents.error().strip());
    }
    byte[] bytes = contents.bytes();
    int at = 0;
    for (String[] blob : blobs) {
      int newline = indexOf(bytes, (byte) '\n', at);
      String[] header = new String(bytes, at, newline - at, StandardCharsets.UTF_8).split(" ");
      int size = Integer.parseInt(header[2]);
      byte[] file = java.util.Arrays.copyOfRange(bytes, newline + 1, newline + 1 + size);
      out.put(blob[0], ReviewBase.checksum(file, ref + ":" + prefix + blob[0]));
      at = newline + 1 + size + 1;
    }
    return out;
  }

  /** The {@code .sql} blobs (name, object id) of {@code ls-tree -z} output. */
  private static List<String[]> sqlBlobs(String listing) {
    List<String[]> blobs = new ArrayList<>();
    for (String entry : listing.split("\0")) {
      int tab = entry.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String[] meta = entry.substring(0, tab).split(" ");
      String name = entry.substring(tab + 1);
      if (meta.length == 3 && meta[1].equals("blob") && name.endsWith(".sql")) {
        blobs.add(new String[] {name, meta[2]});
      }
    }
    return blobs;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("git cat-file --batch output ended early");
  }

  private record Result(int code, byte[] bytes, String error) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Result run(Path directory, List<String> args, byte[] input)
      throws ReviewException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("LC_ALL", "C");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ReviewException("--from needs git to read a commit, and git could not be run ("
          + e.getMessage() + "). Install git, or give --from a folder", e);
    }
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(
        process.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(
        process.getErrorStream()));
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input);
      }
    } catch (IOException e) {
      // git exited early; its exit code and stderr tell why
    }
    try {
      int code = process.waitFor();
      return new Result(code, out.join(),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new ReviewException("interrupted while git ran", e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      in.transferTo(buffer);
      return buffer.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
