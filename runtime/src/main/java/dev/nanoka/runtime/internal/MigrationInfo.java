package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins migrations found with migrations applied: the one place that decides what is pending
 * (in order or not), applied, edited or missing. Pure: no I/O.
 */
public final class MigrationInfo {

  private MigrationInfo() {}

  /**
   * Found migrations in order (with their state), then applied ones whose file is gone. A file
   * not applied before the last applied file that is still found is {@code OUT_OF_ORDER}; one
   * whose file is gone cannot be placed among the found ones, so it does not count.
   */
  public static List<MigrationStatus> join(List<Migration> found, List<AppliedMigration> applied) {
    Map<String, AppliedMigration> byName = new LinkedHashMap<>();
    applied.forEach(a -> byName.put(a.name(), a));
    int lastApplied = -1;
    for (int i = 0; i < found.size(); i++) {
      if (byName.containsKey(found.get(i).name())) {
        lastApplied = i;
      }
    }
    List<MigrationStatus> statuses = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Migration migration = found.get(i);
      AppliedMigration row = byName.remove(migration.name());
      if (row == null) {
        statuses.add(new MigrationStatus(migration.name(), i < lastApplied
            ? MigrationStatus.State.OUT_OF_ORDER : MigrationStatus.State.PENDING,
            Optional.empty()));
      } else {
        boolean edited = row.checksum().map(c -> !c.equals(migration.checksum()))
            .orElseGet(() -> row.drizzleHash()
                .map(hash -> !PostgresHistory.sameText(hash, migration.sql())).orElse(false));
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
   * Pending files whose number ({@code 0001} of {@code 0001_add_users_phone.sql}) is that of an
   * applied migration whose file is gone, as {@code pending -> applied}: the database took
   * another migration for that number, which is what a merge of two branches that each wrote one
   * leaves. A squash that deletes applied files gives the next files new numbers, so it has none.
   */
  public static Map<String, String> renumbered(List<MigrationStatus> statuses) {
    Map<String, String> missingByNumber = new HashMap<>();
    for (MigrationStatus status : statuses) {
      if (status.state() == MigrationStatus.State.MISSING) {
        number(status.name()).ifPresent(n -> missingByNumber.putIfAbsent(n, status.name()));
      }
    }
    Map<String, String> renumbered = new LinkedHashMap<>();
    for (MigrationStatus status : statuses) {
      if (status.state() == MigrationStatus.State.PENDING
          || status.state() == MigrationStatus.State.OUT_OF_ORDER) {
        number(status.name()).map(missingByNumber::get)
            .ifPresent(applied -> renumbered.put(status.name(), applied));
      }
    }
    return renumbered;
  }

  private static Optional<String> number(String name) {
    int underscore = name.indexOf('_');
    return underscore > 0 && name.substring(0, underscore).chars().allMatch(Character::isDigit)
        ? Optional.of(name.substring(0, underscore)) : Optional.empty();
  }

  /** What {@code validate} reports (see {@link MigrationStatus#isProblem}). */
  public static List<MigrationStatus> problems(List<MigrationStatus> statuses,
      boolean allowOutOfOrder) {
    return statuses.stream().filter(s -> s.isProblem(allowOutOfOrder)).toList();
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

  /** The names of the migrations in this state, in order. */
  public static List<String> names(List<MigrationStatus> statuses, MigrationStatus.State state) {
    List<String> names = new ArrayList<>();
    statuses.stream().filter(s -> s.state() == state).forEach(s -> names.add(s.name()));
    return names;
  }
}
