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
}
