package dev.nanoka.review;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.folder.Drizzle1Folder;
import dev.nanoka.folder.Drizzle1Snapshot;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFolder;
import dev.nanoka.folder.MigrationFolderException;
import dev.nanoka.folder.MigrationLayout;
import dev.nanoka.folder.Snapshot;
import dev.nanoka.folder.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules about the folder's files themselves: the journal, every entry's SQL file and
 * snapshot, the {@code prevId} chain, migration numbers, stray files and hand edits. Every
 * problem is a finding; none stops the others, so one run lists what a merge broke.
 */
final class FolderCheck {

  private static final Pattern NUMBERED = Pattern.compile("^(\\d{4})_.*");
  private static final Pattern SNAPSHOT = Pattern.compile("^(\\d{4})_snapshot\\.json$");

  private final Path dir;
  private final List<Finding> findings;
  private final FolderTexts texts;
  private final Set<String> duplicatedFiles = new HashSet<>();

  FolderCheck(Path dir, List<Finding> findings) {
    this.dir = dir;
    this.findings = findings;
    this.texts = new FolderTexts(findings);
  }

  /** The journal's migrations as found; empty when there is no readable journal. */
  Optional<List<CheckedMigration>> run() throws MigrationFolderException {
    Path journalFile = dir.resolve("meta").resolve("_journal.json");
    // drizzle-kit 1.0's layout: the journal its folders stand for, the same rules on its files
    boolean drizzle1 = MigrationLayout.of(dir) == MigrationLayout.DRIZZLE_1;
    FolderListing listing = FolderListing.of(dir);
    Optional<Journal> journal = drizzle1
        ? Optional.of(Drizzle1Folder.journal(dir)) : readJournal(journalFile, listing);
    MigrationFolder named = new MigrationFolder(dir, journal.orElse(new Journal(List.of())),
        List.of(), List.of(), Optional.empty(), new DatabaseSchema(List.of()),
        drizzle1 ? MigrationLayout.DRIZZLE_1 : MigrationLayout.DRIZZLE_0_31);
    if (!drizzle1) {
      duplicateNumbers(listing, journal);
    }

    List<CheckedMigration> migrations = new ArrayList<>();
    Set<Path> accounted = new HashSet<>();
    accounted.add(journalFile);
    String previousId = Snapshot.NO_PREVIOUS;
    for (Journal.Entry entry : journal.map(Journal::entries).orElse(List.of())) {
      Path sqlFile = named.sqlFile(entry.tag());
      Path snapshotFile = named.snapshotFile(entry.idx());
      accounted.add(sqlFile);
      accounted.add(snapshotFile);
      Optional<String> sql = Optional.empty();
      if (!Files.isRegularFile(sqlFile)) {
        missing(sqlFile, "is listed in meta/_journal.json (entry " + entry.idx() + ") but"
            + " missing. Build to regenerate it if it is the current version's migration;"
            + " otherwise restore it from version control");
      } else {
        // a file with conflict markers says nothing more until the merge is resolved
        sql = texts.read(sqlFile).filter(text -> !texts.hasConflicts(sqlFile));
        sql.flatMap(text -> HandEditDeclarations.check(sqlFile, text)).ifPresent(findings::add);
      }
      Optional<Snapshot> snapshot = Optional.empty();
      if (!Files.isRegularFile(snapshotFile)) {
        missing(snapshotFile, "is missing for migration " + entry.tag() + ". Restore it from"
            + " version control (or, for the current version's migration, build)");
      } else {
        snapshot = readSnapshot(snapshotFile, named.layout());
      }
      if (snapshot.isPresent()) {
        if (previousId != null && !snapshot.get().prevId().equals(previousId)) {
          findings.add(Finding.at(CheckRule.SNAPSHOT_CHAIN.id(), Severity.ERROR, snapshotFile,
              "has prevId " + snapshot.get().prevId() + ", but the snapshot before it has id "
                  + previousId + ": the history is out of order, or a snapshot was replaced"
                  + " (often by a merge). Restore the snapshots from one branch and build"));
        }
        previousId = snapshot.get().id();
      } else {
        previousId = null; // unknown: the next link cannot be checked
      }
      migrations.add(new CheckedMigration(entry, sqlFile, sql, snapshotFile, snapshot));
    }
    if (journal.isEmpty()) {
      // Without the journal's order nothing can be checked against it, but every file a merge
      // left conflicted, or an editor saved in another encoding, can still be named.
      for (Path file : concat(listing.sqlFiles(), listing.metaFiles())) {
        if (!file.equals(journalFile)) {
          texts.read(file);
        }
      }
      return Optional.empty();
    }
    if (!drizzle1) {
      strayFiles(listing, accounted);
    }
    return Optional.of(migrations);
  }

