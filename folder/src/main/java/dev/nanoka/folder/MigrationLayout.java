package dev.nanoka.folder;

/**
 * How a migrations folder lays out its files. One history either way: migration {@code N} (from
 * 0) is called {@code NNNN_<name>} in both, which is also the name the applied-migration history
 * records ({@code NNNN_<name>.sql}), so a folder converted from one layout to the other is the
 * same history.
 */
public enum MigrationLayout {
  /**
   * drizzle-kit 0.31: {@code NNNN_<name>.sql} files, {@code meta/_journal.json} and
   * {@code meta/NNNN_snapshot.json}.
   */
  DRIZZLE_0_31,
  /**
   * drizzle-kit 1.0: a folder {@code <yyyyMMddHHmmss>_<name>/} per migration holding
   * {@code migration.sql} and {@code snapshot.json} (version "7"), no journal; the timestamp is
   * the 0.31 journal's {@code when} in UTC, as {@code drizzle-kit up} names it. Nanoka also
   * writes {@code d1/NNNN_<name>.sql}, the same SQL flat, for wrangler.
   */
  DRIZZLE_1;

  /**
   * The layout a folder is in: 1.0's when it has no {@code meta/_journal.json} but 1.0
   * migration folders; 0.31's otherwise (an empty or missing folder included).
   */
  public static MigrationLayout of(java.nio.file.Path dir) {
    return !java.nio.file.Files.exists(dir.resolve("meta").resolve("_journal.json"))
        && Drizzle1Folder.holdsMigrations(dir) ? DRIZZLE_1 : DRIZZLE_0_31;
  }
}
