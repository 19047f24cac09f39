package dev.nanoka.runtime.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migration folders for PostgreSQL tests: {@code postgres/blog}, three migrations drizzle-kit
 * 0.31.11 generated from {@code postgres/schema.ts} ({@code drizzle-kit generate --dialect
 * postgresql --schema schema.ts --out blog --name …}, one model change at a time), copied out of
 * the class path, and custom files added with a journal entry as {@code drizzle-kit generate
 * --custom} would write.
 */
public final class PostgresFolders {

  /** The files of {@code postgres/blog}, in order. */
  public static final List<String> BLOG = List.of("0000_create_users.sql",
      "0001_create_posts.sql", "0002_add_users_nickname.sql");

  private PostgresFolders() {}

  /** A copy of {@code postgres/blog} (files and journal) in {@code dir}. */
  public static Path blog(Path dir) {
    try {
      Files.createDirectories(dir.resolve("meta"));
      for (String file : BLOG) {
        Files.write(dir.resolve(file), resource("postgres/blog/" + file));
      }
      Files.write(dir.resolve("meta/_journal.json"), resource("postgres/blog/meta/_journal.json"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds {@code <tag>.sql} with its journal entry, {@code when} one second after the last, as
   * {@code drizzle-kit generate --custom} does.
   */
  public static void addCustom(Path dir, String tag, String sql) {
    try {
      Path journal = dir.resolve("meta/_journal.json");
      String json = Files.readString(journal);
      Matcher whens = Pattern.compile("\"when\": (\\d+)").matcher(json);
      long last = 0;
      int count = 0;
      while (whens.find()) {
        last = Long.parseLong(whens.group(1));
        count++;
      }
      String entry = "    {\n      \"idx\": " + count + ",\n      \"version\": \"7\",\n"
          + "      \"when\": " + (last + 1000) + ",\n      \"tag\": \"" + tag + "\",\n"
          + "      \"breakpoints\": true\n    }";
      int end = json.lastIndexOf(']');
      String before = json.substring(0, end).stripTrailing();
      json = before + (count == 0 ? "\n" : ",\n") + entry + "\n  " + json.substring(end);
      Files.writeString(journal, json);
      Files.writeString(dir.resolve(tag + ".sql"), sql);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code when} of a file's journal entry. */
  public static long when(Path dir, String file) {
    try {
      String json = Files.readString(dir.resolve("meta/_journal.json"));
      String tag = file.substring(0, file.length() - ".sql".length());
      Matcher m = Pattern.compile("\"when\": (\\d+),\\s*\"tag\": \"" + Pattern.quote(tag) + "\"")
          .matcher(json);
      if (!m.find()) {
        throw new IllegalArgumentException(file + " is not in the journal");
      }
      return Long.parseLong(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PostgresFolders.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is not on the class path");
      }
      return in.readAllBytes();
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
