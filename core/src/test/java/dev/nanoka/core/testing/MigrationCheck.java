package dev.nanoka.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.MigrationStatement;
import dev.nanoka.core.sql.SqliteDdl;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The property every generated migration must have, checked on real SQLite: create schema A
 * fresh, insert rows, apply the migration to B, and then
 * <ol>
 *   <li>every row of every table that B keeps is there, with the values of the columns it kept
 *       (as SQLite would store them in B's columns; a column that became NOT NULL with a default
 *       takes the default where it held NULL; new columns hold their default);
 *   <li>the schema is exactly a fresh creation of B ({@code table_info}, indexes, foreign keys);
 *   <li>{@code PRAGMA foreign_key_check} and {@code integrity_check} are clean;
 *   <li>no {@code __new_*} or {@code __nanoka_keep_*} table is left behind;
 *   <li>a table that keeps its AUTOINCREMENT keeps its {@code sqlite_sequence} value, so the ids
 *       of deleted rows are never handed out again.
 * </ol>
 * The expected rows come from SQLite too, independently of the renderer: B is created fresh and
 * A's rows are inserted into it column by column, following the declared renames.
 */
public final class MigrationCheck {

  /** A schema change with data: {@code inserts} populate {@code from}. */
  public record Evolution(
      String label,
      DatabaseSchema from,
      DatabaseSchema to,
      RenameHints hints,
      List<String> inserts) {}

