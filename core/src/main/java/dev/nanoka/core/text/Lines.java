package dev.nanoka.core.text;

/** Line numbers of positions in a text, for messages that point into a migration file. */
public final class Lines {

  private Lines() {}

  /**
   * The line (from 1) holding {@code index}, counting {@code \n}, {@code \r\n} and a lone
   * {@code \r} as line ends: the line an editor shows, whatever the file's line endings.
   */
  public static int at(CharSequence text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        line++;
      }
    }
    return line;
  }
}
