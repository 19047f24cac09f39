package dev.nanoka.core.testing;

import java.sql.Connection;
import java.util.List;

/**
 * The three ways a migration file gets applied. A generated file must work in each: they differ
 * in whether foreign keys are enforced and whether {@code PRAGMA foreign_keys} can take effect.
 */
public enum MigrationMode {
  /** The sqlite3 CLI's default: foreign keys not enforced, each statement its own transaction. */
  FK_OFF_AUTOCOMMIT(false, false),
  /**
   * D1's model: foreign keys enforced and every statement of the file in one transaction, where
   * {@code PRAGMA foreign_keys} cannot be changed.
   */
  D1_FK_ON_ONE_TRANSACTION(true, true),
  /** Foreign keys enforced, each statement its own transaction (an app with foreign_keys=ON). */
  FK_ON_AUTOCOMMIT(true, false);

  public final boolean foreignKeys;
  public final boolean oneTransaction;

  MigrationMode(boolean foreignKeys, boolean oneTransaction) {
    this.foreignKeys = foreignKeys;
    this.oneTransaction = oneTransaction;
  }

  /** An empty in-memory database set up for this mode. */
  public Connection open() {
    return Sqlite.memory(foreignKeys);
  }

  /** Applies the statements of a file as this mode does; a failure names the statement. */
  public void apply(Connection c, List<String> statements, String context) {
    Sqlite.applyAll(c, statements, oneTransaction, context);
  }
}
