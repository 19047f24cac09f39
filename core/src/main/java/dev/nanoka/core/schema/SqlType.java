package dev.nanoka.core.schema;

import java.util.Locale;

/** The storage types of SQLite's type affinity rules, as Drizzle names them. */
public enum SqlType {
  TEXT,
  INTEGER,
  REAL,
  NUMERIC,
  BLOB;

  /** The lower-case SQL spelling drizzle-kit writes, e.g. {@code integer}. */
  public String sql() {
    return name().toLowerCase(Locale.ROOT);
  }
}
