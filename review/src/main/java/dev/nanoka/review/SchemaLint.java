package dev.nanoka.review;

import dev.nanoka.core.diff.DataLoss;
import dev.nanoka.core.diff.EffectiveIndexes;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.RebuildOutline;
import dev.nanoka.core.sql.SqliteDdl;
import dev.nanoka.core.text.Lines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lint rules that read what a migration does to the schema: the differ's typed data loss of
 * each change (one set of rules with the build's warnings and push), the renderer's outline of
 * each rebuild, and D1's column limit over the snapshot after it. The SQL file is read only to
 * place a finding at its line.
 */
final class SchemaLint {

  /** D1's limit on a table's columns. */
  static final int MAX_COLUMNS = 100;

  private SchemaLint() {}

  /**
   * @param handWritten whether the file holds statements the generator does not write, which
   *     the differ's data loss cannot know about
   */
  static List<Finding> findings(Path file, String text, SchemaDiff diff,
      List<RebuildOutline> rebuilds, DatabaseSchema after, boolean handWritten) {
    List<Finding> findings = new ArrayList<>();
    for (SchemaChange change : diff.changes()) {
      for (DataLoss loss : change.dataLoss()) {
        findings.add(rule(loss).at(file, lineOf(text, "-- Data loss: " + loss.describe()),
            loss.describe()));
      }
    }
    if (handWritten) {
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
    return findings;
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
    return name.toLowerCase(Locale.ROOT);
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(SchemaLint::key).toList();
  }

  static Optional<Integer> lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    return at < 0 ? Optional.empty() : Optional.of(Lines.at(text, at));
  }
}
