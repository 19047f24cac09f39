package dev.nanoka.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link BranchCollisions} for a folder in drizzle-kit 1.0's layout. There, two branches that
 * each add a migration leave two new folders with different names, which git merges without a
 * conflict; what shows the merge is that both snapshots name the same parent in
 * {@code prevIds} (drizzle-kit 1.0's own {@code check} reports the same as "non-commutative"
 * when their changes collide). Conflict markers in any file of the folder are evidence too.
 */
public final class Drizzle1Collisions {

  private Drizzle1Collisions() {}

  /** The evidence in {@code dir}; none for a folder one history made. */
  public static BranchCollisions find(Path dir) {
    List<FolderProblem> problems = new ArrayList<>();
    List<Path> folders;
    try {
      folders = Drizzle1Folder.folders(dir);
    } catch (MigrationFolderException e) {
      return new BranchCollisions(dir, List.of(), ""); // MigrationFolder reports it
    }
    Map<String, List<Path>> childrenByParent = new LinkedHashMap<>();
    Map<String, Path> byId = new LinkedHashMap<>();
    for (Path folder : folders) {
      for (String file : List.of(Drizzle1Folder.MIGRATION, Drizzle1Folder.SNAPSHOT)) {
        read(folder.resolve(file)).flatMap(ConflictMarkers::first)
            .ifPresent(m -> problems.add(markers(folder.resolve(file), m)));
      }
      Optional<JsonValue> snapshot = read(folder.resolve(Drizzle1Folder.SNAPSHOT))
          .flatMap(Drizzle1Collisions::json);
      if (snapshot.isEmpty()) {
        continue; // unreadable: MigrationFolder says so
      }
      byId.put(snapshot.get().path("id").asText(), folder);
      for (JsonValue parent : snapshot.get().path("prevIds").elements()) {
        childrenByParent.computeIfAbsent(parent.asText(), p -> new ArrayList<>()).add(folder);
      }
    }
    for (String sub : List.of(DownMigrationFile.FOLDER, Drizzle1Folder.D1)) {
      for (Path file : sqlFiles(dir.resolve(sub))) {
        read(file).flatMap(ConflictMarkers::first).ifPresent(m -> problems.add(markers(file, m)));
      }
    }
    List<Path> others = new ArrayList<>();
    childrenByParent.forEach((parent, children) -> {
      if (children.size() < 2) {
        return;
      }
      Path parentFolder = byId.get(parent);
      String after = parentFolder == null ? "the first migration"
          : "a migration after " + parentFolder.getFileName();
      for (Path child : children.subList(1, children.size())) {
        problems.add(new FolderProblem(child.resolve(Drizzle1Folder.SNAPSHOT), "has prevIds ["
            + parent + "], as " + relative(dir, children.get(0)) + "/snapshot.json does: two"
            + " branches each wrote " + after + ", and both would be applied"));
        others.add(child);
      }
    });
    if (problems.isEmpty()) {
      return new BranchCollisions(dir, List.of(), "");
    }
    String resolution = "Keep the migrations of the branch you merged into byte for byte (they"
        + " may be deployed): `git log --first-parent --oneline -- " + relative(dir, dir)
        + "` shows which folders it added. The other branch's changes then go in a new"
        + " migration:\n  1. Raise @Schema(version) to the number of migration folders left"
        + " after step 2, plus one, first.\n  2. Delete the other branch's migration folders"
        + (others.isEmpty() ? "" : " (one of " + others.stream()
            .map(p -> relative(dir, p)).collect(Collectors.joining(", "))
            + " or the folder it shares its parent with)")
        + ", with their down/ and d1/ files (`git rm -r -q -- <folder>`), and take the files"
        + " with conflict markers from your branch (`git checkout --ours -- <file>`).\n"
        + "  3. Compile: the new migration is written from the models, with the other branch's"
        + " changes. Nanoka keeps one line of history; a migration with several prevIds, as"
        + " drizzle-kit 1.0 writes to merge branches, is not read.";
    return new BranchCollisions(dir, problems, resolution);
  }

  private static FolderProblem markers(Path file, ConflictMarkers.Marker marker) {
    return new FolderProblem(file, "has git conflict markers (line " + marker.line() + ": "
        + marker.text() + "): both branches' versions of it are in the file");
  }

  private static String relative(Path dir, Path file) {
    String text = dir.getFileName() == null ? "" : dir.getFileName().toString();
    return file.equals(dir) ? text : dir.relativize(file).toString().replace('\\', '/');
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonValue> json(String text) {
    try {
      return Optional.of(JsonValue.parse(text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<Path> sqlFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
