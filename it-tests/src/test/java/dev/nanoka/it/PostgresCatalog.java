package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresHistoryRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL database's schema as the catalog describes it, for comparing two databases that
 * two tools migrated: in schema public and in drizzle's history schema, columns with types,
 * nullability and defaults; constraints with their definitions; indexes; enum types with their
 * values in order; sequences.
 */
final class PostgresCatalog {

  private PostgresCatalog() {}

  static List<String> of(PostgresDatabase db) throws SQLException {
    List<String> schema = new ArrayList<>();
    try (Connection c = db.connect()) {
      schema.addAll(PostgresHistoryRows.strings(c, "SELECT concat_ws(' ', table_schema,"
          + " table_name, column_name, data_type, udt_name, is_nullable, column_default,"
          + " character_maximum_length, numeric_precision, numeric_scale)"
          + " FROM information_schema.columns WHERE table_schema IN ('public', 'drizzle')"
          + " ORDER BY table_schema, table_name, ordinal_position"));
      schema.addAll(PostgresHistoryRows.strings(c, "SELECT conrelid::regclass || ' ' || conname"
          + " || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace IN"
          + " ('public'::regnamespace, 'drizzle'::regnamespace) ORDER BY 1"));
      schema.addAll(PostgresHistoryRows.strings(c, "SELECT schemaname || ' ' || indexdef"
          + " FROM pg_indexes WHERE schemaname IN ('public', 'drizzle') ORDER BY 1"));
      schema.addAll(PostgresHistoryRows.strings(c, "SELECT t.typname || ' '"
          + " || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t"
          + " JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1"));
      schema.addAll(PostgresHistoryRows.strings(c, "SELECT sequence_schema || ' ' || sequence_name"
          + " || ' ' || data_type FROM information_schema.sequences ORDER BY 1"));
    }
    assertTrue(schema.size() > 10, "read too little of the schema of " + db.name() + ": "
        + schema);
    return schema;
  }

  /** The tables of schema public, by name. */
  static List<String> tables(PostgresDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      return PostgresHistoryRows.strings(c, "SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
    }
  }

  /** Every row of a table of schema public as JSON, in a stable order. */
  static List<String> rows(PostgresDatabase db, String table) throws SQLException {
    try (Connection c = db.connect()) {
      return PostgresHistoryRows.strings(c, "SELECT row_to_json(t)::text FROM \"" + table
          + "\" t ORDER BY 1");
    }
  }
}
