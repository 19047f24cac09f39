package dev.nanoka.runtime.migrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins migrations found with migrations applied: the one place that decides what is pending,
 * applied, edited or missing. Pure: no I/O.
 */
public final class MigrationInfo {

  private MigrationInfo() {}

  /** Found migrations in order (with their state), then applied ones whose file is gone. */
  public static List<MigrationStatus> join(List<Migration> found, List<AppliedMigration> applied) {
    Map<String, AppliedMigration> byName = new LinkedHashMap<>();
    applied.forEach(a -> byName.put(a.name(), a));
    List<MigrationStatus> statuses = new ArrayList<>();
    for (Migration migration : found) {
      AppliedMigration row = byName.remove(migration.name());
      if (row == null) {
        statuses.add(new MigrationStatus(migration.name(), MigrationStatus.State.PENDING,
            Optional.empty()));
      } else {
        boolean edited = row.checksum().map(c -> !c.equals(migration.checksum())).orElse(false);
        statuses.add(new MigrationStatus(migration.name(),
            edited ? MigrationStatus.State.EDITED : MigrationStatus.State.APPLIED,
            Optional.of(row.appliedAt())));
      }
    }
    byName.values().forEach(row -> statuses.add(new MigrationStatus(row.name(),
        MigrationStatus.State.MISSING, Optional.of(row.appliedAt()))));
    return statuses;
  }

  /**
   * The listed migrations' names when every one is applied with the same checksum — the
   * start-up case, decided without reading a file; empty when any is pending, edited, or applied
   * by wrangler without a checksum (the full run sorts those out).
   */
  public static Optional<List<String>> allApplied(
      List<MigrationChecksum> listed, List<AppliedMigration> applied) {
    Map<String, Optional<String>> checksums = new HashMap<>();
    applied.forEach(a -> checksums.put(a.name(), a.checksum()));
    for (MigrationChecksum migration : listed) {
      Optional<String> recorded = checksums.get(migration.name());
      if (recorded == null || !recorded.equals(Optional.of(migration.checksum()))) {
        return Optional.empty();
      }
    }
    return Optional.of(listed.stream().map(MigrationChecksum::name).toList());
  }
}
