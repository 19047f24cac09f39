package dev.nanoka.runtime.postgres;

/** Double-quoted PostgreSQL names for test SQL. */
final class PostgresSchemasQuote {

  private PostgresSchemasQuote() {}

  static String q(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
