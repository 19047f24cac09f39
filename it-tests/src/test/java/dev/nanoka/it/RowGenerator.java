package dev.nanoka.it;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes INSERT statements that add rows to every table of a database as it is now: children
 * point at parent rows (old ones and those inserted in the same batch), unique values are
 * unique, nullable columns are sometimes NULL. The statements hold plain values, so the same
 * text fills every copy of the database (JDBC files and wrangler's D1) identically.
 *
 * <p>Each AUTOINCREMENT table also gets one more row that is deleted at once, so its
 * {@code sqlite_sequence} entry is above its largest id: a migration that loses the entry hands
 * that id out again, which AUTOINCREMENT promises never to do.
 */
final class RowGenerator {

  private record ColumnInfo(String name, String type, boolean notNull, int pk) {}

  /** A referenced column, and whether the referencing column may be NULL. */

  private record Parent(String table, String column, boolean optional) {}

  private final SqliteDatabase database;
  /** "table.column" → "parent.column": references the data honours before they are declared. */
  private final Map<String, String> implicitReferences;
  private final Map<String, List<String>> keys = new HashMap<>();

  /**
   * @param implicitReferences columns that hold keys of another table without a foreign key yet,
   *     as {@code "tasks.assigneeId" → "users.id"}, so that declaring one later finds valid rows
   */
  RowGenerator(SqliteDatabase database, Map<String, String> implicitReferences) {
    this.database = database;
    this.implicitReferences = implicitReferences;
  }

  /** {@code perTable} new rows for each table, parents before children. */
  List<String> inserts(int perTable) throws SQLException {
    Map<String, List<ColumnInfo>> columns = new LinkedHashMap<>();
    Map<String, Map<String, Parent>> parents = new HashMap<>();
    for (String table : database.tables()) {
      List<ColumnInfo> infos = new ArrayList<>();
      for (Map<String, Object> c :
          database.rows("PRAGMA table_info(" + SqliteDatabase.quote(table) + ")")) {
        infos.add(new ColumnInfo((String) c.get("name"),
            String.valueOf(c.get("type")).toLowerCase(Locale.ROOT),
            ((Number) c.get("notnull")).intValue() == 1, ((Number) c.get("pk")).intValue()));
      }
      columns.put(table, infos);
      Map<String, Parent> references = new HashMap<>();
      for (Map<String, Object> fk :
          database.rows("PRAGMA foreign_key_list(" + SqliteDatabase.quote(table) + ")")) {
        String from = (String) fk.get("from");
        references.put(from, new Parent((String) fk.get("table"), String.valueOf(fk.get("to")),
            infos.stream().anyMatch(c -> c.name().equals(from) && !c.notNull())));
      }
      implicitReferences.forEach((from, to) -> {
        String[] f = from.split("\\.");
        String[] t = to.split("\\.");
        infos.stream().filter(c -> f[0].equals(table) && c.name().equals(f[1])).findFirst()
            .ifPresent(c -> references.putIfAbsent(f[1], new Parent(t[0], t[1], !c.notNull())));
      });
      parents.put(table, references);
    }

    // Load every referenced column's keys before any row is made up, so that the rows made up
    // for a parent are added to its list and children can point at them too.
    for (Map<String, Parent> references : parents.values()) {
      for (Parent parent : references.values()) {
        keys(parent);
      }
    }
    List<String> statements = new ArrayList<>();
    for (String table : parentsFirst(parents)) {
      List<ColumnInfo> infos = columns.get(table);
      Map<String, Parent> references = parents.get(table);
      long existing = ((Number) database.rows("SELECT count(*) AS n FROM "
          + SqliteDatabase.quote(table)).get(0).get("n")).longValue();
      List<ColumnInfo> keyColumns = infos.stream().filter(c -> c.pk() > 0).toList();
      long maxId = 0;
      boolean integerKey = keyColumns.size() == 1 && keyColumns.get(0).type().equals("integer");
      String sql = String.valueOf(database.rows("SELECT sql FROM sqlite_master WHERE name = '"
          + table.replace("'", "''") + "'").get(0).get("sql"));
      boolean autoIncrement =
          integerKey && sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
      if (integerKey) {
        Object max = database.rows("SELECT max(" + SqliteDatabase.quote(keyColumns.get(0).name())
            + ") AS m FROM " + SqliteDatabase.quote(table)).get(0).get("m");
        maxId = max == null ? 0 : ((Number) max).longValue();
      }
      int rows = perTable + (autoIncrement ? 1 : 0);
      for (int i = 0; i < rows; i++) {
        long k = existing + i;
        boolean gap = i == perTable; // the extra row of an AUTOINCREMENT table, deleted below
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int c = 0; c < infos.size(); c++) {
          ColumnInfo column = infos.get(c);
          Parent parent = references.get(column.name());
          String value;
          if (integerKey && column.pk() > 0) {
            value = Long.toString(maxId + 1 + i);
          } else if (!column.notNull() && column.pk() == 0 && k % 3 == 2) {
            value = "NULL";
          } else if (parent != null) {
            List<String> candidates = keys(parent);
            String own = integerKey ? Long.toString(maxId + 1 + i) : null;
            List<String> earlier = candidates.stream().filter(v -> !v.equals(own)).toList();
            if (candidates.isEmpty() && parent.optional()) {
              value = "NULL"; // a parent later in a cycle, still empty
            } else if (candidates.isEmpty()) {
              throw new AssertionError("cannot fill " + table + "." + column.name() + ": "
                  + parent.table() + " has no rows");
            } else if (parent.table().equals(table) && !earlier.isEmpty()) {
              // A reference into the same table points at the row made before this one, so
              // deleting the rows in order meets a row that another row still refers to.
              value = earlier.get(earlier.size() - 1);
            } else {
              value = candidates.get((int) (k % candidates.size()));
            }
          } else {
            value = switch (column.type()) {
              case "integer" -> Long.toString(10 * k + c);
              case "real" -> k + ".5";
              case "numeric" -> Long.toString(k);
              case "blob" -> "X'" + String.format("%02x", k % 256) + "ff'";
              default -> "'" + table + "." + column.name() + " #" + k + " it''s'";
            };
          }
          names.add(SqliteDatabase.quote(column.name()));
          values.add(value);
          List<String> known = keys.get(table + "." + column.name());
          if (known != null && !gap) {
            known.add(value);
          }
        }
        statements.add("INSERT INTO " + SqliteDatabase.quote(table) + " ("
            + String.join(", ", names) + ") VALUES (" + String.join(", ", values) + ");");
        if (gap) {
          statements.add("DELETE FROM " + SqliteDatabase.quote(table) + " WHERE "
              + SqliteDatabase.quote(keyColumns.get(0).name()) + " = " + (maxId + 1 + i) + ";");
        }
      }
    }
    return statements;
  }

  /** The referenced column's values: those in the database, then those inserted since. */
  private List<String> keys(Parent parent) throws SQLException {
    String id = parent.table() + "." + parent.column();
    List<String> known = keys.get(id);
    if (known == null) {
      known = new ArrayList<>();
      for (Map<String, Object> row : database.rows("SELECT " + SqliteDatabase.quote(parent.column())
          + " AS v FROM " + SqliteDatabase.quote(parent.table()) + " ORDER BY 1")) {
        known.add(literal(row.get("v")));
      }
      keys.put(id, known);
    }
    return known;
  }

  private static String literal(Object value) {
    if (value instanceof Number) {
      return value.toString();
    }
    return "'" + String.valueOf(value).replace("'", "''") + "'";
  }

  /**
   * Tables ordered so that every table comes after the tables its NOT NULL references point at.
   * A nullable reference may point at a table that comes later (a cycle): its rows then refer to
   * the rows that table already has, or are NULL.
   */
  private static List<String> parentsFirst(Map<String, Map<String, Parent>> parents) {
    List<String> ordered = new ArrayList<>();
    List<String> pending = new ArrayList<>(parents.keySet());
    while (!pending.isEmpty()) {
      String next = pending.stream()
          .filter(t -> parents.get(t).values().stream().noneMatch(
              p -> !p.optional() && !p.table().equals(t) && pending.contains(p.table())))
          .findFirst()
          .orElseThrow(() -> new AssertionError("reference cycle among " + pending));
      ordered.add(next);
      pending.remove(next);
    }
    return ordered;
  }
}