  private Optional<Journal> readJournal(Path file, FolderListing listing)
      throws MigrationFolderException {
    if (!Files.isRegularFile(file)) {
      boolean snapshots = listing.metaFiles().stream()
          .anyMatch(p -> SNAPSHOT.matcher(p.getFileName().toString()).matches());
      if (listing.sqlFiles().isEmpty() && !snapshots) {
        return Optional.of(new Journal(List.of())); // no migrations yet
      }
      missing(file, "is missing, but the folder holds migrations. Restore it from version"
          + " control; without it neither drizzle-kit nor Nanoka knows their order");
      return Optional.empty();
    }
    Optional<String> text = texts.read(file);
    if (text.isEmpty() || texts.hasConflicts(file)) {
      return Optional.empty();
    }
    List<MigrationFolderException> problems = new ArrayList<>();
    try {
      Journal journal = Journal.read(file, text.get(), problems);
      problems.forEach(p -> findings.add(Finding.at(CheckRule.JOURNAL.id(), Severity.ERROR,
          file, p.getMessage())));
      return Optional.of(journal);
    } catch (MigrationFolderException e) {
      findings.add(Finding.at(CheckRule.JOURNAL.id(), Severity.ERROR, file, e.getMessage()));
      return Optional.empty();
    }
  }

  private Optional<Snapshot> readSnapshot(Path file, MigrationLayout layout)
      throws MigrationFolderException {
    Optional<String> text = texts.read(file);
    if (text.isEmpty() || texts.hasConflicts(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SnapshotJson.read(file, layout == MigrationLayout.DRIZZLE_1
          ? Drizzle1Snapshot.toV6(file, text.get()) : text.get(), true));
    } catch (MigrationFolderException e) {
      findings.add(Finding.at(CheckRule.SNAPSHOT.id(), Severity.ERROR, file, e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * Two SQL files, or two journal entries, with the same number: what merging two branches that
   * each added a migration leaves. wrangler would apply both, in name order.
   */
  private void duplicateNumbers(FolderListing listing, Optional<Journal> journal) {
    Map<String, List<String>> files = new LinkedHashMap<>();
    for (Path sql : listing.sqlFiles()) {
      Matcher m = NUMBERED.matcher(sql.getFileName().toString());
      if (m.matches()) {
        files.computeIfAbsent(m.group(1), k -> new ArrayList<>())
            .add(sql.getFileName().toString());
      }
    }
    files.forEach((number, names) -> {
      for (String name : names.subList(1, names.size())) {
        duplicatedFiles.add(names.get(0));
        duplicatedFiles.add(name);
        findings.add(Finding.at(CheckRule.DUPLICATE_NUMBER.id(), Severity.ERROR,
            dir.resolve(name), "has the number of " + names.get(0) + ": two branches each"
                + " added a migration " + number + " (the steps: [" + CheckRule.BRANCH_MERGE.id()
                + "])"));
      }
    });
    Map<String, List<String>> entries = new LinkedHashMap<>();
    for (Journal.Entry entry : journal.map(Journal::entries).orElse(List.of())) {
      Matcher m = NUMBERED.matcher(entry.tag());
      if (m.matches()) {
        entries.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(entry.tag());
      }
    }
    entries.forEach((number, tags) -> {
      if (tags.size() > 1) {
        findings.add(Finding.at(CheckRule.DUPLICATE_NUMBER.id(), Severity.ERROR,
            dir.resolve("meta").resolve("_journal.json"), "lists " + tags.size()
                + " migrations numbered " + number + " (" + String.join(", ", tags) + "): two"
                + " branches each added one (the steps: [" + CheckRule.BRANCH_MERGE.id()
                + "])"));
      }
    });
  }

  /**
   * A {@code .sql} file the journal does not list is applied by wrangler but not by drizzle-orm
   * or Nanoka's build; a snapshot it does not list makes the processor refuse the folder. Other
   * files in {@code meta/} (a merge's {@code .orig}) are only in the way.
   */
  private void strayFiles(FolderListing listing, Set<Path> accounted) {
    for (Path sql : listing.sqlFiles()) {
      if (!accounted.contains(sql) && !duplicatedFiles.contains(sql.getFileName().toString())) {
        findings.add(Finding.at(CheckRule.STRAY_FILE.id(), Severity.ERROR, sql,
            "is not listed in meta/_journal.json: wrangler would apply it, drizzle-orm's"
                + " migrator and Nanoka's build ignore it. Delete it, or if it is a migration"
                + " you wrote, put its statements in the current version's migration"));
      }
    }
    for (Path file : listing.metaFiles()) {
      if (accounted.contains(file)) {
        continue;
      }
      if (SNAPSHOT.matcher(file.getFileName().toString()).matches()) {
        findings.add(Finding.at(CheckRule.STRAY_FILE.id(), Severity.ERROR, file,
            "is a snapshot meta/_journal.json does not list: the build refuses the folder."
                + " Delete it, or restore the journal entry it belongs to"));
      } else {
        findings.add(Finding.at(CheckRule.STRAY_FILE.id(), Severity.WARNING, file,
            "is not part of a drizzle-kit migrations folder (meta/ holds _journal.json and"
                + " NNNN_snapshot.json). Delete it"));
      }
    }
  }

  private static List<Path> concat(List<Path> first, List<Path> second) {
    List<Path> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private void missing(Path file, String message) {
    findings.add(Finding.at(CheckRule.MISSING_FILE.id(), Severity.ERROR, file, message));
  }
}
