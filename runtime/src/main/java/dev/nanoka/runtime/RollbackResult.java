package dev.nanoka.runtime;

import java.util.List;

/**
 * What a rollback did.
 *
 * @param rolledBack the migrations undone, newest first; their history rows are gone
 * @param acceptedLosses what the down migrations lost in this database, accepted with
 *     {@link Migrator.Builder#acceptDataLoss}
 */
public record RollbackResult(List<String> rolledBack, List<String> acceptedLosses) {

  public RollbackResult {
    rolledBack = List.copyOf(rolledBack);
    acceptedLosses = List.copyOf(acceptedLosses);
  }
}
