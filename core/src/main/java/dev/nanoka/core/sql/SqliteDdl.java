package dev.nanoka.core.sql;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.schema.UpdateTrigger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Single SQLite statements, spelled as drizzle-kit spells them: backticked names, one tab of
 * indent, column clauses in the order {@code type PRIMARY KEY AUTOINCREMENT DEFAULT … NOT NULL}.
 */
public final class SqliteDdl {

  private SqliteDdl() {}

  /** {@code `name`}, with embedded backticks doubled. */
  public static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A CREATE TABLE statement for the table as it is. */
  public static String createTable(Table table) {
    return createTable(table, table.name());
  }

  /**
   * A CREATE TABLE statement under another name. Foreign keys of the table to itself point at
   * {@code name} too: when a rebuilt table is renamed into place SQLite rewrites them, and until
   * then dropping the old table cannot cascade into the new one.
   */
  public static String createTable(Table table, String name) {
    StringBuilder out = new StringBuilder("CREATE TABLE ").append(quote(name)).append(" (\n");
    out.append(table.columns().stream().map(c -> "\t" + columnDefinition(c))
        .collect(Collectors.joining(",\n")));
    if (!table.compositePrimaryKey().isEmpty()) {
      out.append(",\n\tPRIMARY KEY(").append(names(table.compositePrimaryKey(), ", ")).append(')');
    }
    for (ForeignKey key : table.foreignKeys()) {
      String parent = key.referencedTable().equalsIgnoreCase(table.name()) ? name
          : key.referencedTable();
      out.append(",\n\tFOREIGN KEY (").append(names(key.columns(), ","))
          .append(") REFERENCES ").append(quote(parent))
          .append('(').append(names(key.referencedColumns(), ",")).append(')')
          .append(" ON UPDATE ").append(key.onUpdate().sql())
          .append(" ON DELETE ").append(key.onDelete().sql());
    }
    return out.append("\n);\n").toString();
  }

  /** {@code `c` type PRIMARY KEY AUTOINCREMENT DEFAULT … NOT NULL}, clauses as they apply. */
  public static String columnDefinition(Column column) {
    StringBuilder out = new StringBuilder(quote(column.name())).append(' ')
        .append(column.type().sqlType().sql());
    if (column.primaryKey()) {
      out.append(" PRIMARY KEY");
    }
    if (column.autoIncrement()) {
      out.append(" AUTOINCREMENT");
    }
    column.defaultValue().flatMap(d -> d.sql()).ifPresent(d -> out.append(" DEFAULT ").append(d));
    if (column.notNull()) {
      out.append(" NOT NULL");
    }
    return out.toString();
  }

  public static String createIndex(String table, TableIndex index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name())
        + " ON " + quote(table) + " (" + names(index.columns(), ",") + ");";
  }

  public static String dropIndex(String index) {
    return "DROP INDEX " + quote(index) + ";";
  }

  public static String dropTable(String table) {
    return "DROP TABLE " + quote(table) + ";";
  }

  public static String renameTable(String from, String to) {
    return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to) + ";";
  }

  /**
   * drizzle-kit 0.31 double-quotes the column names here (only here). Safe in this position:
   * SQLite reads them as names and fails on an unknown one, never as string literals.
   */
  public static String renameColumn(String table, String from, String to) {
    return "ALTER TABLE " + quote(table) + " RENAME COLUMN " + doubleQuote(from) + " TO "
        + doubleQuote(to) + ";";
  }

  private static String doubleQuote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  public static String addColumn(String table, Column column) {
    return "ALTER TABLE " + quote(table) + " ADD " + columnDefinition(column) + ";";
  }

  public static String dropColumn(String table, String column) {
    return "ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column) + ";";
  }

  /**
   * The trigger behind a column's {@code onRowUpdate}:
   *
   * <pre>
   * CREATE TRIGGER `posts_updatedAt_on_update` AFTER UPDATE ON `posts` FOR EACH ROW
   * WHEN NEW.`updatedAt` IS OLD.`updatedAt` AND OLD.`updatedAt` IS NOT (unixepoch())
   * BEGIN UPDATE `posts` SET `updatedAt` = (unixepoch()) WHERE rowid = NEW.rowid; END;
   * </pre>
   *
   * <ul>
   *   <li>{@code NEW.c IS OLD.c}: only when the UPDATE left the column alone, so a client that
   *       sets it (Drizzle's {@code $onUpdate}, or a value written on purpose) keeps its value.
   *       {@code IS}, not {@code =}, so a NULL column is stamped too.
   *   <li>{@code OLD.c IS NOT now}: nothing to do when the stamp is already the current time, and
   *       the trigger's own UPDATE can never fire it again, even with
   *       {@code PRAGMA recursive_triggers} on (off by default in SQLite and on D1).
   *   <li>{@code rowid}: the one key every table Drizzle creates has, whatever its primary key;
   *       an UPDATE of the key itself still finds the row through {@code NEW}.
   *   <li>The statement is its own line: SQLite stores it as written, which the runtime compares
   *       to recognise it. One line and one semicolon inside, so that splitters that look for
   *       {@code BEGIN … END} (wrangler's) and for {@code --> statement-breakpoint} (Drizzle's,
   *       ours) both keep it whole.
   * </ul>
   */
  public static String createTrigger(UpdateTrigger trigger) {
    return triggerDefinition(trigger) + ";";
  }

  /** {@link #createTrigger} as SQLite stores it in {@code sqlite_schema.sql}: no last semicolon. */
  public static String triggerDefinition(UpdateTrigger trigger) {
    String column = quote(trigger.column());
    String now = trigger.value().sql();
    return "CREATE TRIGGER " + quote(trigger.name()) + " AFTER UPDATE ON "
        + quote(trigger.table()) + " FOR EACH ROW WHEN NEW." + column + " IS OLD." + column
        + " AND OLD." + column + " IS NOT " + now + " BEGIN UPDATE " + quote(trigger.table())
        + " SET " + column + " = " + now + " WHERE " + trigger.rowid() + " = NEW."
        + trigger.rowid() + "; END";
  }

  public static String dropTrigger(UpdateTrigger trigger) {
    return "DROP TRIGGER IF EXISTS " + quote(trigger.name()) + ";";
  }

  /** {@code INSERT INTO target(cols) SELECT exprs FROM source;} */
  public static String copyRows(
      String target, List<String> targetColumns, String source, List<String> sourceExpressions) {
    return "INSERT INTO " + quote(target) + "(" + names(targetColumns, ", ") + ") SELECT "
        + String.join(", ", sourceExpressions) + " FROM " + quote(source) + ";";
  }

  static String names(List<String> names, String separator) {
    return names.stream().map(SqliteDdl::quote).collect(Collectors.joining(separator));
  }
}
