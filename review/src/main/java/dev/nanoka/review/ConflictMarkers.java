package dev.nanoka.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds git's conflict markers in a text: a merge committed before it was resolved. They make a
 * journal or snapshot invalid JSON, and a migration invalid SQL that wrangler would still try to
 * apply up to the marker.
 */
final class ConflictMarkers {

  /** {@code <<<<<<< ours}, {@code |||||||} (diff3's base), {@code =======}, {@code >>>>>>> x}. */
  private static final Pattern MARKER = Pattern.compile(
      "^(?:<{7}(?: .*)?|\\|{7}(?: .*)?|={7}|>{7}(?: .*)?)\\r?$", Pattern.MULTILINE);

  private ConflictMarkers() {}

  /** The 1-based lines that start a conflict ({@code <<<<<<<}), or hold a lone marker. */
  static List<Integer> lines(String text) {
    List<Integer> lines = new ArrayList<>();
    Matcher matcher = MARKER.matcher(text);
    int line = 1;
    int counted = 0;
    while (matcher.find()) {
      line += countNewlines(text, counted, matcher.start());
      counted = matcher.start();
      if (text.startsWith("<<<<<<<", matcher.start()) || lines.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static int countNewlines(String text, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }
}
