package dev.nanoka.core.sql;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import java.util.List;
import java.util.Optional;

/**
 * The SQL pieces with which a rebuild moves rows in a fixed number of statements, each taking a
 * bounded share of a table, and only where that is needed.
 *
 * <p>Where foreign keys are enforced (always on D1, which ignores {@code PRAGMA foreign_keys=OFF}
 * in a migration) a rebuild must set the rows of dependent tables aside, and D1 limits a query to
 * 30 seconds; where they are not (sqlite3, most tools, Nanoka's runtime) nothing but the rebuilt
 * table needs copying. One file serves both: the statements ask SQLite whether foreign keys are
 * enforced ({@code pragma_foreign_keys}, which D1 allows), and move no row where the answer makes
 * the move needless.
 *
 * <p>A file cannot loop, so a table's rows move in {@link #STATEMENTS} statements, each taking
 * {@code rows / STATEMENTS + 1} of them: bounded by the table's size, not by a fixed count. A
 * table referencing itself moves in one statement: a batch of its rows may reference a row of a
 * later batch, which breaks the foreign key at the end of the statement.
 */
final class RowBatches {

  /** How many statements move one table's rows in one step (set aside, delete, put back). */
  static final int STATEMENTS = 16;

  /** 1 where foreign keys are enforced, else 0. */
  static final String FOREIGN_KEYS = "(SELECT foreign_keys FROM pragma_foreign_keys)";

  /** SQLite's names for a rowid table's row id; a column of that name hides it. */
  private static final List<String> ROWID_NAMES = List.of("rowid", "_rowid_", "oid");

  private RowBatches() {}

  /** {@code then} where foreign keys are enforced, {@code otherwise} elsewhere. */
  static String ifForeignKeys(String then, String otherwise) {
    // iif rather than CASE: wrangler splits files on ';' and takes CASE … END for a block, and
    // its END is only recognised before whitespace or ';'.
    return "iif(" + FOREIGN_KEYS + ", " + then + ", " + otherwise + ")";
  }

  /** How many rows one of the statements takes from {@code table}: a share of its rows. */
  static String share(String table, int statements) {
    return "(SELECT count(*) FROM " + SqliteDdl.quote(table) + ") / " + statements + " + 1";
  }

  /**
   * A condition on {@code rowid} that picks the {@code index}-th of {@code statements} slices of
   * a table whose rows are numbered 1 to n without gaps (a table that was only appended to). The
   * bounds are read from that table ({@code rowid} must name its row id there); empty, it gives
   * no row.
   */
  static Optional<String> slice(String rowid, String table, int index, int statements) {
    if (statements == 1) {
      return Optional.empty();
    }
    String rows = "(SELECT max(" + rowid + ") FROM " + SqliteDdl.quote(table) + ")";
    String lower = rowid + " > " + index + " * " + rows + " / " + statements;
    String upper = rowid + " <= " + (index + 1) + " * " + rows + " / " + statements;
    if (index == 0) {
      return Optional.of(upper);
    }
    return Optional.of(index == statements - 1 ? lower : lower + " AND " + upper);
  }

  /** A name of the row id that no column of these tables hides, if there is one. */
  static Optional<String> rowid(Table... tables) {
    return ROWID_NAMES.stream()
        .filter(name -> List.of(tables).stream().allMatch(t -> t.column(name).isEmpty()))
        .findFirst();
  }

  /** A column name none of the table's columns has, starting with {@code base}. */
  static String freeColumnName(Table table, String base) {
    String name = base;
    while (table.column(name).isPresent()) {
      name += "_";
    }
    return name;
  }

  /** How many statements move the rows of this table: one if it references itself. */
  static int statementsFor(Table table) {
    return referencesItself(table) ? 1 : STATEMENTS;
  }

  static boolean referencesItself(Table table) {
    return table.foreignKeys().stream()
        .map(ForeignKey::referencedTable)
        .anyMatch(t -> t.equalsIgnoreCase(table.name()));
  }

  /**
   * Whether the column is the table's row id: SQLite makes a single-column primary key of type
   * exactly INTEGER an alias of it. Only for tables this migration creates, whose SQL is ours.
   */
  static boolean isRowidAlias(Table table, Column column) {
    List<String> key = table.primaryKey();
    return key.size() == 1 && key.get(0).equalsIgnoreCase(column.name())
        && column.type().sqlType() == dev.nanoka.core.schema.SqlType.INTEGER;
  }
}
