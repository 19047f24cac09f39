package dev.nanoka.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Evidence that a migrations folder holds the migrations of two branches, as git leaves it when
 * both raised the schema version: two migrations with one number, a journal, snapshot or
 * migration with git's conflict markers, snapshots whose {@code id}/{@code prevId} chain breaks,
 * a journal entry whose file is gone while another file has its number. Building on such a
 * folder would rewrite or replace a migration another branch may have deployed, so the
 * processor stops at any of these and writes nothing, and the CLI's check reports the same.
 *
 * <p>A developer iterating on the current version leaves none of this: the processor writes a
 * migration, its snapshot and the journal together. The rewrite itself is no evidence; these
 * are. Nothing here writes, and a file that cannot be read is left to {@link MigrationFolder}'s
 * checks.
 */
public final class BranchCollisions {

  private static final Pattern NUMBERED_SQL = Pattern.compile("(\\d{4,9})_.*\\.sql");
  private static final Pattern SNAPSHOT = Pattern.compile("(\\d{4,9})_snapshot\\.json");
  private static final String JOURNAL = "meta/_journal.json";

  private final Path dir;
  private final List<FolderProblem> problems;
  private final Optional<Journal> kept;
  private final Set<Path> restore;
  private final List<Path> remove;
  /** What to do, when another layout's rules say it ({@link Drizzle1Collisions}). */
  private final Optional<String> told;

  private BranchCollisions(Path dir, List<FolderProblem> problems, Optional<Journal> kept,
      Set<Path> restore, List<Path> remove) {
    this.dir = dir;
    this.problems = List.copyOf(problems);
    this.kept = kept;
    this.restore = restore;
    this.remove = List.copyOf(remove);
    this.told = Optional.empty();
  }

  /** Evidence found by another layout's rules, with what to do about it. */
  BranchCollisions(Path dir, List<FolderProblem> problems, String resolution) {
    this.dir = dir;
    this.problems = List.copyOf(problems);
    this.kept = Optional.empty();
    this.restore = Set.of();
    this.remove = List.of();
    this.told = Optional.of(resolution);
  }

