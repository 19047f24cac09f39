package dev.nanoka.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * What a column holds. The logical type fixes the SQL type and tells code generators how values
 * look to the application (a boolean stored as an integer, an enum stored as text).
 */
public sealed interface LogicalType {

  /** The SQL type the column is declared with. */
  SqlType sqlType();

  /** Plain text. */
  record Text() implements LogicalType {
    @Override
    public SqlType sqlType() {
      return SqlType.TEXT;
    }
  }

  /** Text restricted to a fixed set of values, in declaration order. */
  record EnumText(List<String> values) implements LogicalType {
    public EnumText {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("an enum needs at least one value");
      }
    }

    @Override
    public SqlType sqlType() {
      return SqlType.TEXT;
    }
  }

  /**
   * JSON stored as text.
   *
   * @param tsType the TypeScript type of the decoded value, e.g. {@code string[]} or {@code Address}
   */
  record Json(String tsType) implements LogicalType {
    public Json {
      Objects.requireNonNull(tsType, "tsType");
    }

    @Override
    public SqlType sqlType() {
      return SqlType.TEXT;
    }
  }

  /** A whole number. */
  record Int() implements LogicalType {
    @Override
    public SqlType sqlType() {
      return SqlType.INTEGER;
    }
  }

  /** A boolean stored as 0 or 1. */
  record Bool() implements LogicalType {
    @Override
    public SqlType sqlType() {
      return SqlType.INTEGER;
    }
  }

  /** An instant stored as a Unix time in whole seconds or milliseconds. */
  record Timestamp(TimeUnit unit) implements LogicalType {
    /** The unit of a stored timestamp. */
    public enum TimeUnit {
      SECONDS,
      MILLISECONDS
    }

    public Timestamp {
      Objects.requireNonNull(unit, "unit");
    }

    @Override
    public SqlType sqlType() {
      return SqlType.INTEGER;
    }
  }

  /** A floating-point number. */
  record Real() implements LogicalType {
    @Override
    public SqlType sqlType() {
      return SqlType.REAL;
    }
  }

  /** A number with SQLite's numeric affinity. */
  record Numeric() implements LogicalType {
    @Override
    public SqlType sqlType() {
      return SqlType.NUMERIC;
    }
  }

  /** Bytes. */
  record Blob() implements LogicalType {
    @Override
    public SqlType sqlType() {
      return SqlType.BLOB;
    }
  }

  /**
   * A column of a dialect that tells more types apart than SQLite's affinities: its type as that
   * dialect spells it ({@code bigint}, {@code uuid}, {@code numeric(10, 2)},
   * {@code timestamp with time zone}, a {@code pgEnum}'s name), and what it means to the
   * application. SQLite schemas never hold one: the SQLite dialect reads every column into the
   * other variants, so SQLite snapshots, goldens and databases read as they always did.
   *
   * <p>The differ compares {@link #sql()} besides the affinity, so {@code integer} →
   * {@code bigint} is a change where SQLite sees none.
   *
   * @param sql the type as the dialect's DDL and drizzle-kit's snapshot spell it
   * @param meaning the application's view: {@link EnumText} for an enum type named {@code sql},
   *     {@link Json} for {@code jsonb}, {@link Timestamp} for a timestamp…
   */
  record Native(String sql, LogicalType meaning) implements LogicalType {
    public Native {
      if (sql == null || sql.isBlank()) {
        throw new IllegalArgumentException("a native type needs its SQL spelling");
      }
      Objects.requireNonNull(meaning, "meaning");
      if (meaning instanceof Native) {
        throw new IllegalArgumentException("a native type means a portable one: " + sql);
      }
    }

    @Override
    public SqlType sqlType() {
      return meaning.sqlType();
    }
  }
}
