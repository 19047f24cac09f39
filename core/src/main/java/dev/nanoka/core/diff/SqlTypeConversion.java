package dev.nanoka.core.diff;

import dev.nanoka.core.schema.SqlType;
import java.util.Set;

/**
 * What SQLite does to a value copied into a column of another type (type affinity,
 * sqlite.org/datatype3.html), measured rather than assumed: {@code SqlTypeConversionTest} holds
 * these rules against SQLite itself for values of every storage class a column can hold.
 *
 * <p>A value is <em>changed</em> when converting it to the new type and back by the old type does
 * not give it back exactly (storage class and value), or when it read as the old type and does
 * not read as the new one (text that is not a number stays text in a column that became a
 * number).
 */
public final class SqlTypeConversion {

  private SqlTypeConversion() {}

  /**
   * Whether some value a column of type {@code from} can hold is changed by the conversion.
   * Only a change into BLOB (which takes every value as it is) and integer or real into NUMERIC
   * (which keeps every number) keep them all.
   */
  public static boolean canChangeValues(SqlType from, SqlType to) {
    if (from == to || to == SqlType.BLOB) {
      return false;
    }
    return !(to == SqlType.NUMERIC && (from == SqlType.INTEGER || from == SqlType.REAL));
  }

  /**
   * The storage classes ({@code typeof()}) in which a value reads as the type: a column of
   * SQLite's type takes other values too (a number column keeps text that is not a number).
   */
  public static Set<String> storageClasses(SqlType type) {
    return switch (type) {
      case INTEGER -> Set.of("integer");
      case REAL -> Set.of("real");
      case NUMERIC -> Set.of("integer", "real");
      case TEXT -> Set.of("text");
      case BLOB -> Set.of("integer", "real", "text", "blob");
    };
  }

  /** What the conversion can change, in words, for a warning. */
  static String whatChanges(SqlType from, SqlType to) {
    boolean fromText = from == SqlType.TEXT || from == SqlType.BLOB;
    return switch (to) {
      case TEXT -> from == SqlType.BLOB
          ? "numbers stored there become text and bytes no longer read as text"
          : "real numbers keep only 15 significant digits (0.30000000000000004 becomes '0.3')";
      case REAL -> fromText
          ? "text that reads as a number becomes a real number ('1.50' becomes 1.5), other text"
              + " no longer reads as a number, and integers beyond 2^53 lose their last digits"
          : "integers beyond 2^53 lose their last digits (9007199254740993 becomes"
              + " 9007199254740992.0)";
      case INTEGER, NUMERIC -> fromText
          ? "text that reads as a number becomes that number ('007' becomes 7), other text no"
              + " longer reads as a number"
          : "numbers with a fraction stay real numbers, which no longer read as integers";
      case BLOB -> "nothing";
    };
  }
}
