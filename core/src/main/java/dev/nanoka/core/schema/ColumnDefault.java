package dev.nanoka.core.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A column default. Literals keep their value (not SQL text) so each renderer spells them its
 * own way; {@link ClientFunction} has no SQL form at all.
 */
public sealed interface ColumnDefault {

  /**
   * The default as SQL text, e.g. {@code 'draft'}, {@code 0}, {@code (unixepoch())}; empty when
   * the database knows no default and the client supplies the value.
   */
  Optional<String> sql();

  /** A text value. */
  record Text(String value) implements ColumnDefault {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<String> sql() {
      return Optional.of("'" + value.replace("'", "''") + "'");
    }
  }

  /**
   * A number, as a canonical literal: an optional minus sign, digits, at most one decimal point
   * (e.g. {@code 42}, {@code -1.5}).
   */
  record Number(String literal) implements ColumnDefault {
    public Number {
      if (!literal.matches("-?[0-9]+(\\.[0-9]+)?")) {
        throw new IllegalArgumentException("not a canonical number literal: " + literal);
      }
    }

    @Override
    public Optional<String> sql() {
      return Optional.of(literal);
    }
  }

  /** A boolean; SQL spells it {@code true}/{@code false} as drizzle-kit does. */
  record Bool(boolean value) implements ColumnDefault {
    @Override
    public Optional<String> sql() {
      return Optional.of(Boolean.toString(value));
    }
  }

  /**
   * SQL text used as is: an expression evaluated at insert time, parenthesised as SQLite requires
   * (e.g. {@code (unixepoch())}), or a default read back from a snapshot or a database whose
   * Java-side meaning is unknown.
   */
  record Expression(String sqlText) implements ColumnDefault {
    public Expression {
      if (sqlText.isBlank()) {
        throw new IllegalArgumentException("an SQL default must not be blank");
      }
    }

    /** Whether SQLite evaluates it per row (parenthesised or CURRENT_*), not a constant. */
    public boolean isExpression() {
      String upper = sqlText.strip().toUpperCase(java.util.Locale.ROOT);
      return upper.startsWith("(") || upper.startsWith("CURRENT_");
    }

    @Override
    public Optional<String> sql() {
      return Optional.of(sqlText);
    }
  }

  /**
   * A value the client computes on insert; the database column has no default.
   *
   * @param typescript the TypeScript expression, e.g. {@code crypto.randomUUID()}
   */
  record ClientFunction(String typescript) implements ColumnDefault {
    public ClientFunction {
      Objects.requireNonNull(typescript, "typescript");
    }

    @Override
    public Optional<String> sql() {
      return Optional.empty();
    }
  }
}
