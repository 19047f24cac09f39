package dev.nanoka.core.diff;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.SqlType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a schema change can do to rows already in the database, as a value: the differ decides
 * them once ({@link SchemaChange#dataLoss()}), and every reader takes them from there — the
 * processor's {@code [NanokaDataLoss]} warnings, the {@code -- Data loss:} comments of a
 * migration, and push, which counts the rows each one actually affects in the database before
 * deciding.
 *
 * <p>Names are those of the schema the change leads to; {@code source} names the column of the
 * table as it was (after declared renames) where the value comes from.
 */
public sealed interface DataLoss {

  /** The name {@link DuplicatesRejected} uses for a table's primary key. */
  String PRIMARY_KEY = "primary key";

  /** The table, as the new schema names it. */
  String table();

  /** What the change does to affected rows: most lose or change them. */
  default Effect effect() {
    return Effect.LOSES;
  }

  /** What the change can do, in words, without looking at any data. */
  String describe();

  /** Whether affected data is lost or changed, or makes the change impossible. */
  enum Effect {
    /** Values are lost or changed; the change runs. Push applies it only when accepted. */
    LOSES,
    /**
     * The change cannot run over the affected rows (SQLite refuses it), so a migration fails
     * and rolls back; push refuses it whatever is accepted.
     */
    FAILS
  }

  /** A dropped table, with its rows. */
  record TableDropped(String table) implements DataLoss {
    @Override
    public String describe() {
      return "drops table " + table + " and all its rows";
    }
  }

  /** A rebuild that keeps none of the table's columns: the new table starts empty. */
  record RowsDropped(String table) implements DataLoss {
    @Override
    public String describe() {
      return "keeps none of the columns of " + table + ", so all its rows are dropped";
    }
  }

  /** A dropped column, with its values. */
  record ColumnDropped(String table, String column) implements DataLoss {
    @Override
    public String describe() {
      return "drops column " + table + "." + column + " and its values";
    }
  }

  /**
   * A column whose values are copied into a column of another type. SQLite converts each value
   * by the new column's type affinity; a value is lost when the conversion does not keep it
   * exactly (converted back by the old type, it is not what it was), and it no longer reads as
   * the column's type when it stays what it was (text that is not a number, in a column that
   * became a number). {@link SqlTypeConversion} says which changes can do either.
   */
  record ValuesConverted(String table, String column, String source, SqlType from, SqlType to)
      implements DataLoss {
    public ValuesConverted {
      if (!SqlTypeConversion.canChangeValues(from, to)) {
        throw new IllegalArgumentException(from + " to " + to + " keeps every value");
      }
    }

    @Override
    public String describe() {
      return "changes " + table + "." + column + " from " + from.sql() + " to " + to.sql() + "; "
          + SqlTypeConversion.whatChanges(from, to);
    }
  }

  /**
   * A column of a dialect with its own types (PostgreSQL) changed to a type that does not hold
   * every value of the old one: {@code bigint} to {@code integer}, {@code text} to {@code uuid},
   * {@code double precision} to {@code real}. The database converts each value with a cast, and
   * {@link NativeTypeConversion} says what a value that does not fit does.
   */
  record ValuesNarrowed(String table, String column, String source, String from, String to)
      implements DataLoss {
    public ValuesNarrowed {
      if (NativeTypeConversion.holdsAll(from, to)) {
        throw new IllegalArgumentException(from + " to " + to + " keeps every value");
      }
    }

    @Override
    public Effect effect() {
      return NativeTypeConversion.rounds(from, to) ? Effect.LOSES : Effect.FAILS;
    }

    @Override
    public String describe() {
      return "changes " + table + "." + column + " from " + from + " to " + to + "; "
          + NativeTypeConversion.whatChanges(from, to);
    }
  }

  /** A column that becomes NOT NULL with a default: rows holding NULL there get the default. */
  record NullsFilled(String table, String column, String source, String defaultSql)
      implements DataLoss {
    @Override
    public String describe() {
      return "makes " + table + "." + column + " NOT NULL; rows holding NULL there get its"
          + " default " + defaultSql;
    }
  }

  /** A column that becomes NOT NULL without a default: a row holding NULL stops the change. */
  record NullsRejected(String table, String column, String source) implements DataLoss {
    @Override
    public Effect effect() {
      return Effect.FAILS;
    }

    @Override
    public String describe() {
      return "makes " + table + "." + column + " NOT NULL without a default; the migration fails"
          + " if a row holds NULL there";
    }
  }

  /** A new NOT NULL column without a default: any row stops the change. */
  record RequiredColumnAdded(String table, String column) implements DataLoss {
    @Override
    public Effect effect() {
      return Effect.FAILS;
    }

    @Override
    public String describe() {
      return "adds " + table + "." + column + " NOT NULL without a default; the migration fails"
          + " if " + table + " has rows (add a default, or edit the migration to fill it)";
    }
  }

  /**
   * A unique index or primary key that existing rows must now satisfy: a new one, or one whose
   * columns are new or change type (converted values can collide: {@code '1'} and {@code '01'}
   * both become {@code 1}). Two rows with the same values stop the change.
   *
   * @param constraint the index name, or {@code primary key}
   * @param values the constrained columns, with where each value comes from
   */
  record DuplicatesRejected(String table, String constraint, List<NewValue> values)
      implements DataLoss {
    public DuplicatesRejected {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a constraint needs a column");
      }
    }

    public boolean isPrimaryKey() {
      return constraint.equals(PRIMARY_KEY);
    }

    @Override
    public Effect effect() {
      return Effect.FAILS;
    }

    @Override
    public String describe() {
      String columns = String.join(", ", values.stream().map(v -> v.column().name()).toList());
      return (isPrimaryKey() ? "makes (" + columns + ") the primary key of " + table
          : "adds the unique index " + constraint + " on " + table + "(" + columns + ")")
          + " over existing rows; the migration fails if two rows have the same values there";
    }
  }

  /**
   * An enum column whose stored text may not be a constant of the enum: SQLite keeps any text,
   * but the models can no longer read it. SQL has no enums, so no schema change shows this; push
   * checks every enum column of an existing table ({@link SchemaDiffer#enumValues}).
   */
  record ValuesOutsideEnum(String table, String column, List<String> values) implements DataLoss {
    public ValuesOutsideEnum {
      values = List.copyOf(values);
    }

    @Override
    public String describe() {
      return "makes " + table + "." + column + " an enum of " + String.join(", ", values)
          + "; other values stay in the database but no longer read as the enum";
    }
  }

  /**
   * A column's value once the change is made: copied from {@code source} and converted to the
   * column's type, or, for a column new to the table, its default (NULL without one).
   */
  record NewValue(Column column, Optional<String> source) {
    public NewValue {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(source, "source");
    }
  }
}
