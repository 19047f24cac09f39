package dev.nanoka;

/** What a foreign key does when its referenced row is deleted or its key updated. */
public enum ReferentialAction {
  NO_ACTION("no action"),
  RESTRICT("restrict"),
  CASCADE("cascade"),
  SET_NULL("set null"),
  SET_DEFAULT("set default");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** The action as SQL and Drizzle spell it, e.g. {@code "set null"}. */
  public String sql() {
    return sql;
  }
}
