package dev.nanoka.review;

/**
 * The rules of {@link Check}, each with the stable id a {@link Finding} carries. The ids are
 * documented in the README and never renamed: CI logs and a team's notes search for them.
 */
public enum CheckRule {
  /** The journal is no drizzle-kit journal, or an entry breaks its rules. */
  JOURNAL("journal"),
  /** A snapshot cannot be read as a drizzle-kit SQLite snapshot. */
  SNAPSHOT("snapshot"),
  /** A snapshot's {@code prevId} is not the id of the snapshot before it. */
  SNAPSHOT_CHAIN("snapshot-chain"),
  /** Two migrations (files or journal entries) share a number: two branches each added one. */
  DUPLICATE_NUMBER("duplicate-number"),
  /**
   * A down migration ({@code down/<tag>.sql}) awaits review, was edited, is missing or undoes
   * no migration: never an error, only {@code rollback} needs them.
   */
  DOWN_MIGRATION("down-migration"),
  /** A file holds git conflict markers: a merge was committed unresolved. */
  CONFLICT_MARKER("conflict-marker"),
  /**
   * Two branches' migrations are in the folder (the build's {@code [NanokaMigrationCollision]}):
   * one finding with the steps that resolve it, the same the compile error gives.
   */
  BRANCH_MERGE("branch-merge"),
  /** A file the journal does not account for. */
  STRAY_FILE("stray-file"),
  /** A file the journal names is not there. */
  MISSING_FILE("missing-file"),
  /** A file is not UTF-8. */
  ENCODING("encoding"),
  /** A generated migration's SQL is not what its header's checksum recorded: it was edited. */
  CHECKSUM("checksum"),
  /** A migration fails when the folder is replayed into an empty database. */
  REPLAY_FAILS("replay-fails"),
  /** The folder replayed does not give the schema its snapshot records (a hand edit did that). */
  REPLAY_DIFFERS("replay-differs"),
  /** The last snapshot is not the models: regenerated files were not committed. */
  MODELS_DIFFER("models-differ"),
  /** schema.ts is not what the models generate. */
  SCHEMA_TS("schema-ts");

  private final String id;

  CheckRule(String id) {
    this.id = id;
  }

  /** The id findings carry, e.g. {@code replay-differs}. */
  public String id() {
    return id;
  }
}
