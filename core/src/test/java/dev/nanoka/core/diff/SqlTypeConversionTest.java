package dev.nanoka.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.core.schema.SqlType;
import dev.nanoka.core.testing.Sqlite;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SqlTypeConversion} against SQLite itself. Samples of every storage class are written
 * into a column of each type (so they are what such a column can really hold: a number column
 * keeps text that is not a number, an integer column keeps a real with a fraction), copied into a
 * column of every other type and back. A conversion called safe must keep every sample; one that
 * can change values must change at least one, so that no warning is raised for nothing.
 */
class SqlTypeConversionTest {

  /** Edge values of every storage class, as SQL literals. */
  static final List<String> SAMPLES = List.of(
      "0", "-5", "9007199254740992", "9007199254740993", "9223372036854775807",
      "-9223372036854775808", "0.1", "0.30000000000000004", "1.5", "3.0", "-0.0", "1e300",
      "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "123456789.12345679",
      "'abc'", "''", "'007'", "'1.50'", "' 5'", "'1e3'", "'12345678901234567890'", "'0x10'",
      "'5'", "'3.0'", "'-0'", "'9007199254740993'", "X'00ff'", "X''");

  @Test
  void canChangeValuesExactlyWhenSqliteChangesOne() throws SQLException {
    List<String> wrong = new ArrayList<>();
    try (Connection c = Sqlite.memory(false)) {
      for (SqlType from : SqlType.values()) {
        for (SqlType to : SqlType.values()) {
          List<String> changed = changed(c, from, to);
          if (SqlTypeConversion.canChangeValues(from, to) == changed.isEmpty()) {
            wrong.add(from + "->" + to + (changed.isEmpty() ? " keeps every sample"
                : " changes " + changed) + " but canChangeValues says "
                + SqlTypeConversion.canChangeValues(from, to));
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  /**
   * The samples a conversion changes: what comes back is not what went in, or it read as the old
   * type and does not read as the new one.
   */
  private static List<String> changed(Connection c, SqlType from, SqlType to)
      throws SQLException {
    Sqlite.exec(c, "CREATE TABLE p (o " + from.sql() + ", n " + to.sql() + ", b "
        + from.sql() + ")");
    for (String sample : SAMPLES) {
      Sqlite.exec(c, "INSERT INTO p (o) VALUES (" + sample + ")");
    }
    Sqlite.exec(c, "UPDATE p SET n = o");
    Sqlite.exec(c, "UPDATE p SET b = n");
    List<String> changed = new ArrayList<>();
    for (String row : Sqlite.rows(c, "SELECT quote(o) || '|' || quote(n) || '|'"
        + " || quote(b) || '|' || typeof(o) || '|' || typeof(n) FROM p ORDER BY rowid")) {
      String[] v = row.split("\\|");
      boolean lost = !v[0].equals(v[2]);
      boolean unreadable = SqlTypeConversion.storageClasses(from).contains(v[3])
          && !SqlTypeConversion.storageClasses(to).contains(v[4]);
      if (lost || unreadable) {
        changed.add(v[0] + " -> " + v[1]);
      }
    }
    Sqlite.exec(c, "DROP TABLE p");
    return changed;
  }
}
