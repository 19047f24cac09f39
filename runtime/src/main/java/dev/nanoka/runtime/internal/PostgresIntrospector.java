package dev.nanoka.runtime.internal;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the live schema of a PostgreSQL database's schema {@code public} from {@code pg_catalog}
 * into the model the processor builds for PostgreSQL, so the one differ compares them: every
 * column a {@link LogicalType.Native} spelled as the processor and drizzle-kit's snapshots spell
 * it ({@code varchar(20)}, {@code numeric(12, 2)}, {@code serial}), defaults as the snapshot
 * reader reads them, enum types with their values in {@code pg_enum}'s order.
 *
 * <p>A column whose default is {@code nextval} of a sequence it owns is {@code serial} (its
 * integer type's serial) without a default, as {@code CREATE TABLE … serial} made it. Unique
 * constraints named {@code <table>_<column>_unique} are the column's own {@code unique};
 * other unique constraints and indexes are indexes. Other schemas ({@code drizzle}, where the
 * histories live) are not read. What the models cannot declare (expression indexes, check
 * constraints) is left out: the differ would not know what to do with it.
 */
public final class PostgresIntrospector {

  private static final Pattern CAST = Pattern.compile("^(.*)::[^':]+$", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern NEXTVAL =
      Pattern.compile("^nextval\\('(.+)'::regclass\\)$", Pattern.DOTALL);
  private static final Pattern NUMERIC = Pattern.compile("^numeric\\((\\d+),(\\d+)\\)$");

  private PostgresIntrospector() {}

  /** Schema {@code public}'s tables: one query per kind of catalog row, whatever their number. */
  private static final String PUBLIC_TABLES = "SELECT c.oid FROM pg_class c"
      + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
      + " AND c.relkind IN ('r', 'p') AND NOT c.relispartition";

  public static DatabaseSchema read(Connection connection) throws SQLException {
    Map<Long, String> tables = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT c.oid, c.relname"
        + " FROM pg_class c WHERE c.oid IN (" + PUBLIC_TABLES + ") ORDER BY c.oid");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        tables.put(rows.getLong(1), rows.getString(2));
      }
    }
    Map<Long, List<String>> enums = enums(connection);
    Map<Long, List<RawColumn>> columns = new HashMap<>();
    Map<Long, Map<Integer, String>> names = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT a.attrelid,"
        + " a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
        + " pg_get_expr(d.adbin, d.adrelid), t.typtype, t.typname, a.atttypid,"
        + " owned.refobjid IS NOT NULL"
        + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        // a sequence the column owns, as serial makes it: deptype 'a' from the sequence
        + " LEFT JOIN (SELECT DISTINCT dep.refobjid, dep.refobjsubid FROM pg_depend dep"
        + "   JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'"
        + "   WHERE dep.classid = 'pg_class'::regclass AND dep.deptype = 'a') owned"
        + "   ON owned.refobjid = a.attrelid AND owned.refobjsubid = a.attnum"
        + " WHERE a.attrelid IN (" + PUBLIC_TABLES + ") AND a.attnum > 0"
        + " AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        long table = rows.getLong(1);
        RawColumn column = new RawColumn(rows.getString(3), rows.getString(4),
            rows.getBoolean(5), rows.getString(6), "e".equals(rows.getString(7)),
            rows.getString(8), rows.getLong(9), rows.getBoolean(10));
        names.computeIfAbsent(table, k -> new HashMap<>()).put(rows.getInt(2), column.name);
        columns.computeIfAbsent(table, k -> new ArrayList<>()).add(column);
      }
    }
    Map<Long, List<RawConstraint>> constraints = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT conrelid, conname,"
        + " contype, conkey, confrelid, confkey, confupdtype, confdeltype, conindid"
        + " FROM pg_constraint WHERE conrelid IN (" + PUBLIC_TABLES + ")"
        + " ORDER BY conrelid, conname");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        constraints.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(
            new RawConstraint(rows.getString(2), rows.getString(3), numbers(rows.getArray(4)),
                rows.getLong(5), numbers(rows.getArray(6)), rows.getString(7),
                rows.getString(8), rows.getLong(9)));
      }
    }
    Map<Long, List<RawIndex>> indexes = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT i.indrelid,"
        + " c.relname, i.indisunique, i.indkey::int2[], i.indexrelid,"
        + " i.indexprs IS NULL AND i.indpred IS NULL FROM pg_index i"
        + " JOIN pg_class c ON c.oid = i.indexrelid"
        + " WHERE i.indrelid IN (" + PUBLIC_TABLES + ") AND NOT i.indisprimary"
        + " ORDER BY i.indrelid, c.relname");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        indexes.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new RawIndex(
            rows.getString(2), rows.getBoolean(3), numbers(rows.getArray(4)), rows.getLong(5),
            rows.getBoolean(6)));
      }
    }
    List<Table> out = new ArrayList<>();
    for (Map.Entry<Long, String> table : tables.entrySet()) {
      long oid = table.getKey();
      out.add(table(connection, table.getValue(), columns.getOrDefault(oid, List.of()),
          names.getOrDefault(oid, Map.of()), constraints.getOrDefault(oid, List.of()),
          indexes.getOrDefault(oid, List.of()), tables, names, enums));
    }
    return new DatabaseSchema(out);
  }

  /** Every enum type's values in their order, by the type's oid. */
  private static Map<Long, List<String>> enums(Connection connection) throws SQLException {
    Map<Long, List<String>> enums = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        enums.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    return enums;
  }

  private static Table table(Connection connection, String name, List<RawColumn> raw,
      Map<Integer, String> names, List<RawConstraint> constraints, List<RawIndex> rawIndexes,
      Map<Long, String> tables, Map<Long, Map<Integer, String>> allNames,
      Map<Long, List<String>> enums) throws SQLException {
    List<String> primaryKey = List.of();
    List<String> ownUnique = new ArrayList<>();
    List<TableIndex> indexes = new ArrayList<>();
    List<ForeignKey> keys = new ArrayList<>();
    List<Long> constraintIndexes = new ArrayList<>();
    for (RawConstraint constraint : constraints) {
      List<String> columns = columns(constraint.columns, names);
      constraintIndexes.add(constraint.index);
      switch (constraint.type) {
        case "p" -> primaryKey = columns;
        case "u" -> {
          if (columns.size() == 1
              && constraint.name.equals(name + "_" + columns.get(0) + "_unique")) {
            ownUnique.add(columns.get(0));
          } else {
            indexes.add(new TableIndex(constraint.name, columns, true));
          }
        }
        case "f" -> {
          Map<Integer, String> parentNames = allNames.get(constraint.parent);
          keys.add(new ForeignKey(constraint.name, columns,
              tables.getOrDefault(constraint.parent, String.valueOf(constraint.parent)),
              parentNames != null ? columns(constraint.parentColumns, parentNames)
                  : referenced(connection, constraint.parent, constraint.parentColumns),
              action(constraint.onUpdate), action(constraint.onDelete)));
        }
        default -> { } // check and exclusion constraints: the models declare none
      }
    }
    for (RawIndex index : rawIndexes) {
      if (constraintIndexes.contains(index.oid) || !index.plain) {
        continue; // a constraint's own index, or one on an expression or with a WHERE
      }
      indexes.add(new TableIndex(index.name, columns(index.columns, names), index.unique));
    }
    indexes.sort(Comparator.comparing(TableIndex::name));
    boolean singleKey = primaryKey.size() == 1;
    List<Column> columns = new ArrayList<>();
    for (RawColumn column : raw) {
      boolean key = singleKey && primaryKey.get(0).equals(column.name);
      String type = column.isEnum ? column.typeName : typeName(column.formatted);
      Optional<ColumnDefault> value = defaultValue(column.defaultSql, type);
      if (column.ownsSequence && column.defaultSql != null
          && NEXTVAL.matcher(column.defaultSql).matches() && serial(type) != null) {
        type = serial(type);
        value = Optional.empty();
      }
      LogicalType meaning = column.isEnum
          ? new LogicalType.EnumText(enums.getOrDefault(column.typeOid, List.of("?")))
          : meaning(type);
      columns.add(new Column(column.name, column.name, new LogicalType.Native(type, meaning),
          column.notNull, key, key && type.endsWith("serial"), ownUnique.contains(column.name),
          value));
    }
    return new Table(name, name, columns, singleKey ? List.of() : primaryKey, indexes, keys);
  }

  private record RawColumn(String name, String formatted, boolean notNull, String defaultSql,
      boolean isEnum, String typeName, long typeOid, boolean ownsSequence) {}

  private record RawConstraint(String name, String type, List<Integer> columns, long parent,
      List<Integer> parentColumns, String onUpdate, String onDelete, long index) {}

  private record RawIndex(String name, boolean unique, List<Integer> columns, long oid,
      boolean plain) {}

  private static List<Integer> numbers(Array array) throws SQLException {
    List<Integer> out = new ArrayList<>();
    if (array != null) {
      for (Object n : (Object[]) array.getArray()) {
        out.add(((Number) n).intValue());
      }
    }
    return out;
  }

  private static List<String> columns(List<Integer> numbers, Map<Integer, String> names) {
    return numbers.stream().map(n -> names.getOrDefault(n, "?")).toList();
  }

  /** The referenced columns of a table outside schema {@code public}. */
  private static List<String> referenced(Connection connection, long table,
      List<Integer> numbers)
      throws SQLException {
    Map<Integer, String> names = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT attnum, attname FROM pg_attribute WHERE attrelid = ? AND attnum > 0")) {
      statement.setLong(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          names.put(rows.getInt(1), rows.getString(2));
        }
      }
    }
    return columns(numbers, names);
  }

  /** {@code pg_constraint}'s action letters. */
  private static ForeignKey.Action action(String code) {
    return switch (code) {
      case "r" -> ForeignKey.Action.RESTRICT;
      case "c" -> ForeignKey.Action.CASCADE;
      case "n" -> ForeignKey.Action.SET_NULL;
      case "d" -> ForeignKey.Action.SET_DEFAULT;
      default -> ForeignKey.Action.NO_ACTION;
    };
  }

  /** {@code format_type}'s spelling as drizzle-kit's snapshots and the processor spell it. */
  static String typeName(String formatted) {
    if (formatted.startsWith("character varying")) {
      return "varchar" + formatted.substring("character varying".length());
    }
    if (formatted.startsWith("character(") || formatted.equals("character")) {
      return "char" + formatted.substring("character".length());
    }
    Matcher numeric = NUMERIC.matcher(formatted);
    if (numeric.matches()) {
      return "numeric(" + numeric.group(1) + ", " + numeric.group(2) + ")";
    }
    if (formatted.startsWith("timestamp") && formatted.endsWith("without time zone")) {
      return formatted.substring(0, formatted.length() - " without time zone".length());
    }
    return formatted;
  }

  private static String serial(String type) {
    return switch (type) {
      case "integer" -> "serial";
      case "bigint" -> "bigserial";
      case "smallint" -> "smallserial";
      default -> null;
    };
  }

  /** The application's view of a type, as the PostgreSQL snapshot reader gives it. */
  private static LogicalType meaning(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.equals("integer") || lower.equals("bigint") || lower.equals("smallint")
        || lower.endsWith("serial")) {
      return new LogicalType.Int();
    } else if (lower.equals("boolean")) {
      return new LogicalType.Bool();
    } else if (lower.startsWith("timestamp")) {
      return new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.MILLISECONDS);
    } else if (lower.equals("double precision") || lower.equals("real")) {
      return new LogicalType.Real();
    } else if (lower.startsWith("numeric")) {
      return new LogicalType.Numeric();
    } else if (lower.equals("jsonb") || lower.equals("json")) {
      return new LogicalType.Json("unknown");
    } else if (lower.equals("bytea")) {
      return new LogicalType.Blob();
    }
    return new LogicalType.Text();
  }

  /**
   * A default as the processor writes it: {@code 'x'::text} is the text {@code x}, a number
   * (PostgreSQL writes negative ones as {@code '-1'::integer}) a number, {@code true} a boolean,
   * a timestamp literal the instant (PostgreSQL shows it in the session's time zone), anything
   * else the expression as PostgreSQL prints it ({@code now()}, {@code gen_random_uuid()}).
   */
  static Optional<ColumnDefault> defaultValue(String sql, String type) {
    if (sql == null) {
      return Optional.empty();
    }
    String text = sql.strip();
    Matcher cast = CAST.matcher(text);
    String inner = cast.matches() ? cast.group(1) : text;
    if (inner.startsWith("(") && inner.endsWith(")") && cast.matches()) {
      inner = inner.substring(1, inner.length() - 1); // ('-1'::integer) seen on older servers
    }
    if (inner.equals("true") || inner.equals("false")) {
      return Optional.of(new ColumnDefault.Bool(Boolean.parseBoolean(inner)));
    }
    if (NUMBER.matcher(inner).matches()) {
      return Optional.of(new ColumnDefault.Number(inner));
    }
    if (inner.length() >= 2 && inner.startsWith("'") && inner.endsWith("'")
        && !inner.substring(1, inner.length() - 1).replace("''", "").contains("'")) {
      String value = inner.substring(1, inner.length() - 1).replace("''", "'");
      if (isNumberType(type) && NUMBER.matcher(value).matches()) {
        return Optional.of(new ColumnDefault.Number(value));
      }
      if (type.startsWith("timestamp")) {
        Optional<String> instant = instant(value);
        if (instant.isPresent()) {
          return Optional.of(new ColumnDefault.Text(instant.get()));
        }
      }
      return Optional.of(new ColumnDefault.Text(value));
    }
    return Optional.of(new ColumnDefault.Expression(text));
  }

  private static boolean isNumberType(String type) {
    return type.equals("integer") || type.equals("bigint") || type.equals("smallint")
        || type.startsWith("numeric") || type.equals("real") || type.equals("double precision");
  }

  /** {@code 2024-01-01 00:00:00+00} → {@code 2024-01-01T00:00:00Z}, as Instant prints it. */
  private static Optional<String> instant(String value) {
    String iso = value.replace(' ', 'T');
    Matcher shortOffset = Pattern.compile("([+-]\\d\\d)$").matcher(iso);
    if (shortOffset.find()) {
      iso = iso.substring(0, shortOffset.start()) + shortOffset.group(1) + ":00";
    }
    try {
      return Optional.of(OffsetDateTime.parse(iso).toInstant().toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
