package dev.nanoka.runtime.internal;

import dev.nanoka.runtime.MigrationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The messages of the ways an operation fails, each said once. */
public final class Failures {

  private Failures() {}

  /**
   * @param undone what became of the script's work, e.g. "The file was rolled back; later
   *     migrations were not run."
   */
  public static MigrationException statementFailed(String label, int number, int total,
      String statement, String databaseMessage, String undone, Throwable cause) {
    return new MigrationException(MigrationException.Kind.FAILED, label + ": statement " + number + " of " + total
        + " failed: " + databaseMessage + "\n" + indent(statement) + "\n" + undone, cause);
  }

  public static MigrationException foreignKeysBroken(String label, List<String> violations,
      String undone) {
    return new MigrationException(MigrationException.Kind.FAILED, label + " leaves foreign keys broken ("
        + String.join("; ", violations) + "). " + undone, null);
  }

  /**
   * The failure of a file after which the database ended the whole transaction itself (SQLite
   * does on I/O errors or a full disk): the files run before it since the last commit were
   * undone with it.
   */
  public static MigrationException transactionLost(MigrationException failure, List<String> undone) {
    String message = failure.getMessage() + "\nThe database rolled back the whole transaction";
    if (!undone.isEmpty()) {
      message += ", so these files applied earlier in it are not applied either: "
          + String.join(", ", undone);
    }
    return new MigrationException(failure.kind(), message + ". Run migrate again once the"
        + " cause is fixed.", failure.getCause());
  }

  /** @param whatFailed e.g. {@code 0002_c.sql was not applied} */
  public static MigrationException readOnly(String whatFailed, Throwable cause) {
    return new MigrationException(MigrationException.Kind.UNREADABLE, "The database is read-only: " + whatFailed
        + " (" + cause.getMessage() + "). Make the database file and its folder writable"
        + " (SQLite writes a journal beside the file), or drop mode=ro from the URL.", cause);
  }

  public static MigrationException edited(List<String> files) {
    return new MigrationException(MigrationException.Kind.EDITED, "Applied migration" + (files.size() > 1 ? "s" : "")
        + " changed since applied: " + String.join(", ", files) + ". The database ran the old"
        + " text; nothing was applied. If the edit is intended (a comment, or you fixed the"
        + " database by hand), accept the current files with `nanoka repair`"
        + " (Migrator.repair()); otherwise restore the files.", null);
  }

  public static MigrationException outOfOrder(List<String> files, String lastApplied) {
    boolean one = files.size() == 1;
    return new MigrationException(MigrationException.Kind.OUT_OF_ORDER, String.join(", ", files)
        + (one ? " sorts" : " sort") + " before " + lastApplied + ", which is applied already:"
        + " applied now, " + (one ? "it" : "they") + " would run after migrations written after "
        + (one ? "it" : "them") + ". Nothing was applied. If " + (one ? "it does" : "they do")
        + " not depend on what came after (e.g. " + (one ? "it" : "each")
        + " only adds a table), allow it with --out-of-order (Migrator.Builder.outOfOrder(true));"
        + " otherwise rename " + (one ? "it" : "them") + " to sort after " + lastApplied + ".",
        null);
  }

  /**
   * @param renumbered each pending file by the applied migration, no longer in the folder, that
   *     has its number
   */
  public static MigrationException renumbered(Map<String, String> renumbered) {
    Map.Entry<String, String> first = renumbered.entrySet().iterator().next();
    String applied = first.getValue();
    String number = applied.substring(0, applied.indexOf('_'));
    return new MigrationException(MigrationException.Kind.FAILED, "This database applied "
        + String.join(", ", new LinkedHashSet<>(renumbered.values())) + ", which the"
        + " folder no longer has, and the folder's " + String.join(", ", renumbered.keySet())
        + (renumbered.size() == 1 ? " has its number" : " have their numbers") + ": the"
        + " database and the folder have different histories, as after a merge of two branches"
        + " that each wrote a migration " + number + ". Nothing was applied. Undo " + applied
        + " in this database with the folder that has it (on that branch: `nanoka rollback --to "
        + Integer.parseInt(number) + "`, or undo it by hand and run `nanoka resolve"
        + " --rolled-back " + applied + "`), then migrate with this folder; or recreate the"
        + " database.", null);
  }

  private static String indent(String statement) {
    String shown = statement.length() > 2000 ? statement.substring(0, 2000) + " …" : statement;
    return "    " + shown.replace("\n", "\n    ");
  }
}
