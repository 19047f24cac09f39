package dev.nanoka.runtime.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code when} of each entry of a drizzle-kit journal ({@code meta/_journal.json}), by file
 * name ({@code <tag>.sql}). drizzle-orm's PostgreSQL migrator records it as {@code created_at}
 * and takes a file as applied when its {@code when} is not above the newest one recorded, so the
 * history on PostgreSQL needs it to agree with {@code drizzle-kit migrate}.
 *
 * <p>Entries are flat objects of numbers, strings and booleans, so a pattern per entry reads
 * them; the runtime carries no JSON library.
 *
 * @param where the journal, for messages, e.g. {@code drizzle/migrations/meta/_journal.json};
 *     empty when the source has none
 */
public record JournalTimes(Map<String, Long> byFile, Optional<String> where) {

  private static final Pattern ENTRY = Pattern.compile("\\{[^{}\\[\\]]*\"tag\"[^{}\\[\\]]*\\}");
  private static final Pattern WHEN = Pattern.compile("\"when\"\\s*:\\s*(-?\\d+)");
  private static final Pattern TAG = Pattern.compile("\"tag\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** A source without a journal. */
  public static final JournalTimes NONE = new JournalTimes(Map.of(), Optional.empty());

  public JournalTimes {
    byFile = Collections.unmodifiableMap(new LinkedHashMap<>(byFile));
  }

  /** Reads a journal's text. */
  public static JournalTimes parse(String json, String where) {
    Map<String, Long> times = new LinkedHashMap<>();
    Matcher entry = ENTRY.matcher(json);
    while (entry.find()) {
      Matcher when = WHEN.matcher(entry.group());
      Matcher tag = TAG.matcher(entry.group());
      if (when.find() && tag.find()) {
        times.put(tag.group(1).replace("\\\"", "\"").replace("\\\\", "\\") + ".sql",
            Long.parseLong(when.group(1)));
      }
    }
    return new JournalTimes(times, Optional.of(where));
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
