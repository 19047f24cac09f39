package dev.nanoka.folder;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The lines git writes into a file it could not merge: {@code <<<<<<< ours}, then our side,
 * {@code ||||||| base} and the common ancestor (diff3 style only), {@code =======}, their side,
 * {@code >>>>>>> theirs}. A line ending in {@code \r} (a CRLF checkout) is the same line.
 */
public final class ConflictMarkers {

  private ConflictMarkers() {}

  /** The first marker line of the text, with its 1-based number. */
  public record Marker(int line, String text) {}

  /** The first line that is a conflict marker, if any. */
  public static Optional<Marker> first(String text) {
    // Most files have none: look for the characters before splitting into lines.
    if (text.indexOf("<<<<<<<") < 0 && text.indexOf("=======") < 0
        && text.indexOf(">>>>>>>") < 0 && text.indexOf("|||||||") < 0) {
      return Optional.empty();
    }
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      String bare = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (kind(bare) != Kind.NONE) {
        return Optional.of(new Marker(number, bare));
      }
    }
    return Optional.empty();
  }

  /**
   * Like {@link #first(String)}, over a file's bytes: the markers are ASCII, so a snapshot of
   * megabytes is scanned without decoding it, once per compile.
   */
  static Optional<Marker> first(byte[] bytes) {
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if ((i == 0 || bytes[i - 1] == '\n') && (b == '<' || b == '=' || b == '>' || b == '|')) {
        int end = i;
        while (end < bytes.length && bytes[end] != '\n') {
          end++;
        }
        String text = new String(bytes, i, end - i, StandardCharsets.UTF_8);
        String bare = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        if (kind(bare) != Kind.NONE) {
          return Optional.of(new Marker(line, bare));
        }
      }
      if (b == '\n') {
        line++;
      }
    }
    return Optional.empty();
  }

  /**
   * The text as the branch merged into has it (git's "ours"): every conflict replaced by its
   * first side; empty when the markers do not pair up, so no side can be told.
   */
  static Optional<String> ours(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Kind section = Kind.NONE; // NONE outside a conflict, else the marker that opened the section
    for (String line : text.split("(?<=\n)", -1)) {
      String bare = line.replaceFirst("\r?\n$", "");
      Kind kind = kind(bare);
      switch (kind) {
        case START -> {
          if (section != Kind.NONE) {
            return Optional.empty();
          }
          section = Kind.START;
        }
        case BASE -> {
          if (section != Kind.START) {
            return Optional.empty();
          }
          section = Kind.BASE;
        }
        case SPLIT -> {
          if (section != Kind.START && section != Kind.BASE) {
            return Optional.empty();
          }
          section = Kind.SPLIT;
        }
        case END -> {
          if (section != Kind.SPLIT) {
            return Optional.empty();
          }
          section = Kind.NONE;
        }
        case NONE -> {
          if (section == Kind.NONE || section == Kind.START) {
            out.append(line);
          }
        }
        default -> throw new AssertionError(kind);
      }
    }
    return section == Kind.NONE ? Optional.of(out.toString()) : Optional.empty();
  }

  private enum Kind { NONE, START, BASE, SPLIT, END }

  private static Kind kind(String line) {
    if (line.equals("=======")) {
      return Kind.SPLIT;
    }
    if (line.length() < 7 || (line.length() > 7 && line.charAt(7) != ' ')) {
      return Kind.NONE;
    }
    return switch (line.substring(0, 7)) {
      case "<<<<<<<" -> Kind.START;
      case "|||||||" -> Kind.BASE;
      case ">>>>>>>" -> Kind.END;
      default -> Kind.NONE;
    };
  }
}