  /** B cannot hold A's rows at all (a constraint fails); the evolution is invalid for the data. */
  public static final class InvalidForData extends RuntimeException {
    InvalidForData(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final Pattern VOLATILE =
      Pattern.compile("(?i).*(current_|unixepoch|random|date|time).*");
  private static final Pattern LEFTOVER = Pattern.compile("(?i)^(__new_|__nanoka_keep_).*");

  private final Evolution evolution;
  private final SchemaDiff diff;
  private final String file;
  private final List<String> statements;
  private final String expectedShape;
  private final Map<String, List<String>> compared = new LinkedHashMap<>();
  private final Map<String, List<String>> expectedRows = new LinkedHashMap<>();
  /** Table of B → the sequence its AUTOINCREMENT must have (A's, where both have one). */
  private final Map<String, Long> expectedSequences = new LinkedHashMap<>();

  private MigrationCheck(Evolution evolution) {
    this.evolution = evolution;
    this.diff = SchemaDiffer.diff(evolution.from(), evolution.to(), evolution.hints());
    if (!diff.ambiguities().isEmpty()) {
      throw new AssertionError(
          evolution.label() + ": unexpected ambiguities " + diff.ambiguities());
    }
    List<MigrationStatement> rendered = SqliteMigrationRenderer.render(diff);
    this.file = StatementBreakpoints.join(rendered);
    // Apply what a runner reads from the file, comments and all.
    this.statements = StatementBreakpoints.split(file);
    if (statements.size() != rendered.size()) {
      throw new AssertionError(evolution.label() + ": split gave " + statements.size()
          + " statements for " + rendered.size() + "\n" + file);
    }
    try {
      Map<String, List<Map<String, Object>>> source = sourceRows();
      // Foreign keys off while filling it (rows of a reference cycle cannot go in one table at
      // a time otherwise); foreign_key_check afterwards rejects rows B cannot hold.
      try (Connection expected = Sqlite.memory(false)) {
        buildExpected(expected, source);
        expectedShape = Sqlite.shape(expected);
        for (Table table : evolution.to().tables()) {
          expectedRows.put(table.name(),
              Sqlite.quotedRows(expected, table.name(), compared.get(table.name())));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks the property in all three modes. */
  public static MigrationCheck assertRowPreserving(Evolution evolution) {
    MigrationCheck check = prepare(evolution);
    for (MigrationMode mode : MigrationMode.values()) {
      check.assertIn(mode);
    }
    return check;
  }

  /**
   * Computes the migration and the expected end state.
   *
   * @throws InvalidForData when A's rows do not fit B whatever the migration does
   */
  public static MigrationCheck prepare(Evolution evolution) {
    return new MigrationCheck(evolution);
  }

  public Evolution evolution() {
    return evolution;
  }

  public String file() {
    return file;
  }

  public SchemaDiff diff() {
    return diff;
  }

  public List<String> statements() {
    return statements;
  }

  /** Applies the migration in {@code mode} and checks the property. */
  public void assertIn(MigrationMode mode) {
    String context = evolution.label() + " [" + mode + "]\n--- migration ---\n" + file
        + "\n--- end ---";
    try (Connection c = mode.open()) {
      buildA(c, context);
      mode.apply(c, statements, context);

      List<String> leftovers = Sqlite.tableNames(c).stream()
          .filter(t -> LEFTOVER.matcher(t).matches()).toList();
      assertEquals(List.of(), leftovers, context + "\nleftover tables");
      assertEquals(expectedShape, Sqlite.shape(c),
          context + "\nschema differs from a fresh B");
      for (Table table : evolution.to().tables()) {
        assertEquals(String.join("\n", expectedRows.get(table.name())),
            String.join("\n", Sqlite.quotedRows(c, table.name(), compared.get(table.name()))),
            context + "\nrows of " + table.name() + " " + compared.get(table.name()));
      }
      for (Map.Entry<String, Long> sequence : expectedSequences.entrySet()) {
        assertEquals(List.of(String.valueOf(sequence.getValue())), Sqlite.rows(c,
            "SELECT seq FROM sqlite_sequence WHERE name = '" + sequence.getKey() + "'"),
            context + "\nAUTOINCREMENT sequence of " + sequence.getKey());
      }
      assertEquals(List.of(), Sqlite.rows(c, "PRAGMA foreign_key_check"),
          context + "\nforeign_key_check");
      assertEquals(List.of("ok"), Sqlite.rows(c, "PRAGMA integrity_check"),
          context + "\nintegrity_check");
      if (mode.foreignKeys) {
        assertEquals(1, Sqlite.longValue(c, "PRAGMA foreign_keys"), context);
      }
    } catch (SQLException e) {
      throw new AssertionError(context, e);
    }
  }

  /** Schema A with its rows; one transaction, as this part is not under test. */
  private void buildA(Connection c, String context) {
    List<String> all = new ArrayList<>(Migrations.creation(evolution.from()));
    all.addAll(evolution.inserts());
    Sqlite.applyAll(c, all, true, context + "\n(creating A and its rows)");
  }

  /** A's rows, read back from a real database so values have SQLite's storage classes. */
  private Map<String, List<Map<String, Object>>> sourceRows() throws SQLException {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    try (Connection c = Sqlite.memory(true)) {
      String context = evolution.label() + " (building A)";
      buildA(c, context);
      assertEquals(List.of(), Sqlite.rows(c, "PRAGMA foreign_key_check"),
          context + ": test rows break a foreign key");
      for (Table table : evolution.from().tables()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet r = s.executeQuery("SELECT * FROM " + SqliteDdl.quote(table.name())
                + " ORDER BY rowid")) {
          int n = r.getMetaData().getColumnCount();
          while (r.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
              row.put(key(r.getMetaData().getColumnName(i)), r.getObject(i));
            }
            rows.add(row);
          }
        }
        out.put(key(table.name()), rows);
      }
      for (Table table : evolution.to().tables()) {
        Optional<Table> origin = origin(table);
        if (origin.isPresent() && autoIncrement(origin.get()) && autoIncrement(table)) {
          List<String> seq = Sqlite.rows(c, "SELECT seq FROM sqlite_sequence WHERE name = '"
              + origin.get().name() + "'");
          if (!seq.isEmpty()) {
            expectedSequences.put(table.name(), Long.parseLong(seq.get(0)));
          }
        }
      }
    }
    return out;
  }

  private static boolean autoIncrement(Table table) {
    return table.columns().stream().anyMatch(Column::autoIncrement);
  }

  /** B created fresh, then A's rows inserted through the declared renames. */
  private void buildExpected(Connection c, Map<String, List<Map<String, Object>>> source)
      throws SQLException {
    String context = evolution.label() + " (building the expected B)";
    Sqlite.applyAll(c, Migrations.creation(evolution.to()), true, context);
    for (Table table : parentsFirst(evolution.to())) {
      Optional<Table> origin = origin(table);
      List<String> columns = new ArrayList<>();
      for (Column column : table.columns()) {
        boolean copied =
            origin.isPresent() && originColumn(origin.get(), table, column).isPresent();
        boolean volatileDefault = column.defaultValue()
            .filter(d -> d instanceof ColumnDefault.Expression)
            .flatMap(ColumnDefault::sql)
            .filter(sql -> VOLATILE.matcher(sql).matches())
            .isPresent();
        if (copied || !volatileDefault) {
          columns.add(column.name());
        }
      }
      compared.put(table.name(), columns);
      if (origin.isEmpty()) {
        continue;
      }
      for (Map<String, Object> row : source.get(key(origin.get().name()))) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Column column : table.columns()) {
          Optional<String> from = originColumn(origin.get(), table, column);
          if (from.isEmpty()) {
            continue;
          }
          Object value = row.get(key(from.get()));
          boolean hasDefault = column.defaultValue().flatMap(ColumnDefault::sql).isPresent();
          if (value == null && column.notNull() && hasDefault) {
            continue; // the migration fills NULLs with the new default
          }
          names.add(column.name());
          values.add(value);
        }
        insert(c, table.name(), names, values, context);
      }
    }
    List<String> violations = Sqlite.rows(c, "PRAGMA foreign_key_check");
    if (!violations.isEmpty()) {
      throw new InvalidForData(context + ": foreign_key_check " + violations, null);
    }
  }

  private static void insert(
      Connection c, String table, List<String> names, List<Object> values, String context) {
    String sql = names.isEmpty()
        ? "INSERT INTO " + SqliteDdl.quote(table) + " DEFAULT VALUES"
        : "INSERT INTO " + SqliteDdl.quote(table) + " ("
            + String.join(", ", names.stream().map(SqliteDdl::quote).toList()) + ") VALUES ("
            + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        p.setObject(i + 1, values.get(i));
      }
      p.executeUpdate();
    } catch (SQLException e) {
      throw new InvalidForData(context + ": " + e.getMessage() + " in " + sql + " " + values, e);
    }
  }

