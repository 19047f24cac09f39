package dev.nanoka.processor.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * drizzle-kit's {@code meta/_journal.json}: the ordered list of migrations.
 *
 * @param entries the migrations, {@code idx} 0, 1, 2… in order
 */
public record Journal(List<Entry> entries) {

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
    return new Journal(out);
  }

  /** This journal without its last entry. */
  public Journal withoutLast() {
    return new Journal(entries.subList(0, entries.size() - 1));
  }

  public String toJson() {
    ObjectNode root = SnapshotJson.MAPPER.createObjectNode();
    root.put("version", "7");
    root.put("dialect", "sqlite");
    ArrayNode array = root.putArray("entries");
    for (Entry entry : entries) {
      ObjectNode node = array.addObject();
      node.put("idx", entry.idx());
      node.put("version", "6");
      node.put("when", entry.when());
      node.put("tag", entry.tag());
      node.put("breakpoints", true);
    }
    return SnapshotJson.text(root);
  }

  /** Reads and checks a journal: sqlite dialect, entries numbered in order, strictly increasing {@code when}. */
  public static Journal read(Path file, String text) throws MigrationFolderException {
    JsonNode root;
    try {
      root = SnapshotJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MigrationFolderException(file, "is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("entries").isArray()) {
      throw new MigrationFolderException(file, "is not a drizzle-kit journal (no \"entries\" list)");
    }
    if (!"sqlite".equals(root.path("dialect").asText())) {
      throw new MigrationFolderException(file, "is for dialect " + root.path("dialect")
          + ", not sqlite");
    }
    List<Entry> entries = new ArrayList<>();
    long previousWhen = Long.MIN_VALUE;
    for (JsonNode node : root.path("entries")) {
      int idx = SnapshotJson.required(file, node, "idx").asInt(-1);
      long when = SnapshotJson.required(file, node, "when").asLong();
      String tag = SnapshotJson.required(file, node, "tag").asText();
      if (idx != entries.size()) {
        throw new MigrationFolderException(file, "lists entry idx " + idx + " at position "
            + entries.size() + "; entries must be numbered 0, 1, 2… in order");
      }
      if (!tag.startsWith(String.format("%04d_", idx))) {
        throw new MigrationFolderException(file, "entry " + idx + " has tag \"" + tag
            + "\", which does not start with " + String.format("%04d_", idx));
      }
      if (when <= previousWhen) {
        throw new MigrationFolderException(file, "entry " + tag + " has \"when\" " + when
            + ", not later than the entry before; drizzle-orm would skip it");
      }
      previousWhen = when;
      entries.add(new Entry(idx, when, tag));
    }
    return new Journal(entries);
  }
}
