package dev.nanoka.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The journal scan reads what drizzle-kit writes, and reads every other input exactly as the
 * regular expressions it replaced did (kept here as the reference): odd spacing, CRLF, escaped
 * tags, nested objects, entries without a tag or a when, truncated text.
 */
class JournalTimesTest {

  private static final Pattern ENTRY = Pattern.compile("\\{[^{}\\[\\]]*\"tag\"[^{}\\[\\]]*\\}");
  private static final Pattern WHEN = Pattern.compile("\"when\"\\s*:\\s*(-?\\d+)");
  private static final Pattern TAG = Pattern.compile("\"tag\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** The former parser. */
  private static Map<String, Long> reference(String json) {
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
    return times;
  }

  private static final String DRIZZLE_KIT = """
      {
        "version": "7",
        "dialect": "postgresql",
        "entries": [
          {
            "idx": 0,
            "version": "7",
            "when": 1764700000000,
            "tag": "0000_create_users",
            "breakpoints": true
          },
          {
            "idx": 1,
            "version": "7",
            "when": 1764700001000,
            "tag": "0001_add_users_nickname",
            "breakpoints": true
          }
        ]
      }""";

  @Test
  void readsDrizzleKitsJournal() {
    JournalTimes journal = JournalTimes.parse(DRIZZLE_KIT, "meta/_journal.json");
    assertEquals(Map.of("0000_create_users.sql", 1764700000000L,
        "0001_add_users_nickname.sql", 1764700001000L), journal.byFile());
    assertEquals(List.of("0000_create_users.sql", "0001_add_users_nickname.sql"),
        List.copyOf(journal.byFile().keySet()));
    assertEquals("0001_add_users_nickname.sql", journal.file(1764700001000L).orElseThrow());
  }

  @Test
  void readsEveryInputAsTheRegularExpressionsDid() {
    List<String> inputs = List.of(
        DRIZZLE_KIT,
        DRIZZLE_KIT.replace("\n", "\r\n"),
        DRIZZLE_KIT.replace(" ", "").replace("\n", ""),
        "{\"entries\":[{\"when\" :\t-5 ,\"tag\"\r\n:  \"0000_a\\\"b\\\\c\"}]}",
        "{\"entries\":[{\"tag\":\"0000_x\",\"when\":\"1\"},{\"tag\":\"0001_y\"},{\"when\":3}]}",
        "{\"entries\":[{\"tag\":\"0000_x\",\"meta\":{\"when\":1}},{\"tag\":\"0001_y\",\"when\":2}]}",
        "{\"entries\":[{\"tag\":\"0000_x\",\"list\":[1],\"when\":1},{\"when\":2,\"tag\":\"0001\"}]}",
        "{\"entries\":[{\"tag\": 7, \"tag\": \"0000_z\", \"when\": x, \"when\": 9}]}",
        "{\"entries\":[{\"tag\":\"0000_open\",\"when\":1",
        "{\"entries\":[{\"tag\":\"0000_a}b\",\"when\":4}]}",
        "<<<<<<< HEAD\n{\"entries\":[{\"tag\":\"0000_a\",\"when\":1}]}\n=======\n"
            + "{\"entries\":[{\"tag\":\"0000_b\",\"when\":2}]}\n>>>>>>> other\n",
        "",
        "{}",
        "{\"tag\":\"\",\"when\":0}");
    for (String input : inputs) {
      assertEquals(reference(input), JournalTimes.parse(input, "j").byFile(), input);
    }
  }
}
