package dev.nanoka.runtime.postgres;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random PostgreSQL schemas with edge-value rows, and random evolutions of them, all from one
 * seed. Every table keeps its {@code id serial} key (rows are compared by it); columns change
 * type only where PostgreSQL has a cast, so a failure is the data's, not a missing cast.
 */
public final class PostgresRandomSchemas {

  static final List<String> NUMBERS = List.of("smallint", "integer", "bigint", "real",
      "double precision", "numeric", "numeric(10, 2)");
  static final List<String> TEXTS = List.of("text", "varchar(5)", "varchar(40)");
  static final List<String> OTHERS = List.of("boolean", "uuid", "jsonb", "bytea",
      "timestamp with time zone", "ENUM");
  static final List<String> ENUM_VALUES = List.of("a", "b", "it's", "ü", "c d");

  private final Random rnd;
  private final String enumName;
  private int counter;

  public PostgresRandomSchemas(long seed) {
    this.rnd = new Random(seed);
    this.enumName = "mood_" + seed;
  }

  /** A random schema of 1 to 3 tables. */
  public DatabaseSchema schema() {
    List<Table> tables = new ArrayList<>();
    int count = 1 + rnd.nextInt(3);
    List<String> enumValues = randomEnum();
    for (int t = 0; t < count; t++) {
      String name = t == 1 ? "Tab \"" + t + "\" ü" : "t" + t;
      List<Column> columns = new ArrayList<>();
      columns.add(new Column("id", "id", PostgresSchemas.type("serial"), true, true, true,
          false, Optional.empty()));
      int n = 1 + rnd.nextInt(4);
      for (int c = 0; c < n; c++) {
        columns.add(randomColumn("c" + (counter++), enumValues));
      }
      List<ForeignKey> keys = new ArrayList<>();
      if (t > 0 && rnd.nextBoolean()) {
        String parent = tables.get(rnd.nextInt(tables.size())).name();
        columns.add(new Column("ref", "ref", PostgresSchemas.type("integer"), false, false,
            false, false, Optional.empty()));
        ForeignKey.Action[] actions = {ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE,
            ForeignKey.Action.SET_NULL};
        keys.add(new ForeignKey(ForeignKey.defaultName(name, List.of("ref"), parent,
            List.of("id")), List.of("ref"), parent, List.of("id"),
            actions[rnd.nextInt(3)], actions[rnd.nextInt(3)]));
      }
      List<TableIndex> indexes = new ArrayList<>();
      if (rnd.nextInt(3) == 0) {
        // unique only over a column whose rows get distinct values
        indexes.add(new TableIndex(name + "_i" + (counter++), List.of(columns.get(1).name()),
            rnd.nextBoolean() && columns.get(1).unique()));
      }
      tables.add(new Table(name, name, columns, List.of(), indexes, keys));
    }
    return new DatabaseSchema(tables);
  }

  private List<String> randomEnum() {
    List<String> values = new ArrayList<>();
    for (String v : ENUM_VALUES) {
      if (rnd.nextInt(3) > 0) {
        values.add(v);
      }
    }
    if (values.isEmpty()) {
      values.add("a");
    }
    return values;
  }

  private Column randomColumn(String name, List<String> enumValues) {
    String type = pick(rnd.nextInt(3) == 0 ? TEXTS : rnd.nextBoolean() ? NUMBERS : OTHERS);
    return column(name, type, enumValues, rnd.nextInt(3) == 0, rnd.nextInt(6) == 0);
  }

  private Column column(String name, String type, List<String> enumValues, boolean notNull,
      boolean unique) {
    LogicalType logical = type.equals("ENUM")
        ? PostgresSchemas.enumType(enumName, enumValues.toArray(String[]::new))
        : PostgresSchemas.type(type);
    Optional<ColumnDefault> value = rnd.nextBoolean() || notNull
        ? Optional.of(defaultFor(type, enumValues)) : Optional.empty();
    boolean canBeUnique = !type.equals("jsonb") && !type.equals("boolean");
    return new Column(name, name, logical, notNull, false, false, unique && canBeUnique,
        value);
  }

  private ColumnDefault defaultFor(String type, List<String> enumValues) {
    return switch (type) {
      case "smallint", "integer", "bigint" -> new ColumnDefault.Number(pick(List.of("0", "-1",
          "7")));
      case "real", "double precision", "numeric", "numeric(10, 2)" ->
          new ColumnDefault.Number(pick(List.of("0", "1.5", "-2.25")));
      case "boolean" -> new ColumnDefault.Bool(rnd.nextBoolean());
      case "uuid" -> new ColumnDefault.Expression("gen_random_uuid()");
      case "jsonb" -> new ColumnDefault.Text("{}");
      case "bytea" -> new ColumnDefault.Text("\\x00");
      case "timestamp with time zone" -> rnd.nextBoolean()
          ? new ColumnDefault.Expression("now()") : new ColumnDefault.Text("2024-01-02T03:04:05Z");
      case "ENUM" -> new ColumnDefault.Text(pick(enumValues));
      default -> new ColumnDefault.Text(pick(List.of("", "it's", "ü")));
    };
  }

