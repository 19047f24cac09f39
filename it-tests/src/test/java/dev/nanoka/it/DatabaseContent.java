package dev.nanoka.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of every table of a database, with values in one comparable text form whether they
 * came from JDBC or from wrangler's JSON: {@code NULL}, numbers in plain decimal without trailing
 * zeros (so an integer copied into a REAL column still equals itself), text in single quotes (so
 * the text {@code '5'}, or a column name stored as a string, never equals the number 5).
 *
 * @param tables table name → its content, in name order
 */
record DatabaseContent(Map<String, Table> tables) {

  DatabaseContent {
    tables = new TreeMap<>(tables);
  }

  /**
   * One table's rows.
   *
   * @param columns the column names
   * @param rows each row as column → value text
   */
  record Table(List<String> columns, List<Map<String, String>> rows) {

    /** The rows reduced to {@code columns} (renamed by {@code newNames}), sorted: a multiset. */
    List<String> project(List<String> columns, Map<String, String> newNames) {
      List<String> out = new ArrayList<>();
      for (Map<String, String> row : rows) {
        Map<String, String> projected = new TreeMap<>();
        for (String column : columns) {
          projected.put(newNames.getOrDefault(column, column), row.get(column));
        }
        out.add(projected.toString());
      }
      out.sort(null);
      return out;
    }

    List<String> project(List<String> columns) {
      return project(columns, Map.of());
    }
  }

  /** Every row of every table, for assertion messages and whole-database comparison. */
  Map<String, List<String>> asSortedRows() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    tables.forEach((name, table) -> out.put(name, table.project(table.columns())));
    return out;
  }

  /** Rows of {@link SqliteDatabase#SEQUENCES} (name, seq) as table → seq. */
  static Map<String, String> sequences(List<List<String>> rows) {
    Map<String, String> sequences = new TreeMap<>();
    // The name is a text value in quotes; the table name is what is inside.
    rows.forEach(
        row -> sequences.put(row.get(0).substring(1, row.get(0).length() - 1), row.get(1)));
    return sequences;
  }

  static String value(Object jdbcValue) {
    if (jdbcValue == null) {
      return "NULL";
    } else if (jdbcValue instanceof Double || jdbcValue instanceof Float) {
      return number(BigDecimal.valueOf(((Number) jdbcValue).doubleValue()));
    } else if (jdbcValue instanceof Number number) {
      return number(new BigDecimal(number.toString()));
    } else if (jdbcValue instanceof byte[] bytes) {
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    return "'" + jdbcValue + "'";
  }

  static String value(JsonNode jsonValue) {
    if (jsonValue == null || jsonValue.isNull()) {
      return "NULL";
    } else if (jsonValue.isNumber()) {
      return number(jsonValue.decimalValue());
    } else if (jsonValue.isTextual()) {
      return "'" + jsonValue.asText() + "'";
    } else if (jsonValue.isArray()) { // D1 returns a BLOB as an array of bytes
      byte[] bytes = new byte[jsonValue.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) jsonValue.get(i).asInt();
      }
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    return jsonValue.toString();
  }

  private static String number(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
