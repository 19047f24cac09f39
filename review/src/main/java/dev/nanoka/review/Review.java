package dev.nanoka.review;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.RebuildOutline;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.core.text.Checksums;
import dev.nanoka.core.text.Utf8Text;
import dev.nanoka.folder.Drizzle1Snapshot;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFile;
import dev.nanoka.folder.MigrationFolder;
import dev.nanoka.folder.MigrationFolderException;
import dev.nanoka.folder.MigrationLayout;
import dev.nanoka.folder.SnapshotJson;
import dev.nanoka.folder.SnapshotRenames;
import dev.nanoka.review.SqlStatements.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code review}: what each migration added since a base does, in a reviewer's words, with the
 * lint findings. What a migration does is the differ's reading of the two snapshots around it
 * (renames from the snapshot's {@code _meta}), never a parse of its SQL; the SQL is read for what
 * only it can show: hand edits, and the statements D1 refuses.
 *
 * <pre>{@code
 * ReviewReport report = Review.of(Path.of("drizzle/migrations"),
 *     ReviewBase.of(Path.of("drizzle/migrations"), "origin/main"));
 * System.out.print(ReviewFormat.MARKDOWN.render(report));
 * }</pre>
 */
public final class Review {

  private Review() {}

  /** Reviews the migrations of {@code dir} that {@code base} does not have as they are. */
  public static ReviewReport of(Path dir, ReviewBase base) throws ReviewException {
    if (!Files.isDirectory(dir)) {
      throw new ReviewException("No migrations folder at " + dir + ". Pass the folder the"
          + " processor writes (nanoka.out, drizzle/migrations by default) with --dir");
    }
    MigrationFolder folder;
    try {
      folder = MigrationFolder.load(dir, -1, MigrationLayout.of(dir));
    } catch (MigrationFolderException e) {
      throw new ReviewException(e.file() + " " + e.getMessage());
    }
    List<Journal.Entry> entries = folder.journal().entries();
    List<MigrationReview> reviews = new ArrayList<>();
    List<Finding> folderFindings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Parsed previous = new Parsed(-2, new DatabaseSchema(List.of()));
    for (Journal.Entry entry : entries) {
      Path file = folder.sqlFile(entry.tag());
      // the name the history records, in either layout (1.0's files are all migration.sql)
      String name = entry.tag() + ".sql";
      names.add(name);
      String text = read(file);
      Optional<String> seen = base.migrations().map(m -> m.get(name));
      MigrationReview.Status status;
      if (base.migrations().isEmpty() || seen.isEmpty()) {
        status = MigrationReview.Status.ADDED;
      } else if (!seen.get().equals(Checksums.of(text))) {
        status = MigrationReview.Status.CHANGED;
      } else {
        continue;
      }
      DatabaseSchema before = entry.idx() == 0 ? new DatabaseSchema(List.of())
          : previous.idx() == entry.idx() - 1 ? previous.schema()
          : schema(folder.snapshotFile(entry.idx() - 1), folder.layout());
      Path snapshotFile = folder.snapshotFile(entry.idx());
      String snapshot = v6(snapshotFile, read(snapshotFile), folder.layout());
      DatabaseSchema after = schema(snapshotFile, snapshot);
      previous = new Parsed(entry.idx(), after); // the next migration starts from it
      reviews.add(review(file, text, status, before, after, renames(snapshotFile, snapshot)));
    }
    folder.stray().forEach(p -> names.add(p.getFileName().toString())); // check's business
    for (String gone : base.migrations().map(Map::keySet).orElse(Set.of())) {
      if (!names.contains(gone)) {
        String number = gone.length() >= 4 ? gone.substring(0, 4) : gone;
        Optional<String> now = names.stream().filter(n -> n.startsWith(number)).findFirst();
        folderFindings.add(LintRule.BASE_MIGRATION_CHANGED.at(dir.resolve(gone),
            Optional.empty(), gone + " is in the base (" + base.label() + ") but not in this"
                + " folder" + now.map(n -> ", and " + n + " takes its number").orElse("")
                + ". A database that applied it keeps its changes, and wrangler still lists it"
                + " as applied; restore it and put new changes in a migration of their own"
                + " (raise @Schema(version))"));
      }
    }
    return new ReviewReport(base.label(), reviews, folderFindings);
  }

  /** A snapshot read whole: at 1,000 tables one takes a while, so each is read once. */
  private record Parsed(int idx, DatabaseSchema schema) {}

  private static MigrationReview review(Path file, String text, MigrationReview.Status status,
      DatabaseSchema before, DatabaseSchema after, RenameHints renames) {
    List<Statement> statements = SqlStatements.of(text);
    SchemaDiff diff = SchemaDiffer.diff(before, after, renames);
    if (!diff.ambiguities().isEmpty()) {
      // A snapshot without _meta renames (written before Nanoka recorded them, or by hand):
      // the file's own ALTER TABLE … RENAME statements say what was renamed.
      RenameHints fromSql = SqlRenames.of(statements);
      diff = SchemaDiffer.diff(before, after, merge(renames, fromSql));
    }
    List<MigrationStatement> rendered = SqliteMigrationRenderer.render(diff);
    String expected = StatementBreakpoints.join(rendered);
    List<RebuildOutline> rebuilds = SqliteMigrationRenderer.rebuilds(diff);
    Optional<String> recorded = MigrationFile.recordedChecksum(text);
    MigrationReview.Origin origin = recorded.isEmpty() ? MigrationReview.Origin.OTHER
        : MigrationFile.isUnedited(text) ? MigrationReview.Origin.GENERATED
        : MigrationReview.Origin.EDITED;

    Set<String> generated = new HashSet<>();
    SqlStatements.of(expected).forEach(s -> generated.add(s.code()));
    List<Finding> findings = new ArrayList<>();
    List<String> handWritten = new ArrayList<>();
    Optional<Integer> firstHandWritten = Optional.empty();
    for (Statement statement : statements) {
      boolean hand = origin != MigrationReview.Origin.GENERATED
          && !generated.contains(statement.code());
      if (hand) {
        handWritten.add(statement.code());
        if (firstHandWritten.isEmpty()) {
          firstHandWritten = Optional.of(statement.line());
        }
      }
      findings.addAll(SqlLint.lint(file, statement, hand));
    }

    Optional<HandEdit> handEdit = Optional.empty();
    if (origin == MigrationReview.Origin.EDITED) {
      handEdit = Optional.of(HandEdits.of(text, recorded.get(), rendered, statements,
          handWritten));
      findings.add(HandEdits.finding(file, handEdit.get(), firstHandWritten));
    }
    findings.addAll(SchemaLint.findings(file, text, diff, rebuilds, after,
        !handWritten.isEmpty()));
    if (status == MigrationReview.Status.CHANGED) {
      findings.add(LintRule.BASE_MIGRATION_CHANGED.at(file, Optional.empty(), "the base has this"
          + " migration with other content. A database that applied the base's version will not"
          + " run this one (Nanoka's migrate refuses an edited applied file; wrangler skips it"
          + " by name). If it may be applied anywhere, restore it and raise @Schema(version)"
          + " for the new changes"));
    }
    findings.sort(Comparator.comparing((Finding f) -> f.line().orElse(0))
        .thenComparing(f -> ruleOrder(f.rule()))
        .thenComparing(Finding::message));
    return new MigrationReview(file, status, origin, ChangeDescriber.describe(diff, rebuilds),
        diff.losses(), handEdit, findings);
  }

  private static RenameHints merge(RenameHints a, RenameHints b) {
    Map<String, String> tables = new HashMap<>(b.tables());
    tables.putAll(a.tables());
    Map<String, Map<String, String>> columns = new HashMap<>();
    b.columns().forEach((t, c) -> columns.put(t, new HashMap<>(c)));
    a.columns().forEach((t, c) -> columns.computeIfAbsent(t, k -> new HashMap<>()).putAll(c));
    return new RenameHints(tables, columns, Set.of(), Map.of());
  }

  private static int ruleOrder(String id) {
    for (LintRule rule : LintRule.values()) {
      if (rule.id().equals(id)) {
        return rule.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }

  private static String read(Path file) throws ReviewException {
    try {
      return Utf8Text.decode(Files.readAllBytes(file), file.toString());
    } catch (Utf8Text.NotUtf8Exception e) {
      throw new ReviewException(file + " is " + e.problem() + ". Save it as UTF-8");
    } catch (IOException e) {
      throw new ReviewException(file + " cannot be read: " + e.getMessage());
    }
  }

  private static DatabaseSchema schema(Path file, MigrationLayout layout)
      throws ReviewException {
    return schema(file, v6(file, read(file), layout));
  }

  /** A 1.0 snapshot as the 0.31 one it stands for; a 0.31 one as it is. */
  private static String v6(Path file, String text, MigrationLayout layout)
      throws ReviewException {
    try {
      return layout == MigrationLayout.DRIZZLE_1 ? Drizzle1Snapshot.toV6(file, text) : text;
    } catch (MigrationFolderException e) {
      throw new ReviewException(e.file() + " " + e.getMessage());
    }
  }

  private static DatabaseSchema schema(Path file, String text) throws ReviewException {
    try {
      return SnapshotJson.read(file, text, true).schema().orElseThrow();
    } catch (MigrationFolderException e) {
      throw new ReviewException(e.file() + " " + e.getMessage());
    }
  }

  private static RenameHints renames(Path file, String text) throws ReviewException {
    try {
      return SnapshotRenames.read(file, text);
    } catch (MigrationFolderException e) {
      throw new ReviewException(e.file() + " " + e.getMessage());
    }
  }
}
