package dev.nanoka.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines two texts do not share, by longest common subsequence: a generated migration is a
 * few hundred lines, and a hand edit adds or changes a handful.
 */
final class LineDiff {

  /** Above this many cells (lines × lines) the table would not be worth its memory. */
  private static final long MAX_CELLS = 16_000_000L;

  private LineDiff() {}

  /**
   * The hunks turning {@code before} into {@code after}, or empty when the texts are too long to
   * compare line by line.
   *
   * @param firstLine the file line of {@code after}'s first line
   */
  static Optional<List<HandEdit.Hunk>> hunks(List<String> before, List<String> after,
      int firstLine) {
    int n = before.size();
    int m = after.size();
    if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
      return Optional.empty();
    }
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<HandEdit.Hunk> hunks = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    int start = -1;
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before.get(i).equals(after.get(j))) {
        flush(hunks, start, removed, added);
        start = -1;
        i++;
        j++;
      } else {
        if (start < 0) {
          start = firstLine + j;
        }
        if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
          added.add(after.get(j++));
        } else {
          removed.add(before.get(i++));
        }
      }
    }
    flush(hunks, start, removed, added);
    return Optional.of(hunks);
  }

  private static void flush(List<HandEdit.Hunk> hunks, int start, List<String> removed,
      List<String> added) {
    if (start >= 0 && (!removed.isEmpty() || !added.isEmpty())) {
      hunks.add(new HandEdit.Hunk(start, removed, added));
    }
    removed.clear();
    added.clear();
  }

  /** The lines of a text, whatever its line endings. */
  static List<String> lines(String text) {
    return List.of(text.split("\r\n|\r|\n", -1));
  }
}