  /** The problems found, in a fixed order; none for a folder one history made. */
  public List<FolderProblem> problems() {
    return problems;
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The evidence in the folder as it is. */
  public static BranchCollisions find(Path dir) {
    return find(dir, OptionalInt.empty());
  }

  /**
   * The evidence in the folder, and a file the journal does not list that has the number of
   * the migration a compile is about to add ({@code writing}, schema version minus one): written,
   * it would be a second migration with that number.
   */
  public static BranchCollisions find(Path dir, int writing) {
    return find(dir, OptionalInt.of(writing));
  }

  private static BranchCollisions find(Path dir, OptionalInt writing) {
    if (!Files.isDirectory(dir)) {
      return new BranchCollisions(dir, List.of(), Optional.empty(), Set.of(), List.of());
    }
    Scan scan = new Scan(dir);
    scan.journal();
    scan.snapshots();
    scan.migrations();
    scan.numbers(writing);
    if (scan.problems.isEmpty()) {
      return new BranchCollisions(dir, List.of(), scan.kept, Set.of(), List.of());
    }
    return new BranchCollisions(dir, scan.problems, scan.kept, scan.restore, scan.remove());
  }

  /** One look at a folder: the evidence, one kind per method, and what resolving it takes. */
  private static final class Scan {
    final Path dir;
    final Path meta;
    final List<FolderProblem> problems = new ArrayList<>();
    /** What the branch merged into has, to be restored from it. */
    final Set<Path> restore = new TreeSet<>();
    /** The journal of the branch merged into (its side of any conflict), when readable. */
    Optional<Journal> kept = Optional.empty();
    /** The file each entry of that journal names, by number. */
    final Map<Integer, Path> listed = new TreeMap<>();
    final Map<Integer, Path> snapshotFiles;
    /** The top-level {@code NNNN_*.sql} files by number. */
    final Map<Integer, List<Path>> sqlByNumber = new TreeMap<>();

    Scan(Path dir) {
      this.dir = dir;
      this.meta = dir.resolve("meta");
      this.snapshotFiles = numbered(meta, SNAPSHOT);
    }

    void journal() {
      Path file = meta.resolve("_journal.json");
      Optional<String> text = read(file);
      if (text.isEmpty()) {
        return;
      }
      Optional<ConflictMarkers.Marker> marker = ConflictMarkers.first(text.get());
      Optional<String> ours = text;
      if (marker.isPresent()) {
        problems.add(markers(file, marker.get()));
        restore.add(meta);
        ours = ConflictMarkers.ours(text.get());
      }
      kept = ours.flatMap(t -> BranchCollisions.journal(file, t));
      kept.ifPresent(j -> j.entries().forEach(
          e -> listed.put(e.idx(), dir.resolve(e.tag() + ".sql"))));
    }

    /**
     * Markers, and the chain of the kept journal's snapshots. Only a link between two snapshots
     * counts: both branches' first snapshots start from zeros, so a first one that does not is
     * damage, which MigrationFolder reports.
     */
    void snapshots() {
      Map<Integer, byte[]> clean = new TreeMap<>();
      snapshotFiles.forEach((number, file) -> {
        Optional<byte[]> bytes = bytes(file);
        Optional<ConflictMarkers.Marker> marker = bytes.flatMap(ConflictMarkers::first);
        if (marker.isPresent()) {
          problems.add(markers(file, marker.get()));
          restore.add(meta);
        } else {
          bytes.ifPresent(b -> clean.put(number, b));
        }
      });
      String previousId = null;
      Path previousFile = null;
      for (int number : listed.keySet()) {
        Path file = snapshotFiles.get(number);
        Optional<Snapshot> snapshot =
            Optional.ofNullable(clean.get(number)).flatMap(bytes -> head(file, bytes));
        if (snapshot.isPresent() && previousId != null
            && !snapshot.get().prevId().equals(previousId)) {
          problems.add(new FolderProblem(file, "has prevId " + snapshot.get().prevId() + ", but "
              + relative(dir, previousFile) + ", the snapshot before it, has id " + previousId
              + ": the snapshots come from two histories (a merge took one branch's side of some"
              + " files of meta/ and the other's of others)"));
          restore.add(meta);
        }
        previousId = snapshot.map(Snapshot::id).orElse(null);
        previousFile = file;
      }
    }

    /** Markers in the migrations and their down migrations; the numbered ones by number. */
    void migrations() {
      for (Path file : sqlFiles(dir)) {
        markersIn(file);
        Matcher numbered = NUMBERED_SQL.matcher(file.getFileName().toString());
        if (numbered.matches()) {
          sqlByNumber.computeIfAbsent(Integer.parseInt(numbered.group(1)), n -> new ArrayList<>())
              .add(file);
        }
      }
      sqlFiles(dir.resolve("down")).forEach(this::markersIn);
    }

    private void markersIn(Path file) {
      Optional<ConflictMarkers.Marker> marker = bytes(file).flatMap(ConflictMarkers::first);
      if (marker.isPresent()) {
        problems.add(markers(file, marker.get()));
        restore.add(file);
      }
    }

    /** Two migrations with one number, and one with the number the compile is about to write. */
    void numbers(OptionalInt writing) {
      Set<Integer> numbers = new TreeSet<>(sqlByNumber.keySet());
      numbers.addAll(listed.keySet());
      for (int number : numbers) {
        Path inJournal = listed.get(number);
        List<Path> others = sqlByNumber.getOrDefault(number, List.of()).stream()
            .filter(f -> !f.equals(inJournal)).toList();
        String alike = others.size() < 2 ? ""
            : names(others.subList(1, others.size())) + (others.size() > 2 ? " do" : " does");
        if (inJournal != null && !others.isEmpty()) {
          boolean missing = !Files.isRegularFile(inJournal);
          problems.add(new FolderProblem(others.get(0), "has number " + number(number)
              + (alike.isEmpty() ? "" : " (as " + alike + ")") + ", which " + JOURNAL
              + " gives to " + inJournal.getFileName()
              + (missing ? ", and that file is missing" : "") + ": two branches each wrote a"
              + " migration " + number(number)
              + (missing ? "" : ", and wrangler would apply both")));
          if (missing) {
            restore.add(inJournal);
          }
        } else if (inJournal == null && others.size() > 1) {
          problems.add(new FolderProblem(others.get(0), "has number " + number(number) + ", as "
              + alike + ", and " + JOURNAL + " lists none of them: two branches each wrote a"
              + " migration " + number(number) + ", and wrangler would apply both"));
        }
      }
      if (writing.isPresent() && kept.isPresent()
          && writing.getAsInt() == kept.get().entries().size()) {
        int number = writing.getAsInt();
        for (Path file : sqlByNumber.getOrDefault(number, List.of())) {
          problems.add(new FolderProblem(file, "is not listed in " + JOURNAL + " and has number "
              + number(number) + ", the number of the migration schema version " + (number + 1)
              + " starts: written, it would be a second migration " + number(number)));
        }
      }
    }

    /**
     * What resolving deletes: whatever the kept journal does not list — numbered migrations,
     * their down migrations, snapshots past its end. Nothing when no journal can be kept.
     */
    List<Path> remove() {
      List<Path> remove = new ArrayList<>();
      if (kept.isEmpty()) {
        return remove;
      }
      for (List<Path> files : sqlByNumber.values()) {
        for (Path file : files) {
          if (!listed.containsValue(file)) {
            remove.add(file);
            Path down = dir.resolve("down").resolve(file.getFileName());
            if (Files.isRegularFile(down)) {
              remove.add(down);
            }
          }
        }
      }
      int entries = kept.get().entries().size();
      snapshotFiles.forEach((number, file) -> {
        if (number >= entries) {
          remove.add(file);
        }
      });
      restore.removeAll(remove);
      return remove;
    }
  }

  /**
   * The steps from this folder to one where each migration is byte for byte what the branch
   * that wrote it deployed and the other branch's changes come in a new migration.
   *
   * @param version the schema version being compiled, when known: a step already done says so
   */
  public String resolution(OptionalInt version) {
    if (told.isPresent()) {
      return told.get();
    }
    StringBuilder text = new StringBuilder();
    Path meta = dir.resolve("meta");
    if (kept.isEmpty()) {
      return text.append("Keep the migrations of the branch you merged into byte for byte (they"
          + " may be deployed); the other branch's changes then go in a new migration. First"
          + " restore meta/ as that branch has it: ").append(checkout(Set.of(meta)))
          .append(". Then compile again: this message then names the version to write and the"
              + " files to delete.").toString();
    }
    List<Journal.Entry> entries = kept.get().entries();
    int next = entries.size() + 1;
    text.append("Keep the migrations ").append(JOURNAL).append(" lists (")
        .append(entries.stream().map(e -> e.tag() + ".sql").collect(Collectors.joining(", ")))
        .append(") byte for byte: they are those of the branch you merged into, which may be"
            + " deployed (if they are the other branch's, take meta/ from your branch instead"
            + " and compile again). The other branch's changes then go in a new migration:");
    int step = 1;
    text.append("\n  ").append(step++).append(". Write `@Schema(version = ").append(next)
        .append(")`");
    if (version.isPresent() && version.getAsInt() == next) {
      text.append(" (done).");
    } else if (entries.isEmpty()) {
      text.append('.');
    } else {
      text.append(", first: once the steps below are done, nothing shows the merge any more,"
          + " and a compile at version ").append(next - 1).append(" would take ")
          .append(entries.get(entries.size() - 1).tag()).append(".sql for the migration it"
              + " is iterating on and rewrite it.");
    }
    if (!restore.isEmpty()) {
      text.append("\n  ").append(step++).append(". Restore what the branch you merged into has: ")
          .append(checkout(restore)).append('.');
    }
    if (!remove.isEmpty()) {
      text.append("\n  ").append(step++).append(". Delete the other branch's files: `git rm -q --")
          .append(remove.stream().map(p -> " " + quoted(p)).collect(Collectors.joining()))
          .append("` (or delete them by hand).");
    }
    text.append("\n  ").append(step).append(". Compile: migration ").append(number(next - 1))
        .append(" is written from the models, with the other branch's changes.");
    List<Path> removedSql = remove.stream()
        .filter(p -> p.getParent().equals(dir) && p.toString().endsWith(".sql")).toList();
    if (!removedSql.isEmpty()) {
      Matcher first = NUMBERED_SQL.matcher(removedSql.get(0).getFileName().toString());
      int to = first.matches() ? Integer.parseInt(first.group(1)) : next - 1;
      text.append("\nA database that applied ").append(names(removedSql)).append(" (the other"
          + " branch's preview) is then refused by `migrate`, which names ")
          .append(removedSql.size() == 1 ? "it" : "them").append(". Undo ")
          .append(removedSql.size() == 1 ? "it" : "them").append(" there first, with the other"
              + " branch's folder (`nanoka rollback --to ").append(to).append("`, or by hand"
              + " and `nanoka resolve --rolled-back ").append(removedSql.get(0).getFileName())
          .append("`), or recreate that database. See the README, \"Branch merges\".");
    }
    return text.toString();
  }

  private static String checkout(Set<Path> paths) {
    String quoted = paths.stream().map(BranchCollisions::quoted).collect(Collectors.joining(" "));
    return "`git checkout --ours -- " + quoted + "` while the merge is in progress, or `git"
        + " checkout HEAD^1 -- " + quoted + "` right after committing it";
  }

  /** A path as a shell word: quoted when it holds anything but safe characters. */
  private static String quoted(Path path) {
    String text = path.toString();
    return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }

  private static FolderProblem markers(Path file, ConflictMarkers.Marker marker) {
    return new FolderProblem(file, "has git conflict markers (line " + marker.line() + ": "
        + marker.text() + "): both branches' versions of it are in the file");
  }

  private static Optional<Journal> journal(Path file, String text) {
    try {
      return Optional.of(Journal.read(file, text));
    } catch (MigrationFolderException e) {
      return Optional.empty(); // not evidence of a merge: MigrationFolder reports it
    }
  }

  /**
   * A snapshot's ids. They come first in the file (drizzle-kit's order and ours), so only its
   * start is decoded; the whole file when they are not there.
   */
  private static Optional<Snapshot> head(Path file, byte[] bytes) {
    int start = Math.min(bytes.length, HEAD_BYTES);
    try {
      return Optional.of(SnapshotJson.read(file,
          new String(bytes, 0, start, StandardCharsets.UTF_8), false));
    } catch (MigrationFolderException e) {
      if (start == bytes.length) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(SnapshotJson.read(file, new String(bytes, StandardCharsets.UTF_8), false));
    } catch (MigrationFolderException e) {
      return Optional.empty(); // damage, not a merge: MigrationFolder reports it
    }
  }

  private static final int HEAD_BYTES = 4096;

  /**
   * The file as text; bytes that are not UTF-8 are replaced, since only ASCII is looked for
   * (MigrationFolder refuses them with where they are).
   */
  private static Optional<String> read(Path file) {
    return bytes(file).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  private static Optional<byte[]> bytes(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Map<Integer, Path> numbered(Path folder, Pattern pattern) {
    Map<Integer, Path> out = new TreeMap<>();
    for (Path file : list(folder)) {
      Matcher matcher = pattern.matcher(file.getFileName().toString());
      if (matcher.matches()) {
        out.put(Integer.parseInt(matcher.group(1)), file);
      }
    }
    return out;
  }

  private static List<Path> sqlFiles(Path folder) {
    return list(folder).stream().filter(p -> p.getFileName().toString().endsWith(".sql"))
        .toList();
  }

  private static List<Path> list(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  private static String names(List<Path> files) {
    return files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
  }

  private static String number(int number) {
    return String.format("%04d", number);
  }
}
