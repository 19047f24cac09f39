package dev.nanoka.runtime.internal;

import dev.nanoka.core.text.Checksums;
import java.util.Objects;

/**
 * A migration file found in a source.
 *
 * @param name the file name, e.g. {@code 0001_add_users_nickname.sql} (what the history records)
 * @param sql the file's text
 */
public record Migration(String name, String sql) {

  public Migration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
  }

  /** The checksum the history keeps for this file. */
  public String checksum() {
    return Checksums.of(sql);
  }
}