  /** The table of A this table of B continues: same name, or declared renamed from it. */
  private Optional<Table> origin(Table table) {
    Optional<Table> same = evolution.from().table(table.name());
    if (same.isPresent()) {
      return same;
    }
    String old = evolution.hints().tables().get(key(table.name()));
    return old == null || evolution.to().table(old).isPresent()
        ? Optional.empty() : evolution.from().table(old);
  }

  private Optional<String> originColumn(Table origin, Table table, Column column) {
    if (origin.column(column.name()).isPresent()) {
      return Optional.of(column.name());
    }
    String old = evolution.hints().columns().getOrDefault(key(table.name()), Map.of())
        .get(key(column.name()));
    return old == null || table.column(old).isPresent()
        ? Optional.empty() : origin.column(old).map(Column::name);
  }

  /** Referenced tables first where there is such an order (rows of a cycle go in any order). */
  static List<Table> parentsFirst(DatabaseSchema schema) {
    List<Table> pending = new ArrayList<>(schema.tables());
    List<Table> out = new ArrayList<>();
    while (!pending.isEmpty()) {
      Table next = pending.stream()
          .filter(t -> t.foreignKeys().stream().map(ForeignKey::referencedTable)
              .filter(p -> !p.equalsIgnoreCase(t.name()))
              .noneMatch(p -> pending.stream().anyMatch(o -> o.name().equalsIgnoreCase(p))))
          .findFirst()
          .orElse(pending.get(0));
      out.add(next);
      pending.remove(next);
    }
    return out;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
