package dev.nanoka.core.text;

import java.util.List;
import java.util.Optional;

/**
 * The line that holds a down migration back until a person has read it: the build writes it
 * where the migration being undone was edited by hand, the runtime refuses to run the file while
 * it is there, and {@code check} reports it. One definition, so the three cannot disagree on what
 * counts as the line.
 */
public final class ReviewMarker {

  /** A line starting with this holds the file back. */
  public static final String PREFIX = "-- REVIEW:";

  /** The first marker line of a text. */
  public record Line(int number, String reason) {}

  private ReviewMarker() {}

  /** The first line starting with {@link #PREFIX}, with its 1-based number and what follows. */
  public static Optional<Line> find(String text) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(PREFIX)) {
        return Optional.of(new Line(i + 1, lines.get(i).substring(PREFIX.length())));
      }
    }
    return Optional.empty();
  }
}
