package dev.nanoka.core.sql.postgres;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Single PostgreSQL statements, spelled as drizzle-kit 0.31 spells them: double-quoted names, one
 * tab of indent, column clauses in the order {@code type PRIMARY KEY DEFAULT … NOT NULL},
 * constraints named as drizzle-kit names them and foreign keys added after the tables.
 */
public final class PostgresDdl {

  /** The schema drizzle-kit qualifies enum types and referenced tables with. */
  static final String SCHEMA = "public";

  private PostgresDdl() {}

  /** {@code "name"}, with embedded double quotes doubled. */
  public static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * The column's type as a DDL clause: enum types quoted and schema-qualified as drizzle-kit
   * writes them in ALTERs, built-in types as their names.
   */
  public static String typeSql(Column column) {
    if (column.type() instanceof LogicalType.Native n && n.meaning() instanceof LogicalType.EnumText) {
      return quote(SCHEMA) + "." + quote(n.sql());
    }
    return nativeType(column.type());
  }

  /** The type's PostgreSQL name; a column that is not native gets the nearest built-in type. */
  static String nativeType(LogicalType type) {
    if (type instanceof LogicalType.Native n) {
      return n.sql();
    }
    return switch (type.sqlType()) {
      case INTEGER -> type instanceof LogicalType.Bool ? "boolean" : "integer";
      case REAL -> "double precision";
      case NUMERIC -> "numeric";
      case BLOB -> "bytea";
      case TEXT -> type instanceof LogicalType.Json ? "jsonb" : "text";
    };
  }

  static boolean isEnum(Column column) {
    return column.type() instanceof LogicalType.Native n
        && n.meaning() instanceof LogicalType.EnumText;
  }

  /** The default as SQL text; empty when the client computes it. */
  static Optional<String> defaultSql(Column column) {
    return column.defaultValue().flatMap(ColumnDefault::sql);
  }

  /** {@code CREATE TABLE} with columns, key and unique constraints; foreign keys come later. */
  public static String createTable(Table table) {
    StringBuilder out = new StringBuilder("CREATE TABLE ").append(quote(table.name()))
        .append(" (\n");
    out.append(table.columns().stream().map(c -> "\t" + columnDefinition(table, c))
        .collect(Collectors.joining(",\n")));
    if (!table.compositePrimaryKey().isEmpty()) {
      out.append(",\n\tCONSTRAINT ").append(quote(compositeKeyName(table)))
          .append(" PRIMARY KEY(").append(names(table.compositePrimaryKey())).append(')');
    }
    for (Column column : table.columns()) {
      if (column.unique()) {
        out.append(",\n\tCONSTRAINT ").append(quote(uniqueName(table, column)))
            .append(" UNIQUE(").append(quote(column.name())).append(')');
      }
    }
    return out.append("\n);\n").toString();
  }

  /** {@code "c" type PRIMARY KEY DEFAULT … NOT NULL}, clauses as they apply. */
  static String columnDefinition(Table table, Column column) {
    // drizzle-kit writes an enum column's type unqualified in CREATE TABLE, qualified elsewhere
    StringBuilder out = new StringBuilder(quote(column.name())).append(' ')
        .append(isEnum(column) ? quote(((LogicalType.Native) column.type()).sql())
            : nativeType(column.type()));
    if (column.primaryKey() && table.compositePrimaryKey().isEmpty()) {
      out.append(" PRIMARY KEY");
    }
    defaultSql(column).ifPresent(d -> out.append(" DEFAULT ").append(d));
    if (column.notNull()) {
      out.append(" NOT NULL");
    }
    return out.toString();
  }

  /** drizzle-kit's name for a composite key: {@code <table>_<cols>_pk}. */
  public static String compositeKeyName(Table table) {
    return table.name() + "_" + String.join("_", table.compositePrimaryKey()) + "_pk";
  }

  /** drizzle-kit's name for a column's unique constraint: {@code <table>_<column>_unique}. */
  public static String uniqueName(Table table, Column column) {
    return table.name() + "_" + column.name() + "_unique";
  }

