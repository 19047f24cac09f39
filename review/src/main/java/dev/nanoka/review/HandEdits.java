package dev.nanoka.review;

import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.folder.MigrationFile;
import dev.nanoka.review.SqlStatements.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** How an edited migration differs from what Nanoka generated for it. */
final class HandEdits {

  private HandEdits() {}

  /**
   * The edit of a file whose header checksum no longer matches: the lines that differ from the
   * generated text when that text can be told, else the statements this Nanoka would not write.
   *
   * @param rendered what the renderer writes today for the migration's snapshots
   * @param handWritten the file's statements that are not among {@code rendered}
   */
  static HandEdit of(String text, String recorded, List<MigrationStatement> rendered,
      List<Statement> statements, List<String> handWritten) {
    String body = text.substring(text.indexOf('\n') + 1);
    return generatedText(rendered, statements, recorded)
        .flatMap(g -> LineDiff.hunks(LineDiff.lines(g), LineDiff.lines(body), 2))
        .map(h -> new HandEdit(true, h, List.of()))
        .orElseGet(() -> new HandEdit(false, List.of(), handWritten));
  }

  /**
   * The text Nanoka generated for the migration, when it can be told: the snapshots keep no
   * table order, so the renderer's statements may come in another order than the build's (which
   * follows the model list). The file keeps that order for the statements it still has; the
   * header's checksum says whether the statements in that order are what was generated.
   */
  static Optional<String> generatedText(List<MigrationStatement> rendered,
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

  static Finding finding(Path file, HandEdit edit, Optional<Integer> firstLine) {
    if (!edit.exact()) {
      return LintRule.HAND_EDITED.at(file, firstLine, "edited since it was generated: "
          + ReportText.count(edit.statements().size(), "statement") + " this version of Nanoka"
          + " would not write; read them closely");
    }
    boolean blankOnly = edit.hunks().stream()
        .flatMap(h -> Stream.concat(h.removed().stream(), h.added().stream()))
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

}
