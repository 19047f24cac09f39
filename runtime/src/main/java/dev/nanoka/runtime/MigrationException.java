package dev.nanoka.runtime;

/**
 * An operation that stopped: a migration failed or was refused, the lock could not be had, the
 * database or the migrations could not be read. The message says what happened in words a user
 * acts on — for a failed migration the file, the statement (by number, counting from 1) and the
 * database's own words — and what became of the work; {@link #kind()} tells them apart (the CLI
 * maps each kind to an exit code).
 */
public final class MigrationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the run stopped; the CLI maps each kind to an exit code. */
  public enum Kind {
    /**
     * A statement failed or left a foreign key broken, and the file was rolled back; or a file
     * was refused before any file ran (it controls the transaction itself, or SQLite would skip
     * part of it).
     */
    FAILED,
    /** Applied files were edited afterwards; see {@code validate} and {@code repair}. */
    EDITED,
    /**
     * Pending files sort before an applied one and out-of-order runs were not allowed; nothing
     * was applied.
     */
    OUT_OF_ORDER,
    /** The write lock could not be had in time. */
    LOCK_TIMEOUT,
    /**
     * The database or the migrations could not be read, or the database could not be written
     * (it is read-only).
     */
    UNREADABLE
  }

  private final Kind kind;

  public MigrationException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
