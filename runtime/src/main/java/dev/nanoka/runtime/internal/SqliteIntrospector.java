package dev.nanoka.runtime.internal;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.OnRowUpdate;
import dev.nanoka.core.schema.ReservedNames;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.schema.UpdateTrigger;
import dev.nanoka.core.sql.SqliteDdl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a live SQLite database's schema with its PRAGMAs, into the same model the processor
 * builds from records, so one differ compares them. Bookkeeping tables (migration histories,
 * SQLite's and Cloudflare's own) are left out.
 */
public final class SqliteIntrospector {

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private SqliteIntrospector() {}

  public static DatabaseSchema read(Connection connection) throws SQLException {
    List<Table> tables = new ArrayList<>();
    Map<String, String> sqlByTable = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String name = rows.getString(1);
        if (!isBookkeeping(name)) {
          sqlByTable.put(name, String.valueOf(rows.getString(2)));
        }
      }
    }
    for (Map.Entry<String, String> entry : sqlByTable.entrySet()) {
      tables.add(readTable(connection, entry.getKey(), entry.getValue()));
    }
    return new DatabaseSchema(tables);
  }

  /** Whether a table belongs to SQLite, Cloudflare or a migration tool ({@link ReservedNames}). */
  public static boolean isBookkeeping(String table) {
    return ReservedNames.isBookkeeping(table);
  }

  private static Table readTable(Connection connection, String name, String createSql)
      throws SQLException {
    List<String[]> info = new ArrayList<>(); // name, type, notnull, default, pk
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          info.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3),
              rows.getString(4), rows.getString(5)});
        }
      }
    }
    Map<Integer, String> keyColumns = new TreeMap<>();
    for (String[] column : info) {
      int pk = Integer.parseInt(column[4]);
      if (pk > 0) {
        keyColumns.put(pk, column[0]);
      }
    }
    boolean singleKey = keyColumns.size() == 1;
    boolean autoIncrement = createSql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
    List<Column> columns = new ArrayList<>();
    for (String[] column : info) {
      boolean key = singleKey && Integer.parseInt(column[4]) > 0;
      columns.add(new Column(column[0], column[0], type(column[1]), "1".equals(column[2]), key,
          key && autoIncrement && type(column[1]) instanceof LogicalType.Int,
          false, defaultValue(column[3])));
    }
    List<String> composite =
        keyColumns.size() > 1 ? List.copyOf(keyColumns.values()) : List.of();
    Table table = new Table(name, name, columns, composite, indexes(connection, name),
        foreignKeys(connection, name, columns, composite));
    return withUpdateTriggers(table, triggers(connection, name));
  }

  /** The table's triggers: name → SQL as stored. */
  private static Map<String, String> triggers(Connection connection, String table)
      throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT name, sql FROM"
        + " sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql IS NOT NULL"
        + " ORDER BY rowid")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          out.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return out;
  }

  /**
   * The table with {@link Column#onRowUpdate()} set on each column whose update trigger is in
   * the database exactly as a migration writes it (its name and its whole text). Any other
   * trigger, or one of ours edited by hand, is no part of the schema: push sets it aside and puts
   * it back like a view ({@link DependentObjects}).
   */
  static Table withUpdateTriggers(Table table, Map<String, String> triggers) {
    if (triggers.isEmpty()) {
      return table;
    }
    List<Column> columns = new ArrayList<>();
    for (Column column : table.columns()) {
      columns.add(column.withOnRowUpdate(recognised(table, column, triggers)));
    }
    return new Table(table.name(), table.exportName(), columns, table.compositePrimaryKey(),
        table.indexes(), table.foreignKeys());
  }

  /**
   * The value of the column's trigger, when the table has one under the column's trigger name
   * whose text is exactly what {@link SqliteDdl#triggerDefinition} writes for some expression
   * (the same expression in both places it appears).
   */
  private static Optional<OnRowUpdate> recognised(
      Table table, Column column, Map<String, String> triggers) {
    String placeholder = "\u0000value\u0000";
    UpdateTrigger template = new UpdateTrigger(table.name(), column.name(),
        new OnRowUpdate(placeholder), UpdateTrigger.rowid(table));
    String text = triggers.get(template.name());
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = SqliteDdl.triggerDefinition(template).split(placeholder, -1);
    if (parts.length != 3 || !text.startsWith(parts[0]) || !text.endsWith(parts[2])
        || text.length() < parts[0].length() + parts[2].length() + parts[1].length()) {
      return Optional.empty();
    }
    String middle = text.substring(parts[0].length(), text.length() - parts[2].length());
    int length = middle.length() - parts[1].length();
    if (length <= 0 || length % 2 != 0) {
      return Optional.empty();
    }
    String value = middle.substring(0, length / 2);
    if (!middle.equals(value + parts[1] + value) || value.isBlank() || value.contains(";")) {
      return Optional.empty();
    }
    return Optional.of(new OnRowUpdate(value));
  }

  /** The names of the update triggers {@link #read} recognises as part of the schema. */
  public static Set<String> updateTriggerNames(DatabaseSchema schema) {
    Set<String> names = new HashSet<>();
    UpdateTrigger.of(schema).forEach(t -> names.add(t.name()));
    return names;
  }

  private static List<TableIndex> indexes(Connection connection, String table) throws SQLException {
    List<TableIndex> indexes = new ArrayList<>();
    List<String[]> list = new ArrayList<>(); // name, unique, origin
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT name, \"unique\", origin FROM pragma_index_list(?)")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          list.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
        }
      }
    }
    for (String[] index : list) {
      if (!"c".equals(index[2])) {
        continue; // automatic indexes of PRIMARY KEY / UNIQUE clauses are part of the table
      }
      List<String> columns = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
        statement.setString(1, index[0]);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            columns.add(rows.getString(1));
          }
        }
      }
      if (!columns.isEmpty() && columns.stream().allMatch(c -> c != null)) {
        indexes.add(new TableIndex(index[0], columns, "1".equals(index[1])));
      }
    }
    indexes.sort((a, b) -> a.name().compareTo(b.name()));
    return indexes;
  }

  private static List<ForeignKey> foreignKeys(
      Connection connection, String table, List<Column> columns, List<String> composite)
      throws SQLException {
    Map<Integer, List<String[]>> byId =
        new TreeMap<>(); // id → [table, from, to, onUpdate, onDelete]
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete"
            + " FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          byId.computeIfAbsent(rows.getInt(1), k -> new ArrayList<>()).add(new String[] {
              rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
              rows.getString(6)});
        }
      }
    }
    List<ForeignKey> keys = new ArrayList<>();
    for (List<String[]> parts : byId.values()) {
      String parent = parts.get(0)[0];
      List<String> from = parts.stream().map(p -> p[1]).toList();
      List<String> to = new ArrayList<>();
      for (String[] part : parts) {
        to.add(part[2] != null ? part[2] : parentKey(connection, parent).orElse(part[1]));
      }
      keys.add(new ForeignKey(ForeignKey.defaultName(table, from, parent, to), from, parent, to,
          action(parts.get(0)[3]), action(parts.get(0)[4])));
    }
    return keys;
  }

  /** The parent's primary key column, for a foreign key written without a column list. */
  private static Optional<String> parentKey(Connection connection, String parent)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT name FROM pragma_table_info(?) WHERE pk = 1")) {
      statement.setString(1, parent);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  private static ForeignKey.Action action(String sql) {
    for (ForeignKey.Action action : ForeignKey.Action.values()) {
      if (action.sql().equalsIgnoreCase(sql)) {
        return action;
      }
    }
    return ForeignKey.Action.NO_ACTION;
  }

  /** The column's type by SQLite's affinity rules (sqlite.org/datatype3.html, 3.1). */
  static LogicalType type(String declared) {
    String type = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
    if (type.contains("INT")) {
      return new LogicalType.Int();
    } else if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
      return new LogicalType.Text();
    } else if (type.isEmpty() || type.contains("BLOB")) {
      return new LogicalType.Blob();
    } else if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
      return new LogicalType.Real();
    }
    return new LogicalType.Numeric();
  }

  private static Optional<ColumnDefault> defaultValue(String sql) {
    if (sql == null) {
      return Optional.empty();
    }
    if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
      return Optional.of(
          new ColumnDefault.Text(sql.substring(1, sql.length() - 1).replace("''", "'")));
    }
    if (NUMBER.matcher(sql).matches()) {
      return Optional.of(new ColumnDefault.Number(sql));
    }
    if (sql.equalsIgnoreCase("true") || sql.equalsIgnoreCase("false")) {
      return Optional.of(
          new ColumnDefault.Bool(Boolean.parseBoolean(sql.toLowerCase(Locale.ROOT))));
    }
    String upper = sql.toUpperCase(Locale.ROOT);
    if (upper.equals("NULL") || upper.startsWith("CURRENT_") || upper.startsWith("X'")) {
      return Optional.of(new ColumnDefault.Expression(sql));
    }
    // SQLite reports an expression default without the parentheses its DEFAULT clause needs.
    return Optional.of(new ColumnDefault.Expression("(" + sql + ")"));
  }
}
