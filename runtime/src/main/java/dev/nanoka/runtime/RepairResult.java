package dev.nanoka.runtime;

import java.util.List;

/**
 * What {@code repair} changed.
 *
 * @param accepted edited files whose current checksum is now recorded
 * @param adopted files applied by wrangler whose checksum is now recorded
 * @param missing applied files that are gone from the source (left in the history)
 */
public record RepairResult(List<String> accepted, List<String> adopted, List<String> missing) {

  public RepairResult {
    accepted = List.copyOf(accepted);
    adopted = List.copyOf(adopted);
    missing = List.copyOf(missing);
  }
}
