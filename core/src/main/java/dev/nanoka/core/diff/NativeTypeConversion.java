package dev.nanoka.core.diff;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL does to a value when a column's type changes ({@code ALTER COLUMN … SET DATA
 * TYPE t USING c::t}): the facts {@link SqlTypeConversion} holds for SQLite, for the types
 * {@link dev.nanoka.core.schema.LogicalType.Native} columns have. A cast that does not fit
 * fails the statement ({@code integer out of range}, {@code numeric field overflow},
 * {@code invalid input syntax for type uuid}), so the migration rolls back; a cast that rounds
 * ({@code double precision} to {@code real}, a smaller numeric scale) or cuts (an explicit cast
 * to a shorter {@code varchar}) changes the value and goes on.
 */
public final class NativeTypeConversion {

  /** Whole-number types from narrow to wide; a serial type holds what its integer holds. */
  private static final List<String> WHOLE = List.of("smallint", "integer", "bigint");

  /** The decimal digits each of {@link #WHOLE} can need. */
  private static final List<Integer> WHOLE_DIGITS = List.of(5, 10, 19);

  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+), ?(\\d+)\\)");

  private NativeTypeConversion() {}

  /** Whether every value a column of type {@code from} holds converts to {@code to} unchanged. */
  public static boolean holdsAll(String from, String to) {
    String a = canonical(from);
    String b = canonical(to);
    if (a.equals(b) || b.equals("text") || b.equals("numeric") && isNumber(a)
        && !a.equals("real") && !a.equals("double precision")) {
      return true; // every type has a text form; unbounded numeric holds every exact number
    }
    if (WHOLE.contains(a) && WHOLE.contains(b)) {
      return WHOLE.indexOf(a) <= WHOLE.indexOf(b);
    }
    OptionalInt length = length(b);
    if (length.isPresent()) {
      OptionalInt was = length(a);
      return was.isPresent() ? was.getAsInt() <= length.getAsInt()
          : a.equals("uuid") && length.getAsInt() >= 36;
    }
    Matcher target = NUMERIC.matcher(b);
    if (target.matches()) {
      int whole = Integer.parseInt(target.group(1)) - Integer.parseInt(target.group(2));
      Matcher source = NUMERIC.matcher(a);
      if (source.matches()) {
        return Integer.parseInt(source.group(2)) <= Integer.parseInt(target.group(2))
            && Integer.parseInt(source.group(1)) - Integer.parseInt(source.group(2)) <= whole;
      }
      return WHOLE.contains(a) && WHOLE_DIGITS.get(WHOLE.indexOf(a)) <= whole;
    }
    return a.equals("real") && b.equals("double precision");
  }

  /** Whether the conversion changes values that do not fit instead of failing on them. */
  static boolean rounds(String from, String to) {
    String a = canonical(from);
    String b = canonical(to);
    if (length(b).isPresent()) {
      return true; // an explicit cast to varchar(n) cuts longer text
    }
    boolean fractional = a.equals("real") || a.equals("double precision") || a.startsWith("numeric");
    return a.equals("double precision") && b.equals("real")
        || a.equals("integer") && b.equals("boolean")
        || fractional && NUMERIC.matcher(b).matches() && !overflows(a, b);
  }

  static String whatChanges(String from, String to) {
    String b = canonical(to);
    if (length(b).isPresent()) {
      return "longer text is cut to " + length(b).getAsInt() + " characters";
    }
    if (rounds(from, to)) {
      return "values are rounded to what " + to + " holds";
    }
    Matcher numeric = NUMERIC.matcher(b);
    if (numeric.matches()) {
      int scale = Integer.parseInt(numeric.group(2));
      return "values are rounded to " + scale + " decimal places, and the migration fails if a"
          + " row holds one with more than " + (Integer.parseInt(numeric.group(1)) - scale)
          + " digits before the point";
    }
    return "the migration fails if a row holds a value " + to + " cannot take";
  }

  /** Whether a numeric target has fewer whole digits than the source can have. */
  private static boolean overflows(String a, String b) {
    Matcher target = NUMERIC.matcher(b);
    Matcher source = NUMERIC.matcher(a);
    if (!target.matches()) {
      return false;
    }
    int whole = Integer.parseInt(target.group(1)) - Integer.parseInt(target.group(2));
    return !source.matches()
        || Integer.parseInt(source.group(1)) - Integer.parseInt(source.group(2)) > whole;
  }

  private static boolean isNumber(String type) {
    return WHOLE.contains(type) || type.startsWith("numeric") || type.equals("real")
        || type.equals("double precision");
  }

  private static OptionalInt length(String type) {
    Matcher m = VARCHAR.matcher(type);
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  private static String canonical(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "smallserial" -> "smallint";
      case "serial" -> "integer";
      case "bigserial" -> "bigint";
      default -> lower;
    };
  }
}