  /** Whether the index is the unique constraint of a unique column (see {@code EffectiveIndexes}). */
  static boolean isUniqueConstraint(Table table, TableIndex index) {
    return index.unique() && index.columns().size() == 1
        && table.column(index.columns().get(0))
            .map(c -> c.unique() && uniqueName(table, c).equalsIgnoreCase(index.name()))
            .orElse(false);
  }

  static String addForeignKey(String table, ForeignKey key) {
    return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(key.name())
        + " FOREIGN KEY (" + names(key.columns()) + ") REFERENCES " + quote(SCHEMA) + "."
        + quote(key.referencedTable()) + "(" + names(key.referencedColumns()) + ") ON DELETE "
        + key.onDelete().sql() + " ON UPDATE " + key.onUpdate().sql() + ";";
  }

  static String dropConstraint(String table, String constraint) {
    return "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(constraint) + ";";
  }

  static String fillNulls(String table, String column, String value) {
    return "UPDATE " + quote(table) + " SET " + quote(column) + " = " + value + " WHERE "
        + quote(column) + " IS NULL;";
  }

  static String renameConstraint(String table, String from, String to) {
    return "ALTER TABLE " + quote(table) + " RENAME CONSTRAINT " + quote(from) + " TO "
        + quote(to) + ";";
  }

  static String addUnique(String table, String constraint, List<String> columns) {
    return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(constraint) + " UNIQUE("
        + names(columns) + ");";
  }

  static String addPrimaryKey(Table table) {
    if (!table.compositePrimaryKey().isEmpty()) {
      return "ALTER TABLE " + quote(table.name()) + " ADD CONSTRAINT "
          + quote(compositeKeyName(table)) + " PRIMARY KEY(" + names(table.compositePrimaryKey())
          + ");";
    }
    return "ALTER TABLE " + quote(table.name()) + " ADD PRIMARY KEY (" + names(table.primaryKey())
        + ");";
  }

  static String createIndex(String table, TableIndex index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name())
        + " ON " + quote(table) + " USING btree (" + names(index.columns()) + ");";
  }

  static String dropIndex(String index) {
    return "DROP INDEX " + quote(index) + ";";
  }

  /** CASCADE, as drizzle-kit: other tables' foreign keys to it go with it (their rows stay). */
  static String dropTable(String table) {
    return "DROP TABLE " + quote(table) + " CASCADE;";
  }

  static String renameTable(String from, String to) {
    return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to) + ";";
  }

  static String renameColumn(String table, String from, String to) {
    return "ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to)
        + ";";
  }

  static String addColumn(Table table, Column column) {
    return "ALTER TABLE " + quote(table.name()) + " ADD COLUMN "
        + columnDefinition(table, column) + ";";
  }

  static String dropColumn(String table, String column) {
    return "ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column) + ";";
  }

  static String alterColumn(String table, String column, String clause) {
    return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " " + clause + ";";
  }

  /**
   * {@code SET DATA TYPE t USING "c"::t}. An enum on either side casts through text: PostgreSQL
   * has no cast from an enum to another type, nor to an enum from anything but text.
   */
  static String setType(String table, Column from, Column to) {
    String target = typeSql(to);
    String cast = quote(to.name()) + (isEnum(from) || isEnum(to) ? "::text" : "") + "::" + target;
    return alterColumn(table, to.name(), "SET DATA TYPE " + target + " USING " + cast);
  }

  static String createEnum(String name, List<String> values) {
    return "CREATE TYPE " + quote(SCHEMA) + "." + quote(name) + " AS ENUM(" + values.stream()
        .map(PostgresDdl::literal).collect(Collectors.joining(", ")) + ");";
  }

  static String addEnumValue(String name, String value, Optional<String> before) {
    return "ALTER TYPE " + quote(SCHEMA) + "." + quote(name) + " ADD VALUE " + literal(value)
        + before.map(b -> " BEFORE " + literal(b)).orElse("") + ";";
  }

  static String dropEnum(String name) {
    return "DROP TYPE " + quote(SCHEMA) + "." + quote(name) + ";";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String names(List<String> names) {
    return names.stream().map(PostgresDdl::quote).collect(Collectors.joining(","));
  }
}
