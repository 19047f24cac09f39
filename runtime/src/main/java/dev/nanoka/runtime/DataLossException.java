package dev.nanoka.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A push refused because of the data in the database; nothing was changed. Two kinds of problem:
 * {@linkplain #losses() losses}, which {@code acceptDataLoss} lets through, and
 * {@linkplain #unexecutable() changes that cannot run on these rows at all} (a required column
 * without default, duplicates under a new unique index), which only an empty database fixes —
 * as Prisma's {@code db push} tells warnings from unexecutable steps.
 */
public final class DataLossException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> losses;
  private final List<String> unexecutable;

  public DataLossException(List<String> losses) {
    this(losses, List.of());
  }

  public DataLossException(List<String> losses, List<String> unexecutable) {
    super(message(losses, unexecutable));
    this.losses = List.copyOf(losses);
    this.unexecutable = List.copyOf(unexecutable);
  }

  private static String message(List<String> losses, List<String> unexecutable) {
    StringBuilder out = new StringBuilder("Nothing was pushed.");
    if (!losses.isEmpty()) {
      out.append("\nThe push would lose data in this database:\n  - ")
          .append(String.join("\n  - ", losses))
          .append("\nTo apply it anyway, pass --accept-data-loss (acceptDataLoss = true).");
    }
    if (!unexecutable.isEmpty()) {
      out.append("\nThe push cannot be applied to the data in this database:\n  - ")
          .append(String.join("\n  - ", unexecutable))
          .append("\n--accept-data-loss cannot help here: change the models (e.g. add a"
              + " default), or delete the rows.");
    }
    return out.append("\nTo start over from an empty database, pass --force-reset (deletes all"
        + " data).").toString();
  }

  /** Every problem: the losses, then the unexecutable changes. */
  public List<String> problems() {
    List<String> all = new ArrayList<>(losses);
    all.addAll(unexecutable);
    return List.copyOf(all);
  }

  /** Data the push would lose; {@code acceptDataLoss} applies it anyway. */
  public List<String> losses() {
    return losses;
  }

  /** Changes the rows of this database make impossible, whatever is accepted. */
  public List<String> unexecutable() {
    return unexecutable;
  }
}
