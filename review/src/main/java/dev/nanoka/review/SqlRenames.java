package dev.nanoka.review;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.review.SqlStatements.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renames a migration's own {@code ALTER TABLE … RENAME} statements make, for snapshots
 * that do not record them in {@code _meta} (written by Nanoka before it recorded them, or by
 * hand). Only a fallback, used when the snapshots alone leave a vanished name unexplained: the
 * differ still decides what changed.
 */
final class SqlRenames {

  private static final String NAME = "(`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|\\[[^\\]]+]|[\\w$]+)";

  private static final Pattern RENAME_TABLE = Pattern.compile(
      "(?is)^ALTER\\s+TABLE\\s+" + NAME + "\\s+RENAME\\s+TO\\s+" + NAME + "\\s*;?\\s*$");

  private static final Pattern RENAME_COLUMN = Pattern.compile(
      "(?is)^ALTER\\s+TABLE\\s+" + NAME + "\\s+RENAME\\s+(?:COLUMN\\s+)?" + NAME
          + "\\s+TO\\s+" + NAME + "\\s*;?\\s*$");

  private SqlRenames() {}

  static RenameHints of(List<Statement> statements) {
    Map<String, String> tables = new HashMap<>(); // new → old
    Map<String, String> newName = new HashMap<>(); // old → new, for columns of renamed tables
    Map<String, Map<String, String>> columns = new HashMap<>();
    for (Statement statement : statements) {
      Matcher table = RENAME_TABLE.matcher(statement.code());
      if (table.matches()) {
        String from = unquote(table.group(1));
        String to = unquote(table.group(2));
        if (!from.startsWith("__new_")) { // a rebuild's own rename is no rename
          tables.put(to, from);
          newName.put(from.toLowerCase(java.util.Locale.ROOT), to);
        }
        continue;
      }
      Matcher column = RENAME_COLUMN.matcher(statement.code());
      if (column.matches()) {
        String owner = unquote(column.group(1));
        owner = newName.getOrDefault(owner.toLowerCase(java.util.Locale.ROOT), owner);
        columns.computeIfAbsent(owner, t -> new HashMap<>())
            .put(unquote(column.group(3)), unquote(column.group(2)));
      }
    }
    return new RenameHints(tables, columns, Set.of(), Map.of());
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
