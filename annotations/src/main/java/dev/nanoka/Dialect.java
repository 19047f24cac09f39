package dev.nanoka;

/**
 * The database a {@link Schema} is written for: it decides the schema.ts flavour
 * ({@code drizzle-orm/sqlite-core} or {@code drizzle-orm/pg-core}), the SQL of the migrations and
 * drizzle-kit's folder dialect. One dialect per schema; several schemas may differ.
 */
public enum Dialect {
  /** SQLite and Cloudflare D1 (the default). */
  SQLITE,
  /**
   * PostgreSQL: {@code pgTable}, {@code bigint}, {@code uuid}, {@code timestamp with time zone},
   * {@code numeric}, {@code jsonb}, {@code bytea}, enums as {@code pgEnum}; changes SQLite has to
   * rebuild a table for are {@code ALTER}s.
   */
  POSTGRESQL
}
