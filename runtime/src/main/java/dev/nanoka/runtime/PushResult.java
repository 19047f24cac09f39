package dev.nanoka.runtime;

import java.util.List;

/**
 * What a push did.
 *
 * @param statements the SQL run, empty when the database already matched
 * @param acceptedLosses data-loss problems that {@code acceptDataLoss} let through
 */
public record PushResult(List<String> statements, List<String> acceptedLosses) {

  public PushResult {
    statements = List.copyOf(statements);
    acceptedLosses = List.copyOf(acceptedLosses);
  }

  public boolean changedAnything() {
    return !statements.isEmpty();
  }
}
