package dev.nanoka.core.schema;

import java.util.Locale;

/**
 * The value a column takes when its row is updated without setting it ({@code @Field(onRowUpdate
 * = NOW)}): an SQL expression evaluated by an {@code AFTER UPDATE} trigger, so that Java code,
 * {@code wrangler d1 execute} and hand-written SQL get it as well as Drizzle's client.
 *
 * @param sql the expression, parenthesised as a column default is, e.g. {@code (unixepoch())}
 */
public record OnRowUpdate(String sql) {

  /** Seconds since the epoch: the text {@code defaultFunction = NOW} uses in seconds mode. */
  public static final String NOW_SECONDS = "(unixepoch())";

  /** Milliseconds since the epoch, with sub-second precision (SQLite 3.42+, as on D1). */
  public static final String NOW_MILLIS = "(cast(unixepoch('subsecond') * 1000 as integer))";

  public OnRowUpdate {
    if (sql.isBlank() || sql.contains(";")) {
      // the trigger body is one statement between BEGIN and END
      throw new IllegalArgumentException("not an SQL expression for a trigger: " + sql);
    }
  }

  /** The current time in the unit the column stores. */
  public static OnRowUpdate now(LogicalType.Timestamp.TimeUnit unit) {
    return new OnRowUpdate(unit == LogicalType.Timestamp.TimeUnit.SECONDS ? NOW_SECONDS
        : NOW_MILLIS);
  }

  /** Whether this is the current time, as written by {@link #now}, in either unit. */
  public boolean isNow() {
    String text = sql.toLowerCase(Locale.ROOT);
    return text.equals(NOW_SECONDS) || text.equals(NOW_MILLIS);
  }
}
