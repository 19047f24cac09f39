package dev.nanoka;

/**
 * Column type overrides for {@link Field#type()}. Only combinations that keep values intact are
 * accepted; anything else is a compile error that lists what fits.
 *
 * <table>
 *   <caption>Java types and the overrides they accept (first = default)</caption>
 *   <tr><th>Java type</th><th>types</th></tr>
 *   <tr><td>{@code String}, {@code UUID}, enums</td><td>TEXT</td></tr>
 *   <tr><td>{@code int}, {@code long}, {@code short}, {@code byte} and boxes</td><td>INTEGER</td></tr>
 *   <tr><td>{@code double}, {@code float} and boxes</td><td>REAL</td></tr>
 *   <tr><td>{@code boolean}, {@code Boolean}</td><td>INTEGER (mode boolean)</td></tr>
 *   <tr><td>{@code Instant}</td><td>TIMESTAMP_MS, TIMESTAMP</td></tr>
 *   <tr><td>{@code BigDecimal}</td><td>TEXT, NUMERIC</td></tr>
 *   <tr><td>{@code byte[]}</td><td>BLOB</td></tr>
 * </table>
 */
public enum ColumnType {
  /** Chosen from the Java type. */
  AUTO,
  /** {@code text}. */
  TEXT,
  /** {@code integer}. */
  INTEGER,
  /** {@code real}. */
  REAL,
  /**
   * {@code numeric}: SQLite keeps numbers as INTEGER or REAL, so {@code 1.10} reads back as
   * {@code 1.1} and only 15 significant digits survive. Why {@code BigDecimal} defaults to TEXT.
   */
  NUMERIC,
  /** {@code blob}. */
  BLOB,
  /** {@code integer} holding Unix seconds: {@code integer('c', { mode: 'timestamp' })}. */
  TIMESTAMP,
  /** {@code integer} holding Unix milliseconds: {@code integer('c', { mode: 'timestamp_ms' })}. */
  TIMESTAMP_MS
}
