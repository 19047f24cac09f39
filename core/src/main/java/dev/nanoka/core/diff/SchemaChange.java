package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.schema.UpdateTrigger;
import java.util.List;
import java.util.Map;

/**
 * One logical change between two schemas. The SQL renderer decides the statements and their
 * order; {@link #dataLoss()} says what the change can do to rows already there, for warnings,
 * SQL comments and the push guard.
 */
public sealed interface SchemaChange {

  /** What this change can do to existing rows; empty when it keeps every value and row. */
  List<DataLoss> dataLoss();

  /** A new table (its indexes come as separate {@link CreateIndex} changes). */
  record CreateTable(Table table) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of();
    }
  }

  /** A table that is gone, with its rows. */
  record DropTable(Table table) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of(new DataLoss.TableDropped(table.name()));
    }
  }

  /** {@code ALTER TABLE from RENAME TO to}; SQLite carries indexes and foreign keys along. */
  record RenameTable(String from, String to) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of();
    }
  }

  /** {@code ALTER TABLE t RENAME COLUMN from TO to}. */
  record RenameColumn(String table, String from, String to) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of();
    }
  }

  /** {@code ALTER TABLE t ADD column}: only for columns SQLite can add in place. */
  record AddColumn(String table, Column column) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of();
    }
  }

  /** {@code ALTER TABLE t DROP COLUMN c}: only for columns SQLite can drop in place. */
  record DropColumn(String table, Column column) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of(new DataLoss.ColumnDropped(table, column.name()));
    }
  }

  /**
   * A new index, or a changed one re-created.
   *
   * @param losses for a unique index over rows already there: they must not collide
   */
  record CreateIndex(String table, TableIndex index, List<DataLoss> losses)
      implements SchemaChange {
    public CreateIndex {
      losses = List.copyOf(losses);
    }

    /** An index no existing row can fail: not unique, or on a new table. */
    public CreateIndex(String table, TableIndex index) {
      this(table, index, List.of());
    }

    @Override
    public List<DataLoss> dataLoss() {
      return losses;
    }
  }

  /** An index that is gone or changed. */
  record DropIndex(String table, TableIndex index) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of();
    }
  }

  /**
   * A change SQLite cannot make with ALTER TABLE (a column's type, nullability, default, key,
   * foreign keys): the table is re-created as {@code to} and its rows copied.
   *
   * @param from the table as it is just before the rebuild (after renames)
   * @param to the table as it must become
   * @param copied columns whose values are copied: column of {@code to} → column of {@code from};
   *     columns new in {@code to} are not copied and take their default
   * @param losses what the rebuild can do to the rows (dropped columns, converted values, new NOT
   *     NULL constraints and keys that existing rows may not satisfy)
   */
  record RebuildTable(Table from, Table to, Map<String, String> copied, List<DataLoss> losses)
      implements SchemaChange {
    public RebuildTable {
      copied = Map.copyOf(copied);
      losses = List.copyOf(losses);
    }

    @Override
    public List<DataLoss> dataLoss() {
      return losses;
    }
  }

  /**
   * A new {@code AFTER UPDATE} trigger for a column's {@code onRowUpdate}, or one re-created
   * after its table or column was renamed or its table rebuilt. Created after every other change.
   */
  record CreateTrigger(UpdateTrigger trigger) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of();
    }
  }

  /**
   * A trigger that is gone or changes, dropped before every other change: SQLite refuses to drop
   * or rename a column a trigger names, and a rebuild's own UPDATEs must not fire it.
   */
  record DropTrigger(UpdateTrigger trigger) implements SchemaChange {
    @Override
    public List<DataLoss> dataLoss() {
      return List.of();
    }
  }
}
