package dev.nanoka.runtime.push;

import java.util.List;

/** A push refused because it would lose data; nothing was changed. */
public final class DataLossException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public DataLossException(List<String> problems) {
    super("The push would lose data, so nothing was changed:\n  - "
        + String.join("\n  - ", problems)
        + "\nTo apply it anyway, pass --accept-data-loss (acceptDataLoss(true)); to start over"
        + " from an empty database, pass --force-reset.");
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
