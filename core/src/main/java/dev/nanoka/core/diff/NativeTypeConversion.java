package dev.nanoka.core.diff;

import java.util.List;
import java.util.Locale;

/**
 * What PostgreSQL does to a value when a column's type changes ({@code ALTER COLUMN … SET DATA
 * TYPE t USING c::t}): the facts {@link SqlTypeConversion} holds for SQLite, for the types
 * {@link dev.nanoka.core.schema.LogicalType.Native} columns have. A cast that does not fit
 * fails the statement ({@code integer out of range}, {@code invalid input syntax for type
 * uuid}), so the migration rolls back; a cast that rounds ({@code double precision} to
 * {@code real}) changes the value and goes on.
 */
public final class NativeTypeConversion {

  /** Whole-number types from narrow to wide; a serial type holds what its integer holds. */
  private static final List<String> WHOLE = List.of("smallint", "integer", "bigint");

  private NativeTypeConversion() {}

  /** Whether every value a column of type {@code from} holds converts to {@code to} unchanged. */
  public static boolean holdsAll(String from, String to) {
    String a = canonical(from);
    String b = canonical(to);
    if (a.equals(b) || b.equals("text")) {
      return true; // every type has a text form
    }
    if (WHOLE.contains(a) && WHOLE.contains(b)) {
      return WHOLE.indexOf(a) <= WHOLE.indexOf(b);
    }
    if (WHOLE.contains(a) && b.equals("numeric")) {
      return true;
    }
    return a.equals("real") && b.equals("double precision");
  }

  /** Whether the conversion changes values that do not fit instead of failing on them. */
  static boolean rounds(String from, String to) {
    String a = canonical(from);
    String b = canonical(to);
    return a.equals("double precision") && b.equals("real")
        || (a.equals("numeric") || a.equals("real") || a.equals("double precision"))
            && WHOLE.contains(b)
        || a.equals("integer") && b.equals("boolean");
  }

  static String whatChanges(String from, String to) {
    if (rounds(from, to)) {
      return "values are rounded to what " + to + " holds";
    }
    return "the migration fails if a row holds a value " + to + " cannot take";
  }

  private static String canonical(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "smallserial" -> "smallint";
      case "serial" -> "integer";
      case "bigserial" -> "bigint";
      default -> lower.startsWith("numeric") ? "numeric" : lower;
    };
  }
}
