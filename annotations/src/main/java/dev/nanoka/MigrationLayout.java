package dev.nanoka;

/**
 * How the migrations folder is laid out ({@link Schema#layout()}). Both layouts hold the same
 * history: a folder converted by {@code drizzle-kit up} applies nothing twice.
 */
public enum MigrationLayout {
  /** The processor option {@code -Ananoka.layout}, else {@link #DRIZZLE_0_31}. */
  DEFAULT,
  /**
   * drizzle-kit 0.31's: {@code 0001_add_users_nickname.sql} files, {@code meta/_journal.json},
   * {@code meta/0001_snapshot.json}. wrangler applies the folder as it is.
   */
  DRIZZLE_0_31,
  /**
   * drizzle-kit 1.0's: a folder per migration, {@code 20231114221321_add_users_nickname/}
   * holding {@code migration.sql} and {@code snapshot.json}, no journal; plus
   * {@code d1/0001_add_users_nickname.sql}, the same SQL as flat files for wrangler's
   * {@code migrations_dir}.
   */
  DRIZZLE_1
}