  /** Edge values a column of the type can hold, as SQL literals PostgreSQL coerces. */
  static List<String> edgeValues(Column column) {
    if (column.type() instanceof LogicalType.Native n
        && n.meaning() instanceof LogicalType.EnumText e) {
      return e.values().stream().map(PostgresRandomSchemas::literal).toList();
    }
    String type = ((LogicalType.Native) column.type()).sql();
    List<String> values = switch (type) {
      case "smallint" -> List.of("-32768", "32767", "0", "1");
      case "integer" -> List.of("-2147483648", "2147483647", "0", "1");
      case "bigint" -> List.of("-9223372036854775808", "9223372036854775807", "5000000000");
      case "real" -> List.of("'NaN'", "'Infinity'", "1.1", "-0", "3.4e38", "0.5");
      case "double precision" -> List.of("'NaN'", "1e308", "-1e-300", "0.1", "2");
      case "numeric" -> List.of("123456789012345678901234567890.123456789", "-0.5", "'NaN'",
          "3");
      case "numeric(10, 2)" -> List.of("99999999.99", "-0.01", "1.50");
      case "boolean" -> List.of("true", "false");
      case "uuid" -> List.of("'00000000-0000-0000-0000-000000000000'",
          "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'");
      case "jsonb" -> List.of("'{}'", "'[1, \"a\"]'", "'\"str\"'", "'null'");
      case "bytea" -> List.of("'\\x'", "'\\x00ff'");
      case "timestamp with time zone" -> List.of("'1970-01-01T00:00:00Z'",
          "'9999-12-31T23:59:59Z'", "'2024-02-29T12:00:00+05:30'");
      case "varchar(5)" -> List.of("''", "'abcde'", "'ü'", "'42'", "'true'");
      case "varchar(40)" -> List.of("''", "'it''s'", "'ü日本'", "repeat('y', 40)", "'7'",
          "'a'");
      default -> List.of("''", "'it''s'", "'ü日本'", "'a' || chr(10) || 'b'",
          "repeat('x', 100)", "'42'", "'true'", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
          "'1.5'", "'b'", "'{}'");
    };
    return values;
  }

  /** INSERTs of rows of edge values (each table 0 to 4 rows; foreign keys to existing ids). */
  public List<String> rows(DatabaseSchema schema) {
    List<String> sql = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (Table table : schema.tables()) {
      int rows = rnd.nextInt(5);
      counts.add(rows);
      for (int r = 0; r < rows; r++) {
        int row = r;
        if (table.columns().stream().anyMatch(c -> c.unique() && c.notNull()
            && row >= edgeValues(c).size())) {
          counts.set(counts.size() - 1, r); // no distinct value left for a unique column
          break;
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column column : table.columns()) {
          if (column.name().equals("id")) {
            continue;
          }
          String value;
          if (column.name().equals("ref")) {
            String parent = table.foreignKeys().get(0).referencedTable();
            int parentRows = counts.get(schema.tables().indexOf(
                schema.table(parent).orElseThrow()));
            value = parentRows == 0 || rnd.nextInt(4) == 0 ? "NULL"
                : Integer.toString(1 + rnd.nextInt(parentRows));
          } else if (!column.notNull() && rnd.nextInt(4) == 0) {
            value = "NULL";
          } else if (column.unique()) {
            List<String> edge = edgeValues(column);
            value = r < edge.size() ? edge.get(r) : "NULL";
          } else {
            value = pick(edgeValues(column));
          }
          names.add(PostgresSchemasQuote.q(column.name()));
          values.add(value);
        }
        sql.add("INSERT INTO " + PostgresSchemasQuote.q(table.name())
            + (names.isEmpty() ? " DEFAULT VALUES" : " (" + String.join(", ", names)
                + ") VALUES (" + String.join(", ", values) + ")"));
      }
    }
    return sql;
  }

