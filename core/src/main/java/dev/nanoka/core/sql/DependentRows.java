package dev.nanoka.core.sql;

import static dev.nanoka.core.sql.SqliteDdl.quote;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of one table that references a rebuilt table (a dependent): set aside in
 * {@code __nanoka_keep_<table>} before the old table is dropped, deleted, and put back after.
 * Needed only where foreign keys are enforced, where dropping the old table would delete them or
 * fire their ON DELETE actions; elsewhere no row is copied and the statements do nothing.
 *
 * <p>Only the set-aside asks whether foreign keys are enforced; the delete and the put-back touch
 * exactly the rows that were set aside. The keep table numbers its rows 1 to n and records each
 * one's row id in the dependent table, so the delete and the put-back go in slices of it
 * ({@link RowBatches}) without reading the table they write to.
 *
 * <p>When all of SQLite's names for the row id ({@code rowid}, {@code _rowid_}, {@code oid}) are
 * column names, the rows cannot be addressed: they are then set aside, deleted and put back
 * whatever the foreign keys, in one statement each.
 */
final class DependentRows {

  private final Table table;
  private final String keep;
  private final List<String> columns;
  private final Optional<String> rowid;
  /** The keep table's column holding the row's row id in {@link #table}. */
  private final String source;
  private final int statements;

  DependentRows(Table table) {
    this.table = table;
    this.keep = TableRebuild.keepName(table.name());
    this.columns = table.columns().stream().map(Column::name).toList();
    this.rowid = RowBatches.rowid(table);
    this.source = quote(RowBatches.freeColumnName(table, "__nanoka_rowid"));
    this.statements = RowBatches.statementsFor(table);
  }

  /** Whether the rows move in several statements, each taking a share of them. */
  boolean batched() {
    return rowid.isPresent() && statements > 1;
  }

  /** Copies the rows into the keep table where foreign keys are enforced. */
  List<String> setAside() {
    String names = SqliteDdl.names(columns, ", ");
    String from = " FROM " + quote(table.name());
    if (rowid.isEmpty()) {
      return List.of("CREATE TABLE " + quote(keep) + " AS SELECT " + names + from + ";");
    }
    String id = rowid.get();
    String create = "CREATE TABLE " + quote(keep) + " AS SELECT " + id + " AS " + source + ", "
        + names + from;
    if (statements == 1) {
      return List.of(create + " LIMIT " + RowBatches.ifForeignKeys("-1", "0") + ";");
    }
    String batch = " ORDER BY " + id + " LIMIT "
        + RowBatches.ifForeignKeys(RowBatches.share(table.name(), statements), "0") + ";";
    List<String> out = new ArrayList<>();
    out.add(create + batch);
    for (int i = 1; i < statements; i++) {
      out.add("INSERT INTO " + quote(keep) + "(" + source + ", " + names + ") SELECT " + id
          + ", " + names + from + " WHERE " + id + " > (SELECT " + source + " FROM "
          + quote(keep) + " ORDER BY " + id + " DESC LIMIT 1)" + batch);
    }
    return out;
  }

  /**
   * Deletes the rows that were set aside (children first, so that nothing cascades into rows not
   * yet deleted). A table referencing itself first points each such reference at its own row, so
   * that deleting the rows in row id order cannot fail or write NULL over a NOT NULL column.
   */
  List<String> delete() {
    List<String> out = new ArrayList<>();
    if (rowid.isEmpty()) {
      TableRebuild.releaseSelfReferences(table, Optional.empty()).forEach(out::add);
      out.add("DELETE FROM " + quote(table.name()) + ";");
      return out;
    }
    String id = rowid.get();
    String saved = "(SELECT " + source + " FROM " + quote(keep);
    TableRebuild.releaseSelfReferences(table, Optional.of(id + " IN " + saved + ")"))
        .forEach(out::add);
    for (int i = 0; i < statements; i++) {
      out.add("DELETE FROM " + quote(table.name()) + " WHERE " + id + " IN " + saved
          + RowBatches.slice(id, keep, i, statements).map(s -> " WHERE " + s).orElse("")
          + ");");
    }
    return out;
  }

  /** Puts the rows back (parents first) and drops the keep table. */
  List<String> restore() {
    String names = SqliteDdl.names(columns, ", ");
    List<String> out = new ArrayList<>();
    String insert = "INSERT INTO " + quote(table.name()) + "(" + names + ") SELECT " + names
        + " FROM " + quote(keep);
    if (rowid.isEmpty()) {
      out.add(insert + ";");
    } else {
      for (int i = 0; i < statements; i++) {
        out.add(insert + RowBatches.slice(rowid.get(), keep, i, statements)
            .map(s -> " WHERE " + s).orElse("") + ";");
      }
    }
    out.add(SqliteDdl.dropTable(keep));
    return out;
  }
}
