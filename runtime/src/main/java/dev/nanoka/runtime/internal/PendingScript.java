package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pending file and the statements it runs, checked before any file of the run is applied: a
 * file that would not run as written stops the run with nothing applied or recorded.
 *
 * @param migration the file
 * @param statements what runs, split by {@link SqlSplitter}
 */
record PendingScript(Migration migration, List<String> statements) {

  /**
   * Transaction control a file must not contain: each file already runs as one unit. A
   * statement whose first word (after any comments) is one of these ends or nests it; D1 refuses
   * them all, savepoints included.
   */
  private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
      "(?is)^\\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\\b.*");

  /**
   * Splits the file, refusing one SQLite would run only in part (text it takes for comment, see
   * {@link SqlSplitter#skippedText}) and statements that control the transaction.
   */
  static PendingScript of(Migration migration) throws MigrationException {
    return of(migration, SqliteDialect.INSTANCE);
  }

  /** As the dialect splits and runs it. */
  static PendingScript of(Migration migration, Dialect dialect) throws MigrationException {
    dialect.checkPending(migration);
    Optional<String> skipped = dialect.skippedText(migration.sql());
    if (skipped.isPresent()) {
      throw new MigrationException(MigrationException.Kind.FAILED, migration.name() + ", "
          + skipped.get() + " Nothing was applied.", null);
    }
    List<String> statements = dialect.split(migration.sql());
    for (int i = 0; i < statements.size(); i++) {
      // Without comments: "-- done\nCOMMIT;" would otherwise commit half the file.
      String code = SqlSplitter.withoutComments(statements.get(i)).strip();
      if (TRANSACTION_CONTROL.matcher(code).matches()) {
        throw new MigrationException(MigrationException.Kind.FAILED, migration.name()
            + ": statement " + (i + 1) + " of " + statements.size() + " (" + code
            + ") controls the transaction itself. Remove it: every migration file already runs"
            + " in one transaction (wrangler refuses such files too). Nothing was applied.", null);
      }
    }
    return new PendingScript(migration, List.copyOf(statements));
  }
}
