package dev.nanoka.review;

import dev.nanoka.core.diff.DataLoss;
import dev.nanoka.core.diff.EffectiveIndexes;
import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.RebuildOutline;
import dev.nanoka.core.sql.SqliteDdl;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.core.text.Checksums;
import dev.nanoka.core.text.Lines;
import dev.nanoka.core.text.Utf8Text;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFile;
import dev.nanoka.folder.MigrationFolder;
import dev.nanoka.folder.MigrationFolderException;
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
import java.util.LinkedHashSet;
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

  /** D1's limit on a table's columns. */
  static final int MAX_COLUMNS = 100;

  private Review() {}

  /** Reviews the migrations of {@code dir} that {@code base} does not have as they are. */
  public static ReviewReport of(Path dir, ReviewBase base) throws ReviewException {
    if (!Files.isDirectory(dir)) {
      throw new ReviewException("No migrations folder at " + dir + ". Pass the folder the"
          + " processor writes (nanoka.out, drizzle/migrations by default) with --dir");
    }
    MigrationFolder folder;
    try {
      folder = MigrationFolder.load(dir, -1);
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
      names.add(file.getFileName().toString());
      String text = read(file);
      Optional<String> seen = base.migrations().map(m -> m.get(file.getFileName().toString()));
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
          : schema(folder.snapshotFile(entry.idx() - 1));
      Path snapshotFile = folder.snapshotFile(entry.idx());
      String snapshot = read(snapshotFile);
      DatabaseSchema after = schema(snapshotFile, snapshot);
      previous = new Parsed(entry.idx(), after); // the next migration starts from it
      reviews.add(review(file, text, status, before, after, renames(snapshotFile, snapshot)));
    }
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
      String body = text.substring(text.indexOf('\n') + 1);
      Optional<List<HandEdit.Hunk>> hunks = generatedText(rendered, statements, recorded.get())
          .flatMap(g -> LineDiff.hunks(LineDiff.lines(g), LineDiff.lines(body), 2));
      handEdit = Optional.of(hunks.map(h -> new HandEdit(true, h, List.of()))
          .orElseGet(() -> new HandEdit(false, List.of(), handWritten)));
      findings.add(handEditFinding(file, handEdit.get(), firstHandWritten));
    }

    for (SchemaChange change : diff.changes()) {
      for (DataLoss loss : change.dataLoss()) {
        findings.add(rule(loss).at(file, lineOf(text, "-- Data loss: " + loss.describe()),
            loss.describe()));
      }
    }
    if (!handWritten.isEmpty()) {
      uniqueOverHandWrittenValues(file, text, diff, findings);
    }
    for (RebuildOutline rebuild : rebuilds) {
      if (!rebuild.movedWhole().isEmpty()) {
        findings.add(LintRule.REBUILD_COPIES_ROWS.at(file,
            lineOf(text, "-- Rebuild " + rebuild.table() + ":"), "the rebuild of "
                + rebuild.table() + " moves the rows of "
                + String.join(", ", rebuild.movedWhole()) + " in one statement each: its time"
                + " grows with the table, and D1 stops a query at 30 seconds (the migration then"
                + " rolls back, rows are kept). The other tables move in bounded batches; see"
                + " README, No lost rows, for which tables cannot"));
      }
    }
    for (String table : touchedTables(diff)) {
      after.table(table).filter(t -> t.columns().size() > MAX_COLUMNS).ifPresent(t ->
          findings.add(LintRule.D1_COLUMN_LIMIT.at(file, Optional.empty(), "table " + t.name()
              + " has " + t.columns().size() + " columns; D1 refuses a table with more than "
              + MAX_COLUMNS + ". Move some into a table of their own")));
    }
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

  /**
   * The text Nanoka generated for the migration, when it can be told: the snapshots keep no
   * table order, so the renderer's statements may come in another order than the build's (which
   * follows the model list). The file keeps that order for the statements it still has; the
   * header's checksum says whether the statements in that order are what was generated.
   */
  private static Optional<String> generatedText(List<MigrationStatement> rendered,
      List<Statement> file, String recorded) {
    if (recorded.equals(MigrationFile.checksum(StatementBreakpoints.join(rendered)))) {
      return Optional.of(StatementBreakpoints.join(rendered));
    }
    Map<String, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < file.size(); i++) {
      positions.computeIfAbsent(file.get(i).code(), c -> new ArrayList<>()).add(i);
    }
    List<double[]> keys = new ArrayList<>(); // {position in the file, position rendered}
    double last = -1;
    for (int i = 0; i < rendered.size(); i++) {
      List<Integer> at = positions.getOrDefault(
          SqlStatements.code(rendered.get(i).text()), List.of());
      last = at.isEmpty() ? last + 1e-6 : at.remove(0);
      keys.add(new double[] {last, i});
    }
    keys.sort(Comparator.comparingDouble((double[] k) -> k[0]).thenComparingDouble(k -> k[1]));
    List<MigrationStatement> ordered = new ArrayList<>();
    keys.forEach(k -> ordered.add(rendered.get((int) k[1])));
    String text = StatementBreakpoints.join(ordered);
    return recorded.equals(MigrationFile.checksum(text)) ? Optional.of(text) : Optional.empty();
  }

  private static Finding handEditFinding(Path file, HandEdit edit, Optional<Integer> firstLine) {
    if (!edit.exact()) {
      return LintRule.HAND_EDITED.at(file, firstLine, "edited since it was generated: "
          + ReportText.count(edit.statements().size(), "statement") + " this version of Nanoka"
          + " would not write; read them closely");
    }
    boolean blankOnly = edit.hunks().stream()
        .flatMap(h -> java.util.stream.Stream.concat(h.removed().stream(), h.added().stream()))
        .allMatch(String::isBlank);
    if (blankOnly) {
      return LintRule.HAND_EDITED.at(file,
          edit.hunks().isEmpty() ? Optional.empty() : Optional.of(edit.hunks().get(0).line()),
          "edited since it was generated, but only blank lines differ (an editor's final"
              + " newline, say): nothing to read closely");
    }
    int added = edit.hunks().stream().mapToInt(h -> h.added().size()).sum();
    int removed = edit.hunks().stream().mapToInt(h -> h.removed().size()).sum();
    return LintRule.HAND_EDITED.at(file,
        edit.hunks().isEmpty() ? Optional.empty() : Optional.of(edit.hunks().get(0).line()),
        "edited by hand since it was generated: " + ReportText.count(added, "line")
            + " added, " + removed + " removed; read them closely");
  }

  /**
   * A unique index new on a table that existed before, which the differ clears because the
   * generated statements leave its columns without two equal values (a new column holds only
   * NULLs): hand-written statements in the same file (a backfill) may write equal values there.
   */
  private static void uniqueOverHandWrittenValues(Path file, String text, SchemaDiff diff,
      List<Finding> findings) {
    Set<String> created = new HashSet<>();
    diff.changes().stream().filter(c -> c instanceof SchemaChange.CreateTable)
        .forEach(c -> created.add(key(((SchemaChange.CreateTable) c).table().name())));
    for (SchemaChange change : diff.changes()) {
      if (!(change instanceof SchemaChange.CreateIndex create) || !create.index().unique()
          || created.contains(key(create.table()))
          || create.losses().stream().anyMatch(l -> l instanceof DataLoss.DuplicatesRejected)) {
        continue;
      }
      Optional<Table> before = diff.renamed().table(create.table());
      boolean existed = before.isPresent() && EffectiveIndexes.effective(before.get()).stream()
          .anyMatch(i -> i.name().equalsIgnoreCase(create.index().name()) && i.unique()
              && lower(i.columns()).equals(lower(create.index().columns())));
      if (!existed) {
        findings.add(LintRule.UNIQUE_ON_EXISTING_TABLE.at(file,
            lineOf(text, "INDEX " + SqliteDdl.quote(create.index().name())), "adds the unique index "
                + create.index().name() + " on " + create.table() + "("
                + String.join(", ", create.index().columns()) + "), a table that may hold rows."
                + " The generated statements leave no two equal values there (a new column holds"
                + " only NULLs), but this file's hand-written statements may write some: the"
                + " migration fails if two rows get the same values"));
      }
    }
  }

  private static RenameHints merge(RenameHints a, RenameHints b) {
    Map<String, String> tables = new HashMap<>(b.tables());
    tables.putAll(a.tables());
    Map<String, Map<String, String>> columns = new HashMap<>();
    b.columns().forEach((t, c) -> columns.put(t, new HashMap<>(c)));
    a.columns().forEach((t, c) -> columns.computeIfAbsent(t, k -> new HashMap<>()).putAll(c));
    return new RenameHints(tables, columns, Set.of(), Map.of());
  }

  /** The tables whose columns this migration creates or changes. */
  private static Set<String> touchedTables(SchemaDiff diff) {
    Set<String> out = new LinkedHashSet<>();
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.CreateTable create) {
        out.add(create.table().name());
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        out.add(rebuild.to().name());
      } else if (change instanceof SchemaChange.AddColumn add) {
        out.add(add.table());
      }
    }
    return out;
  }

  static LintRule rule(DataLoss loss) {
    if (loss instanceof DataLoss.TableDropped || loss instanceof DataLoss.RowsDropped
        || loss instanceof DataLoss.ColumnDropped) {
      return LintRule.DESTRUCTIVE_CHANGE;
    } else if (loss instanceof DataLoss.NullsRejected
        || loss instanceof DataLoss.RequiredColumnAdded) {
      return LintRule.NOT_NULL_WITHOUT_DEFAULT;
    } else if (loss instanceof DataLoss.DuplicatesRejected) {
      return LintRule.UNIQUE_ON_EXISTING_TABLE;
    } else if (loss instanceof DataLoss.NullsFilled) {
      return LintRule.NULLS_FILLED;
    }
    return LintRule.TYPE_NARROWING; // ValuesConverted; ValuesOutsideEnum, which no diff makes
  }

  private static String key(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(Review::key).toList();
  }

  private static int ruleOrder(String id) {
    for (LintRule rule : LintRule.values()) {
      if (rule.id().equals(id)) {
        return rule.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }

  private static Optional<Integer> lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    return at < 0 ? Optional.empty() : Optional.of(Lines.at(text, at));
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

  private static DatabaseSchema schema(Path file) throws ReviewException {
    return schema(file, read(file));
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
