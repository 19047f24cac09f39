package dev.nanoka.review;

import dev.nanoka.core.diff.DataLoss;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one migration does, for a reviewer.
 *
 * @param file the SQL file, under the folder as given
 * @param status why it is reviewed
 * @param origin who wrote it, by its first line
 * @param changes what it does to the schema, in order
 * @param dataLoss what it can do to rows already there (the differ's, one per line)
 * @param handEdit how it differs from what Nanoka generated, when edited by hand
 * @param findings the lint findings, by line
 */
public record MigrationReview(
    Path file, Status status, Origin origin, List<ReviewedChange> changes,
    List<DataLoss> dataLoss, Optional<HandEdit> handEdit, List<Finding> findings) {

  /** Why a migration is in the review. */
  public enum Status {
    /** The base has no migration of that name. */
    ADDED,
    /** The base has it with other content. */
    CHANGED
  }

  /** Who wrote the file, by its first line. */
  public enum Origin {
    /** Nanoka's header, and the SQL is what it generated. */
    GENERATED,
    /** Nanoka's header, but the SQL was edited since. */
    EDITED,
    /** No Nanoka header: drizzle-kit's, or written by hand. */
    OTHER
  }

  public MigrationReview {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(origin, "origin");
    changes = List.copyOf(changes);
    dataLoss = List.copyOf(dataLoss);
    Objects.requireNonNull(handEdit, "handEdit");
    findings = List.copyOf(findings);
  }

  /**
   * The file name, e.g. {@code 0002_alter_users.sql}; in drizzle-kit 1.0's layout, where every
   * file is {@code migration.sql}, its folder and file ({@code 20231114221322_alter_users/
   * migration.sql}).
   */
  public String name() {
    String name = file.getFileName().toString();
    return name.equals("migration.sql") && file.getParent() != null
        ? file.getParent().getFileName() + "/" + name : name;
  }
}
