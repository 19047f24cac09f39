package dev.nanoka.folder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * drizzle-kit's {@code meta/_journal.json}: the ordered list of migrations.
 *
 * @param entries the migrations, {@code idx} 0, 1, 2… in order
 * @param dialect drizzle-kit's name of the folder's dialect: {@code sqlite} or {@code postgresql}
 */
public record Journal(List<Entry> entries, String dialect) {

  /** A SQLite journal. */
  public Journal(List<Entry> entries) {
    this(entries, "sqlite");
  }

  /**
   * The {@code when} of a first migration. Entries are not stamped with the wall clock: each
   * next one is {@link #STEP} later than the one before, so the same history gives the same
   * journal on every machine, and {@code when} still increases strictly as drizzle-orm's
   * migrator needs.
   */
  public static final long FIRST_WHEN = 1_700_000_000_000L;

  public static final long STEP = 1_000L;

  /**
   * One migration.
   *
   * @param idx its position
   * @param when its time in milliseconds; drizzle-orm applies entries newer than the last applied
   * @param tag the file name without {@code .sql}, e.g. {@code 0001_add_users_nickname}
   */
  public record Entry(int idx, long when, String tag) {}

  public Journal {
    entries = List.copyOf(entries);
    if (!dialect.equals("sqlite") && !dialect.equals("postgresql")) {
      throw new IllegalArgumentException("unknown dialect " + dialect);
    }
  }

  /** This journal for another dialect: a new folder's, before its first entry is written. */
  public Journal withDialect(String value) {
    return new Journal(entries, value);
  }

  /** The {@code when} for an entry appended after the current ones. */
  public long nextWhen() {
    return entries.isEmpty() ? FIRST_WHEN : entries.get(entries.size() - 1).when() + STEP;
  }

  /** This journal with entry {@code idx} set (replaced or appended). */
  public Journal with(Entry entry) {
    List<Entry> out = new ArrayList<>(entries.subList(0, Math.min(entry.idx(), entries.size())));
    out.add(entry);
    if (entry.idx() + 1 < entries.size()) {
      out.addAll(entries.subList(entry.idx() + 1, entries.size()));
    }
    return new Journal(out, dialect);
  }

  /** This journal without its last entry. */
  public Journal withoutLast() {
    return new Journal(entries.subList(0, entries.size() - 1), dialect);
  }

  public String toJson() {
    return JsonValue.write(g -> {
      g.writeStartObject();
      g.writeStringField("version", "7");
      g.writeStringField("dialect", dialect);
      g.writeArrayFieldStart("entries");
      for (Entry entry : entries) {
        g.writeStartObject();
        g.writeNumberField("idx", entry.idx());
        g.writeStringField("version", dialect.equals("sqlite") ? "6" : "7");
        g.writeNumberField("when", entry.when());
        g.writeStringField("tag", entry.tag());
        g.writeBooleanField("breakpoints", true);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** Reads and checks a journal: sqlite dialect, entries numbered in order, strictly increasing {@code when}. */
  public static Journal read(Path file, String text) throws MigrationFolderException {
    List<MigrationFolderException> problems = new ArrayList<>();
    Journal journal = read(file, text, problems);
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    return journal;
  }

  /**
   * Reads a journal as far as it goes, for a check that lists every problem rather than the
   * first: each entry that breaks a rule adds its problem to {@code problems} and is kept when
   * it has an idx, a when and a tag (so the files it names can still be looked at), left out
   * otherwise.
   *
   * @throws MigrationFolderException when the file is no journal at all (not JSON, no entries
   *     list, another dialect): nothing in it can be trusted
   */
  public static Journal read(Path file, String text, List<MigrationFolderException> problems)
      throws MigrationFolderException {
    JsonValue root = SnapshotJson.parse(file, text);
    if (root == null || !root.isObject() || !root.path("entries").isArray()) {
      throw new MigrationFolderException(file, "is not a drizzle-kit journal (no \"entries\" list)");
    }
    String dialect = root.path("dialect").asText();
    if (!"sqlite".equals(dialect) && !"postgresql".equals(dialect)) {
      throw new MigrationFolderException(file, "is for dialect " + root.path("dialect")
          + ", not sqlite or postgresql");
    }
    List<Entry> entries = new ArrayList<>();
    long previousWhen = Long.MIN_VALUE;
    int position = 0;
    for (JsonValue node : root.path("entries").elements()) {
      int idx;
      long when;
      String tag;
      try {
        idx = SnapshotJson.required(file, node, "idx").asInt(-1);
        when = SnapshotJson.required(file, node, "when").asLong();
        tag = SnapshotJson.required(file, node, "tag").asText();
      } catch (MigrationFolderException e) {
        problems.add(e);
        position++;
        continue;
      }
      if (idx != position) {
        problems.add(new MigrationFolderException(file, "lists entry idx " + idx + " at position "
            + position + "; entries must be numbered 0, 1, 2… in order"));
      }
      if (!tag.startsWith(String.format("%04d_", idx))) {
        problems.add(new MigrationFolderException(file, "entry " + idx + " has tag \"" + tag
            + "\", which does not start with " + String.format("%04d_", idx)));
      }
      if (when <= previousWhen) {
        problems.add(new MigrationFolderException(file, "entry " + tag + " has \"when\" " + when
            + ", not later than the entry before; drizzle-orm would skip it"));
      }
      previousWhen = Math.max(previousWhen, when);
      entries.add(new Entry(idx, when, tag));
      position++;
    }
    return new Journal(entries, dialect);
  }
}
