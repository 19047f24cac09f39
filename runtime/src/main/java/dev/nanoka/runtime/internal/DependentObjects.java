package dev.nanoka.runtime.internal;

import dev.nanoka.core.sql.SqliteDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The views and triggers of a database, which the models do not know: set aside while a push
 * changes the tables, then put back, and reported when the change breaks one.
 *
 * <p>They are set aside because they get in the way: a rebuilt table's DROP takes its triggers
 * with it, SQLite refuses to rename a table into place (or drop a column) while a view or trigger
 * refers to something missing, and the triggers of a table whose rows a rebuild sets aside and
 * restores would fire on those rows (an audit trigger would log rows that did not change).
 *
 * <p>SQLite checks the body of a view or trigger only when it compiles a statement that uses it,
 * so each object is checked by compiling (not running) such statements: {@code SELECT} from a
 * view, and for a trigger the INSERT, UPDATE and DELETE on its table, each compared with what
 * compiled before the trigger was put back. An object that compiled before the push and does not
 * after, or cannot be created again (its table is gone), is broken by the push. One that was
 * broken already is put back as it was.
 */
final class DependentObjects {

  /** A view or trigger as {@code sqlite_master} holds it. */
  private record SchemaObject(String type, String name, String table, String sql) {
    String describe() {
      return type + " " + name;
    }
  }

  private final Connection connection;
  private final List<SchemaObject> objects;
  /** Name → why it did not compile before the push; only for objects already broken. */
  private final Map<String, String> brokenBefore;

  private DependentObjects(Connection connection, List<SchemaObject> objects,
      Map<String, String> brokenBefore) {
    this.connection = connection;
    this.objects = objects;
    this.brokenBefore = brokenBefore;
  }

  /**
   * Nothing set aside: PostgreSQL alters tables in place, keeping its views and triggers (a
   * change a view depends on fails with the server's message, and the push rolls back).
   */
  static DependentObjects none(Connection connection) {
    return new DependentObjects(connection, List.of(), Map.of());
  }

  /**
   * Reads, checks and drops every view and trigger; {@link #restore} puts them back.
   *
   * @param schemaTriggers the update triggers that are part of the schema
   *     ({@link SqliteIntrospector#updateTriggerNames}): the push's own statements drop and
   *     create them, so they are not set aside
   */
  static DependentObjects setAside(Connection connection, Set<String> schemaTriggers)
      throws SQLException {
    List<SchemaObject> objects = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM"
            + " main.sqlite_master WHERE type IN ('view', 'trigger') AND sql IS NOT NULL"
            + " ORDER BY rowid")) {
      while (rows.next()) {
        if (rows.getString(1).equals("trigger") && schemaTriggers.contains(rows.getString(2))) {
          continue;
        }
        objects.add(new SchemaObject(rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getString(4)));
      }
    }
    DependentObjects dependents = new DependentObjects(connection, objects, Map.of());
    dependents.dropAll();
    Map<String, String> broken = dependents.createAndCheck(false);
    dependents.dropAll();
    return new DependentObjects(connection, objects, broken);
  }

  /** Whether there is anything to set aside. */
  boolean isEmpty() {
    return objects.isEmpty();
  }

  /**
   * Puts every object back. Returns one line per object the push broke; those are left out of
   * the database when {@code dropBroken}, and are there (broken) otherwise, for the caller to
   * roll back.
   */
  List<String> restore(boolean dropBroken) throws SQLException {
    Map<String, String> problems = createAndCheck(dropBroken);
    List<String> lines = new ArrayList<>();
    for (SchemaObject object : objects) {
      String problem = problems.get(object.name());
      if (problem != null && !brokenBefore.containsKey(object.name())) {
        lines.add("breaks " + object.describe() + " (" + problem + ")"
            + (dropBroken ? "; it is dropped" : ""));
      }
    }
    return lines;
  }

  /**
   * Creates the objects in their original order, each checked as it comes back. Returns name →
   * why it is broken.
   */
  private Map<String, String> createAndCheck(boolean dropBroken) throws SQLException {
    Map<String, String> problems = new LinkedHashMap<>();
    for (SchemaObject object : objects) {
      Map<String, Optional<String>> before = object.type().equals("trigger")
          ? compile(triggerStatements(object.table())) : Map.of();
      try {
        exec(object.sql());
      } catch (SQLException e) {
        problems.put(object.name(), "cannot be created again: " + e.getMessage());
        continue;
      }
      Optional<String> problem = object.type().equals("view")
          ? compile(List.of("SELECT * FROM " + q(object.name()))).values().iterator().next()
          : newFailure(before, compile(triggerStatements(object.table())));
      if (problem.isPresent()) {
        problems.put(object.name(), problem.get());
        if (dropBroken) {
          exec("DROP " + object.type().toUpperCase(Locale.ROOT) + " " + q(object.name()));
        }
      }
    }
    return problems;
  }

  /** The first statement that compiled without the trigger and does not with it. */
  private static Optional<String> newFailure(Map<String, Optional<String>> before,
      Map<String, Optional<String>> after) {
    for (Map.Entry<String, Optional<String>> entry : after.entrySet()) {
      if (entry.getValue().isPresent() && before.get(entry.getKey()).isEmpty()) {
        return entry.getValue();
      }
    }
    return Optional.empty();
  }

  /** Statements that fire every trigger of a table or view: compiling one compiles those. */
  private List<String> triggerStatements(String table) throws SQLException {
    List<String> assignments = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT name FROM pragma_table_info(" + literal(table) + ")")) {
      while (rows.next()) {
        assignments.add(q(rows.getString(1)) + " = " + q(rows.getString(1)));
      }
    }
    List<String> statements = new ArrayList<>();
    statements.add("INSERT INTO " + q(table) + " DEFAULT VALUES");
    if (!assignments.isEmpty()) {
      statements.add("UPDATE " + q(table) + " SET " + String.join(", ", assignments));
    }
    statements.add("DELETE FROM " + q(table));
    return statements;
  }

  /** Each statement → SQLite's message when it does not compile. Nothing is run. */
  private Map<String, Optional<String>> compile(List<String> statements) {
    Map<String, Optional<String>> results = new LinkedHashMap<>();
    for (String sql : statements) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("EXPLAIN " + sql);
        results.put(sql, Optional.empty());
      } catch (SQLException e) {
        results.put(sql, Optional.of(String.valueOf(e.getMessage())));
      }
    }
    return results;
  }

  private void dropAll() throws SQLException {
    // Triggers first: dropping a view takes its INSTEAD OF triggers with it.
    for (String type : List.of("trigger", "view")) {
      for (SchemaObject object : objects) {
        if (object.type().equals(type)) {
          exec("DROP " + type.toUpperCase(Locale.ROOT) + " IF EXISTS " + q(object.name()));
        }
      }
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String q(String name) {
    return SqliteDdl.quote(name);
  }
}
