package dev.nanoka.runtime.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code when} of each entry of a drizzle-kit journal ({@code meta/_journal.json}), by file
 * name ({@code <tag>.sql}). drizzle-orm's PostgreSQL migrator records it as {@code created_at}
 * and takes a file as applied when its {@code when} is not above the newest one recorded, so the
 * history on PostgreSQL needs it to agree with {@code drizzle-kit migrate}.
 *
 * <p>Entries are flat objects of numbers, strings and booleans, so a scan per entry reads them;
 * the runtime carries no JSON library. A hand-written scan, not regular expressions: an
 * up-to-date start on PostgreSQL parses the journal every time, and at 500 entries the patterns
 * took 70–110 ms in a fresh JVM (12–23 ms warm), most of the start-up check.
 *
 * @param where the journal, for messages, e.g. {@code drizzle/migrations/meta/_journal.json};
 *     empty when the source has none
 */
public record JournalTimes(Map<String, Long> byFile, Optional<String> where) {

  /** A source without a journal. */
  public static final JournalTimes NONE = new JournalTimes(Map.of(), Optional.empty());

  public JournalTimes {
    byFile = Collections.unmodifiableMap(new LinkedHashMap<>(byFile));
  }

  /**
   * Reads a journal's text: every object holding no nested object or array (an entry) that has
   * a {@code "tag"} string and a {@code "when"} integer.
   */
  public static JournalTimes parse(String json, String where) {
    Map<String, Long> times = new LinkedHashMap<>();
    int from = 0;
    for (int open = json.indexOf('{', from); open >= 0; open = json.indexOf('{', from)) {
      int close = flatEnd(json, open);
      if (close < 0) {
        from = open + 1; // an object holding others: its entries come next
        continue;
      }
      String tag = tag(json, open, close);
      Long when = when(json, open, close);
      if (tag != null && when != null) {
        times.put(tag.replace("\\\"", "\"").replace("\\\\", "\\") + ".sql", when);
      }
      from = close + 1;
    }
    return new JournalTimes(times, Optional.of(where));
  }

  /** The '}' closing the object opened at {@code open}, or -1 if a brace or bracket comes first. */
  private static int flatEnd(String json, int open) {
    for (int i = open + 1; i < json.length(); i++) {
      switch (json.charAt(i)) {
        case '}':
          return i;
        case '{', '[', ']':
          return -1;
        default:
          break;
      }
    }
    return -1;
  }

  /** The value of the first {@code "when": <integer>} in the entry, or null. */
  private static Long when(String json, int open, int close) {
    for (int key = json.indexOf("\"when\"", open); key >= 0 && key < close;
        key = json.indexOf("\"when\"", key + 1)) {
      int i = afterColon(json, key + "\"when\"".length(), close);
      if (i < 0) {
        continue;
      }
      int start = i;
      if (i < close && json.charAt(i) == '-') {
        i++;
      }
      int digits = i;
      while (i < close && json.charAt(i) >= '0' && json.charAt(i) <= '9') {
        i++;
      }
      if (i > digits) {
        return Long.parseLong(json.substring(start, i));
      }
    }
    return null;
  }

  /** The raw (still escaped) text of the first {@code "tag": "<string>"} in the entry, or null. */
  private static String tag(String json, int open, int close) {
    for (int key = json.indexOf("\"tag\"", open); key >= 0 && key < close;
        key = json.indexOf("\"tag\"", key + 1)) {
      int i = afterColon(json, key + "\"tag\"".length(), close);
      if (i < 0 || i >= close || json.charAt(i) != '"') {
        continue;
      }
      for (int j = i + 1; j < close; j++) {
        char c = json.charAt(j);
        if (c == '\\') {
          j++; // an escape: the next character is part of the string
        } else if (c == '"') {
          return json.substring(i + 1, j);
        }
      }
    }
    return null;
  }

  /** The index after {@code \\s*:\\s*} from {@code i}, or -1 when no colon follows. */
  private static int afterColon(String json, int i, int close) {
    while (i < close && isSpace(json.charAt(i))) {
      i++;
    }
    if (i >= close || json.charAt(i) != ':') {
      return -1;
    }
    i++;
    while (i < close && isSpace(json.charAt(i))) {
      i++;
    }
    return i;
  }

  /** What {@code \\s} matches. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  public Optional<Long> when(String file) {
    return Optional.ofNullable(byFile.get(file));
  }

  /** The file whose entry has this {@code when}, if one does. */
  public Optional<String> file(long when) {
    return byFile.entrySet().stream().filter(e -> e.getValue() == when).map(Map.Entry::getKey)
        .findFirst();
  }
}