  /** 1 to 3 random changes a user could make to the models. */
  public DatabaseSchema evolve(DatabaseSchema schema) {
    List<Table> tables = new ArrayList<>(schema.tables());
    int ops = 1 + rnd.nextInt(3);
    List<String> enumValues = enumValues(schema).orElseGet(this::randomEnum);
    if (rnd.nextInt(4) == 0) { // the enum's values change: added, removed, reordered
      List<String> changed = new ArrayList<>(enumValues);
      int what = rnd.nextInt(3);
      if (what == 0 || changed.size() == 1) {
        ENUM_VALUES.stream().filter(v -> !changed.contains(v)).findFirst()
            .ifPresent(v -> changed.add(rnd.nextInt(changed.size() + 1), v));
      } else if (what == 1) {
        changed.remove(rnd.nextInt(changed.size()));
      } else {
        java.util.Collections.reverse(changed);
      }
      enumValues = changed;
      List<String> values = enumValues;
      tables.replaceAll(t -> withEnum(t, values));
    }
    for (int i = 0; i < ops && !tables.isEmpty(); i++) {
      int index = rnd.nextInt(tables.size());
      Table table = tables.get(index);
      List<Column> columns = new ArrayList<>(table.columns());
      List<TableIndex> indexes = new ArrayList<>(table.indexes());
      List<ForeignKey> keys = new ArrayList<>(table.foreignKeys());
      int op = rnd.nextInt(8);
      List<Integer> changeable = new ArrayList<>();
      for (int c = 1; c < columns.size(); c++) {
        if (!columns.get(c).name().equals("ref")) {
          changeable.add(c);
        }
      }
      if (op == 0 && tables.size() > 1 && index > 0) { // drop a table and keys to it
        String gone = table.name();
        tables.remove(index);
        tables.replaceAll(t -> new Table(t.name(), t.exportName(), t.columns(),
            t.compositePrimaryKey(), t.indexes(), t.foreignKeys().stream()
                .filter(k -> !k.referencedTable().equals(gone)).toList()));
        continue;
      } else if (op == 1) { // add a column
        columns.add(randomColumn("c" + (counter++), enumValues));
      } else if (op == 2 && !changeable.isEmpty()) { // drop a column (and its index)
        Column gone = columns.remove((int) pick(changeable));
        indexes.removeIf(x -> x.columns().contains(gone.name()));
      } else if (op == 3 && !changeable.isEmpty()) { // change a column's type
        int c = pick(changeable);
        Column old = columns.get(c);
        String to = castableFrom(typeName(old));
        Column now = column(old.name(), to, enumValues, old.notNull(), old.unique());
        columns.set(c, now);
        if (now.type() instanceof LogicalType.Native n && n.sql().equals("jsonb")
            || to.equals("boolean")) {
          indexes.removeIf(x -> x.columns().contains(old.name()));
        }
      } else if (op == 4 && !changeable.isEmpty()) { // nullability
        int c = pick(changeable);
        Column old = columns.get(c);
        Optional<ColumnDefault> value = old.notNull() ? old.defaultValue()
            : rnd.nextBoolean() ? old.defaultValue() : Optional.empty();
        columns.set(c, new Column(old.name(), old.name(), old.type(), !old.notNull(), false,
            false, old.unique(), value));
      } else if (op == 5 && !changeable.isEmpty()) { // a unique index or constraint
        Column on = columns.get(pick(changeable));
        if (!typeName(on).equals("jsonb") && !typeName(on).equals("boolean")) {
          indexes.removeIf(x -> x.columns().contains(on.name()));
          indexes.add(new TableIndex(table.name() + "_u" + (counter++), List.of(on.name()),
              true));
        }
      } else if (op == 6) { // a new table
        Table added = new Table("n" + (counter++), "n", List.of(
            new Column("id", "id", PostgresSchemas.type("serial"), true, true, true, false,
                Optional.empty()), randomColumn("c" + (counter++), enumValues)), List.of(),
            List.of(), List.of());
        tables.add(new Table(added.name(), added.name(), added.columns(), List.of(), List.of(),
            List.of()));
        continue;
      } else if (op == 7) { // indexes dropped
        indexes.clear();
      }
      tables.set(index, new Table(table.name(), table.name(), columns, List.of(), indexes,
          keys));
    }
    return new DatabaseSchema(tables);
  }

  private Table withEnum(Table t, List<String> values) {
    List<Column> columns = new ArrayList<>();
    for (Column c : t.columns()) {
      if (typeName(c).equals("ENUM")) {
        Optional<ColumnDefault> value = c.defaultValue().filter(d -> d instanceof
            ColumnDefault.Text text && values.contains(text.value()));
        if (c.notNull() && value.isEmpty()) {
          value = Optional.of(new ColumnDefault.Text(values.get(0)));
        }
        columns.add(new Column(c.name(), c.name(), PostgresSchemas.enumType(enumName,
            values.toArray(String[]::new)), c.notNull(), false, false, c.unique(), value));
      } else {
        columns.add(c);
      }
    }
    return new Table(t.name(), t.name(), columns, t.compositePrimaryKey(), t.indexes(),
        t.foreignKeys());
  }

  private Optional<List<String>> enumValues(DatabaseSchema schema) {
    for (Table t : schema.tables()) {
      for (Column c : t.columns()) {
        if (c.type() instanceof LogicalType.Native n
            && n.meaning() instanceof LogicalType.EnumText e) {
          return Optional.of(e.values());
        }
      }
    }
    return Optional.empty();
  }

  /** A type PostgreSQL can cast the column's type to. */
  private String castableFrom(String from) {
    List<String> to = new ArrayList<>(TEXTS);
    if (NUMBERS.contains(from)) {
      to.addAll(NUMBERS);
    }
    if (TEXTS.contains(from)) {
      to.addAll(NUMBERS);
      to.addAll(OTHERS);
    }
    if (from.equals("integer")) {
      to.add("boolean");
    }
    if (from.equals("boolean")) {
      to.add("integer");
    }
    to.remove(from);
    return pick(to);
  }

  static String typeName(Column column) {
    LogicalType.Native n = (LogicalType.Native) column.type();
    return n.meaning() instanceof LogicalType.EnumText ? "ENUM" : n.sql();
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private <T> T pick(List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }
}
