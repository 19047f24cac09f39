package dev.nanoka.review;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The lint rules {@code review} runs on every migration it reviews, generated or edited by hand.
 * The ids are stable (CI output and team habits depend on them); README's "Reviewing schema
 * changes" lists each with its reason and source.
 */
public enum LintRule {

  /** D1 refuses a statement over 100,000 bytes. */
  D1_STATEMENT_SIZE("d1-statement-size", Severity.ERROR,
      "D1 refuses a statement longer than 100,000 bytes",
      "https://developers.cloudflare.com/d1/platform/limits/"),

  /** D1 refuses a table with more than 100 columns. */
  D1_COLUMN_LIMIT("d1-column-limit", Severity.ERROR,
      "D1 refuses a table with more than 100 columns",
      "https://developers.cloudflare.com/d1/platform/limits/"),

  /** BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE: D1 in production refuses them. */
  D1_TRANSACTION("d1-transaction", Severity.ERROR,
      "D1 in production refuses transaction control (wrangler --local accepts it), and each"
          + " migration file already runs as one unit",
      "https://github.com/cloudflare/workerd/issues/5411"),

  /** PRAGMA foreign_key_check: refused by D1 at times, and it fails nothing anyway. */
  D1_FOREIGN_KEY_CHECK("d1-foreign-key-check", Severity.WARNING,
      "D1 has refused it as not authorized; where it runs it only returns the violations as"
          + " rows, so the migration does not fail on them",
      "https://github.com/cloudflare/workers-sdk/issues/5598"),

  /** PRAGMA foreign_keys = …: ignored inside the migration's transaction, always on D1. */
  D1_FOREIGN_KEYS_PRAGMA("d1-foreign-keys-pragma", Severity.ERROR,
      "SQLite ignores it inside a transaction, and D1 runs every migration in one: foreign keys"
          + " stay enforced, so dropping a referenced table fires ON DELETE CASCADE",
      "https://github.com/drizzle-team/drizzle-orm/issues/4938"),

  /** A rebuild that moves a table's rows in one statement rather than in bounded batches. */
  REBUILD_COPIES_ROWS("rebuild-copies-rows", Severity.WARNING,
      "a statement that moves every row of a table takes time in proportion to it, and D1 limits"
          + " a query to 30 seconds",
      "https://developers.cloudflare.com/d1/platform/limits/"),

  /** A hand-written INSERT … SELECT, UPDATE or DELETE without WHERE or LIMIT. */
  UNBOUNDED_STATEMENT("unbounded-statement", Severity.WARNING,
      "a statement over every row of a table takes time in proportion to it, and D1 limits a"
          + " query to 30 seconds",
      "https://developers.cloudflare.com/d1/platform/limits/"),

  /** A dropped table or column, or a rebuild that keeps no column: rows or values are gone. */
  DESTRUCTIVE_CHANGE("destructive-change", Severity.WARNING,
      "the rows or values are gone for good once the migration runs; a declared drop"
          + " (droppedTables, droppedColumns) is intended, but the folder does not record the"
          + " declaration, so a reviewer confirms it",
      "README: Data loss, decided once"),

  /** A column made NOT NULL, or added NOT NULL, without a default. */
  NOT_NULL_WITHOUT_DEFAULT("not-null-without-default", Severity.WARNING,
      "the migration fails on a table with rows (a new column) or with NULLs there (a changed"
          + " one)",
      "README: Data loss, decided once"),

  /** A unique index or primary key that existing rows must now satisfy. */
  UNIQUE_ON_EXISTING_TABLE("unique-on-existing-table", Severity.WARNING,
      "the migration fails if two existing rows have the same values",
      "README: Data loss, decided once"),

  /** A column type change that can change or invalidate values. */
  TYPE_NARROWING("type-narrowing", Severity.WARNING,
      "SQLite converts each value by the new type's affinity: some change, some no longer read"
          + " as the type",
      "https://www.sqlite.org/datatype3.html#type_affinity"),

  /** A column made NOT NULL with a default: NULLs there become the default. */
  NULLS_FILLED("nulls-filled", Severity.INFO,
      "rows holding NULL get the default: a value the data never had",
      "README: Data loss, decided once"),

  /** A migration the header says Nanoka generated, edited since. */
  HAND_EDITED("hand-edited", Severity.INFO,
      "hand-written SQL is what a reviewer must read closely: the generator's rules (no lost"
          + " rows, bounded batches) do not cover it",
      "README: Migrations, Hand edits"),

  /** A migration the base has with other content, or a base migration gone. */
  BASE_MIGRATION_CHANGED("base-migration-changed", Severity.WARNING,
      "a database that applied the base's version does not run the new one (Nanoka's migrate"
          + " refuses an edited applied file; wrangler skips it by name)",
      "README: Migrations, When a migration is written");

  private final String id;
  private final Severity severity;
  private final String reason;
  private final String source;

  LintRule(String id, Severity severity, String reason, String source) {
    this.id = id;
    this.severity = severity;
    this.reason = reason;
    this.source = source;
  }

  /** The stable id, e.g. {@code d1-transaction}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  /** Why the rule exists, in one sentence. */
  public String reason() {
    return reason;
  }

  /** Where the limit or behaviour is documented or was observed. */
  public String source() {
    return source;
  }

  Finding at(Path file, Optional<Integer> line, String message) {
    return new Finding(id, severity, file, line, message);
  }
}
