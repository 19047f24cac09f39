package dev.nanoka.runtime.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.runtime.schema.SqlType;
import dev.nanoka.runtime.testing.SqliteHarness;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaDiffer#isNarrowing} against SQLite itself: a type change is narrowing exactly when
 * some sample value does not survive the trip into a column of the new type and back unchanged
 * (storage class and value, as {@code quote()} shows them). Both ways: a conversion called safe
 * must keep every sample, and one called narrowing must lose at least one, so that the warning
 * is never raised for nothing.
 */
class NarrowingOnSqliteTest {

  /** Values a column of each type can hold, including what type affinity lets through. */
  static final Map<SqlType, List<String>> SAMPLES = Map.of(
      SqlType.INTEGER, List.of("0", "-5", "9007199254740993", "9223372036854775807",
          "-9223372036854775808", "1.5", "'abc'"),
      SqlType.TEXT, List.of("'abc'", "'007'", "'1.0'", "'12345678901234567890'", "''", "' 5'",
          "'1e3'"),
      SqlType.REAL, List.of("0.1", "0.30000000000000004", "1e300", "-2.5", "3.0",
          "1.7976931348623157e308", "4.9e-324", "123456789.123456789", "'abc'"),
      SqlType.NUMERIC, List.of("5", "2.5", "9007199254740993", "0.1", "0.30000000000000004",
          "'abc'"),
      SqlType.BLOB, List.of("X'00ff'", "'text'", "5", "2.5", "'007'"));

  @Test
  void narrowingExactlyWhenSqliteChangesAValue() throws SQLException {
    List<String> wrong = new ArrayList<>();
    try (Connection c = SqliteHarness.open(false)) {
      for (SqlType from : SqlType.values()) {
        for (SqlType to : SqlType.values()) {
          if (from == to) {
            continue;
          }
          SqliteHarness.exec(c, "CREATE TABLE a (v " + from.sql() + ")");
          SqliteHarness.exec(c, "CREATE TABLE b (v " + to.sql() + ")");
          SqliteHarness.exec(c, "CREATE TABLE back (v " + from.sql() + ")");
          for (String sample : SAMPLES.get(from)) {
            SqliteHarness.exec(c, "INSERT INTO a VALUES (" + sample + ")");
          }
          SqliteHarness.exec(c, "INSERT INTO b SELECT v FROM a ORDER BY rowid");
          SqliteHarness.exec(c, "INSERT INTO back SELECT v FROM b ORDER BY rowid");
          List<String> before = SqliteHarness.query(c, "SELECT quote(v) FROM a ORDER BY rowid");
          List<String> after = SqliteHarness.query(c, "SELECT quote(v) FROM back ORDER BY rowid");
          List<String> lost = new ArrayList<>();
          for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
              lost.add(before.get(i) + " became " + after.get(i));
            }
          }
          if (SchemaDiffer.isNarrowing(from, to) != !lost.isEmpty()) {
            wrong.add(from + "->" + to + (lost.isEmpty() ? " keeps every sample"
                : " loses " + lost) + " but isNarrowing says "
                + SchemaDiffer.isNarrowing(from, to));
          }
          SqliteHarness.exec(c, "DROP TABLE a");
          SqliteHarness.exec(c, "DROP TABLE b");
          SqliteHarness.exec(c, "DROP TABLE back");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }
}
