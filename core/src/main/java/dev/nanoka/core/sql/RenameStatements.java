package dev.nanoka.core.sql;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ALTER TABLE … RENAME} statements read back from a migration's SQL. Once the annotations
 * that declared a rename are gone, only the SQL says what a migration renamed, so the processor
 * (backfilling a down migration), the runtime (rollback's data-loss check) and review (snapshots
 * without {@code _meta}) read it there, all through this one reader.
 */
public final class RenameStatements {

  /** A rename one statement makes. */
  public sealed interface Rename permits TableRename, ColumnRename {}

  /** {@code ALTER TABLE from RENAME TO to}. */
  public record TableRename(String from, String to) implements Rename {

    /**
     * Whether this is the last step of a table rebuild ({@code __new_users} → {@code users}),
     * which renames nothing the user named.
     */
    public boolean isRebuild() {
      return from.startsWith("__new_");
    }
  }

  /** {@code ALTER TABLE table RENAME [COLUMN] from TO to}; the table as the statement names it. */
  public record ColumnRename(String table, String from, String to) implements Rename {}

  /** A name as SQLite takes it: backquoted or double-quoted (quotes doubled inside), bracketed, bare. */
  private static final String NAME =
      "(`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|\\[[^\\]]+]|[\\w$]+)";

  private static final Pattern TABLE = Pattern.compile(
      "(?is)\\s*ALTER\\s+TABLE\\s+" + NAME + "\\s+RENAME\\s+TO\\s+" + NAME + "\\s*;?\\s*");

  private static final Pattern COLUMN = Pattern.compile("(?is)\\s*ALTER\\s+TABLE\\s+" + NAME
      + "\\s+RENAME\\s+(?:COLUMN\\s+)?" + NAME + "\\s+TO\\s+" + NAME + "\\s*;?\\s*");

  private RenameStatements() {}

  /**
   * The rename the statement makes, if it is one. Comments must be gone already; white space
   * around it and the closing semicolon are allowed.
   */
  public static Optional<Rename> parse(String code) {
    Matcher table = TABLE.matcher(code);
    if (table.matches()) {
      return Optional.of(new TableRename(unquote(table.group(1)), unquote(table.group(2))));
    }
    Matcher column = COLUMN.matcher(code);
    if (column.matches()) {
      return Optional.of(new ColumnRename(unquote(column.group(1)), unquote(column.group(2)),
          unquote(column.group(3))));
    }
    return Optional.empty();
  }

  private static String unquote(String name) {
    char first = name.charAt(0);
    if (first == '`' || first == '"') {
      String quote = String.valueOf(first);
      return name.substring(1, name.length() - 1).replace(quote + quote, quote);
    }
    return first == '[' ? name.substring(1, name.length() - 1) : name;
  }
}
