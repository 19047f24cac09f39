package dev.nanoka.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small fixed-width table printed to standard output, and number formats. */
public final class Report {

  private final String title;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public Report(String title, String... header) {
    this.title = title;
    rows.add(header);
  }

  public Report row(Object... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  public Report note(String note) {
    notes.add(note);
    return this;
  }

  public void print() {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder("\n== ").append(title).append(" ==\n");
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder("| ");
      for (int i = 0; i < columns; i++) {
        String cell = i < row.length ? row[i] : "";
        line.append(cell).append(" ".repeat(width[i] - cell.length())).append(" | ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < columns; i++) {
          rule.append("-".repeat(width[i] + 2)).append('|');
        }
        out.append(rule).append('\n');
      }
    }
    for (String note : notes) {
      out.append(note).append('\n');
    }
    System.out.print(out);
    System.out.flush();
  }

  public static String millis(double ms) {
    if (Math.abs(ms) >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", ms);
    }
    if (Math.abs(ms) >= 10) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  public static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }

  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
  }

  /** {@code holds} or {@code MISSED}, for the target column. */
  public static String verdict(boolean holds) {
    return holds ? "holds" : "MISSED";
  }

  /**
   * The verdict on a difference of medians (Nanoka's side minus a baseline): a negative one says
   * the machine's noise is larger than the cost measured, which proves nothing either way.
   */
  public static String verdictOfDifference(double difference, boolean holds) {
    return difference < 0 ? "not measured (negative difference: noise exceeds the cost; run on a"
        + " quieter machine)" : verdict(holds);
  }
}
