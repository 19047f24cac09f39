package dev.nanoka.runtime.push;

import dev.nanoka.runtime.diff.SchemaChange;
import dev.nanoka.runtime.diff.SchemaDiff;
import dev.nanoka.runtime.schema.Column;
import dev.nanoka.runtime.schema.ColumnType;
import dev.nanoka.runtime.schema.Index;
import dev.nanoka.runtime.schema.Schema;
import dev.nanoka.runtime.schema.SqlType;
import dev.nanoka.runtime.schema.Table;
import dev.nanoka.runtime.sql.SqliteDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks at the data before a push: which changes would lose or break data on this database. A
 * change is only reported when the data is there — dropping an empty table loses nothing.
 */
public final class DataLossPredictor {

  private DataLossPredictor() {}

  /**
   * What a push would do to the data.
   *
   * @param losses data the push would lose (dropped tables, columns and unconvertible values);
   *     {@code acceptDataLoss} lets them through
   * @param unexecutable changes the rows make impossible (a required column without default, a
   *     new NOT NULL over NULLs, a unique index over duplicates): SQLite would refuse them, and
   *     only different models or an empty table help
   */
  public record Prediction(List<String> losses, List<String> unexecutable) {
    public Prediction {
      losses = List.copyOf(losses);
      unexecutable = List.copyOf(unexecutable);
    }
  }

