package dev.nanoka.runtime;

import java.util.List;

/**
 * What a run did.
 *
 * @param applied files this run applied, in order
 * @param upToDate files that were already applied (by an earlier run, another process or wrangler)
 * @param adopted files applied by wrangler whose checksum this run recorded
 * @param outOfOrder files among {@code applied} that sort before a file applied earlier
 *     (allowed with {@code Migrator.Builder.outOfOrder(true)})
 */
public record MigrateResult(List<String> applied, List<String> upToDate, List<String> adopted,
    List<String> outOfOrder) {

  public MigrateResult {
    applied = List.copyOf(applied);
    upToDate = List.copyOf(upToDate);
    adopted = List.copyOf(adopted);
    outOfOrder = List.copyOf(outOfOrder);
  }
}