  /** One line per problem, e.g. "drops table tags, which holds 3 rows". */
  public static Prediction predict(Connection connection, SchemaDiff diff) throws SQLException {
    List<String> losses = new ArrayList<>();
    List<String> unexecutable = new ArrayList<>();
    Set<String> created = new HashSet<>();
    // Where a column a new index covers is new too, its values will be its default.
    Map<String, Table> targets = new HashMap<>();
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.CreateTable create) {
        created.add(create.table().name());
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        targets.put(key(rebuild.to().name()), rebuild.to());
      }
    }
    Map<String, List<Column>> added = new HashMap<>();
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.AddColumn add) {
        added.computeIfAbsent(key(add.table()), k -> new ArrayList<>()).add(add.column());
      }
    }
    for (SchemaChange change : diff.changes()) {
      if (change instanceof SchemaChange.DropTable drop) {
        long rows = count(connection, "SELECT count(*) FROM " + q(drop.table().name()));
        if (rows > 0) {
          losses.add("drops table " + drop.table().name() + ", which holds " + rows + " rows");
        }
      } else if (change instanceof SchemaChange.DropColumn drop) {
        nonNullValues(connection, drop.table(), drop.column().name(), losses);
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        rebuild(connection, rebuild, losses, unexecutable);
      } else if (change instanceof SchemaChange.CreateIndex create && create.index().unique()
          && !created.contains(create.table())) {
        Table before = diff.renamed().table(create.table()).orElseThrow();
        Table rebuilt = targets.get(key(create.table()));
        List<String> values = new ArrayList<>();
        for (String column : create.index().columns()) {
          values.add(valueAfterPush(before, rebuilt, added.getOrDefault(key(create.table()),
              List.of()), column));
        }
        duplicates(connection, create.table(), create.index(), values, unexecutable);
      }
    }
    return new Prediction(losses, unexecutable);
  }

  /**
   * How a column's value after the push reads in a query of the table as it is now: the column
   * itself when it exists (a rebuild copies it), else the default a new column gets, or NULL.
   * A default goes inside {@code coalesce(…)}: GROUP BY reads a bare integer as a column number.
   */
  private static String valueAfterPush(Table before, Table rebuilt, List<Column> added,
      String column) {
    Optional<Column> existing = before.column(column);
    if (existing.isPresent()) {
      return q(existing.get().name());
    }
    Optional<Column> fresh = rebuilt != null ? rebuilt.column(column)
        : added.stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst();
    return fresh.flatMap(Column::defaultValue).flatMap(d -> d.sql())
        .map(sql -> "coalesce(" + sql + ", NULL)").orElse("NULL");
  }

  /**
   * Values outside a narrowed enum: SQLite would keep them, but the models can no longer read
   * them. Checked for every enum column of a table that exists already.
   */
  public static List<String> enumValues(Connection connection, List<Table> targets,
      Schema database) throws SQLException {
    List<String> problems = new ArrayList<>();
    for (Table table : targets) {
      Optional<Table> existing = database.table(table.name());
      if (existing.isEmpty()) {
        continue;
      }
      for (Column column : table.columns()) {
        // A column new to the table holds no values yet.
        if (column.type() instanceof ColumnType.EnumText enumText
            && existing.get().column(column.name()).isPresent()) {
          String values = enumText.values().stream().map(v -> "'" + v.replace("'", "''") + "'")
              .collect(Collectors.joining(", "));
          long rows = count(connection, "SELECT count(*) FROM " + q(table.name()) + " WHERE "
              + q(column.name()) + " IS NOT NULL AND " + q(column.name()) + " NOT IN (" + values + ")");
          if (rows > 0) {
            problems.add(table.name() + "." + column.name() + " holds " + rows + " value(s) that"
                + " are no longer constants of its enum (" + String.join(", ", enumText.values())
                + ")");
          }
        }
      }
    }
    return problems;
  }

  private static void rebuild(Connection connection, SchemaChange.RebuildTable rebuild,
      List<String> problems, List<String> unexecutable) throws SQLException {
    Table before = rebuild.from();
    Table after = rebuild.to();
    long rows = count(connection, "SELECT count(*) FROM " + q(before.name()));
    if (rows == 0) {
      return; // an empty table loses nothing, whatever happens to it
    }
    for (Column column : before.columns()) {
      if (!rebuild.copied().containsValue(column.name())) {
        nonNullValues(connection, before.name(), column.name(), problems);
      }
    }
    for (Map.Entry<String, String> pair : rebuild.copied().entrySet()) {
      Column old = before.column(pair.getValue()).orElseThrow();
      Column now = after.column(pair.getKey()).orElseThrow();
      String c = q(old.name());
      String unconvertible = unconvertible(c, old.type().sqlType(), now.type().sqlType());
      if (unconvertible != null) {
        long bad = count(connection, "SELECT count(*) FROM " + q(before.name()) + " WHERE "
            + unconvertible);
        if (bad > 0) {
          problems.add("changes " + after.name() + "." + now.name() + " from "
              + old.type().sqlType().sql() + " to " + now.type().sqlType().sql() + ", but " + bad
              + " value(s) do not convert");
        }
      }
      if (now.notNull() && !old.notNull() && now.defaultValue().flatMap(d -> d.sql()).isEmpty()) {
        long nulls = count(connection, "SELECT count(*) FROM " + q(before.name()) + " WHERE "
            + c + " IS NULL");
        if (nulls > 0) {
          unexecutable.add("makes " + after.name() + "." + now.name() + " NOT NULL without a"
              + " default, but " + nulls + " row(s) hold NULL there");
        }
      }
    }
    for (Column column : after.columns()) {
      if (!rebuild.copied().containsKey(column.name()) && column.notNull()
          && column.defaultValue().flatMap(d -> d.sql()).isEmpty()) {
        unexecutable.add("adds the required column " + after.name() + "." + column.name()
            + " without a default, but " + after.name() + " holds " + rows + " rows (add a"
            + " default, or reset the database)");
      }
    }
  }

  /** A condition true for values that would not survive the type change, or null if none can fail. */
  static String unconvertible(String column, SqlType from, SqlType to) {
    if (from == to || to == SqlType.TEXT && from != SqlType.BLOB || to == SqlType.BLOB) {
      return null;
    }
    if (from == SqlType.BLOB || to == SqlType.TEXT) {
      return "typeof(" + column + ") = 'blob'";
    }
    if (to == SqlType.INTEGER) {
      return "(typeof(" + column + ") = 'real' AND " + column + " <> CAST(" + column
          + " AS INTEGER)) OR (typeof(" + column + ") = 'text' AND CAST(CAST(" + column
          + " AS INTEGER) AS TEXT) <> " + column + ") OR typeof(" + column + ") = 'blob'";
    }
    // REAL or NUMERIC: text must read as a number
    return "(typeof(" + column + ") = 'text' AND CAST(CAST(" + column + " AS REAL) AS TEXT) <> "
        + column + " AND CAST(CAST(" + column + " AS INTEGER) AS TEXT) <> " + column
        + ") OR typeof(" + column + ") = 'blob'";
  }

  private static void nonNullValues(Connection connection, String table, String column,
      List<String> problems) throws SQLException {
    long values = count(connection, "SELECT count(*) FROM " + q(table) + " WHERE " + q(column)
        + " IS NOT NULL");
    if (values > 0) {
      problems.add("drops column " + table + "." + column + ", which holds " + values
          + " value(s)");
    }
  }

  private static void duplicates(Connection connection, String table, Index index,
      List<String> values, List<String> problems) throws SQLException {
    String grouped = String.join(", ", values);
    String notNull = values.stream().map(v -> v + " IS NOT NULL")
        .collect(Collectors.joining(" AND "));
    long groups = count(connection, "SELECT count(*) FROM (SELECT 1 FROM " + q(table)
        + " WHERE " + notNull + " GROUP BY " + grouped + " HAVING count(*) > 1)");
    if (groups > 0) {
      problems.add("adds the unique index " + index.name() + " on " + table + "(" + String.join(
          ", ", index.columns()) + "), but " + groups + " value(s) occur more than once");
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String q(String name) {
    return SqliteDdl.quote(name);
  }
}
