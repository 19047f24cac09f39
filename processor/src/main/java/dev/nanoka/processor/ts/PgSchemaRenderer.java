package dev.nanoka.processor.ts;

import static dev.nanoka.processor.ts.TableReferences.columnRefs;


import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.sql.postgres.EnumTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a PostgreSQL schema as a Drizzle ORM schema file for {@code drizzle-orm/pg-core}, in
 * the style drizzle-kit users write: {@code pgEnum}s first, one {@code pgTable} per model, the
 * column chain in Drizzle's order, {@code defaultNow()} and {@code defaultRandom()} for the
 * database's own defaults. Relations are the SQLite schema's ({@link RelationsRenderer}).
 *
 * <p>{@code bigint} and {@code bigserial} use {@code mode: 'number'} (a Java long beyond 2^53
 * loses digits as a JavaScript number); timestamps are {@code timestamp with time zone} in
 * {@code mode: 'date'}; {@code bytea}, which pg-core lacks, is a {@code customType}.
 */
public final class PgSchemaRenderer {

  private PgSchemaRenderer() {}

  /** The file's text; see {@link DrizzleSchemaRenderer#render} for the parameters. */
  public static String render(
      DatabaseSchema schema, List<String> typeDeclarations, String origin, boolean relations) {
    TsImports imports = new TsImports();
    imports.usePg("pgTable");
    List<String> blocks = new ArrayList<>();
    boolean bytea = schema.tables().stream().flatMap(t -> t.columns().stream())
        .anyMatch(c -> nativeType(c).equals("bytea"));
    if (bytea) {
      blocks.add("const bytea = " + imports.usePg("customType")
          + "<{ data: Uint8Array; driverData: Uint8Array }>({\n"
          + "  dataType() {\n    return 'bytea'\n  },\n})");
    }
    for (Map.Entry<String, List<String>> e : EnumTypes.of(schema).values().entrySet()) {
      blocks.add("export const " + enumConst(e.getKey()) + " = " + imports.usePg("pgEnum") + "("
          + TsText.quote(e.getKey()) + ", ["
          + e.getValue().stream().map(TsText::quote).collect(Collectors.joining(", ")) + "])");
    }
    blocks.addAll(typeDeclarations);
    for (Table table : schema.tables()) {
      blocks.add(renderTable(schema, table, imports));
    }
    if (relations) {
      blocks.addAll(RelationsRenderer.render(schema, imports));
    }
    return DrizzleSchemaRenderer.file(origin, imports, blocks);
  }

  /** {@code post_status} → {@code postStatusEnum}: apart from the tables' export names. */
  static String enumConst(String typeName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : typeName.toCharArray()) {
      if (c == '_' || !Character.isLetterOrDigit(c)) {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out + "Enum";
  }

  private static String renderTable(DatabaseSchema schema, Table table, TsImports imports) {
    StringBuilder out = new StringBuilder();
    out.append("export const ").append(table.exportName()).append(" = pgTable(")
        .append(TsText.quote(table.name())).append(", {\n");
    for (Column column : table.columns()) {
      out.append("  ").append(column.property()).append(": ")
          .append(renderColumn(schema, table, column, imports)).append(",\n");
    }
    out.append('}');
    List<String> extras = renderExtras(schema, table, imports);
    if (!extras.isEmpty()) {
      out.append(", (t) => [\n");
      extras.forEach(e -> out.append("  ").append(e).append(",\n"));
      out.append(']');
    }
    return out.append(')').toString();
  }

  private static String renderColumn(
      DatabaseSchema schema, Table table, Column column, TsImports imports) {
    StringBuilder out = new StringBuilder(builder(column, imports));
    if (column.primaryKey() && table.compositePrimaryKey().isEmpty()) {
      out.append(".primaryKey()");
    }
    if (column.notNull()) {
      out.append(".notNull()");
    }
    if (column.unique()) {
      out.append(".unique()");
    }
    column.defaultValue().ifPresent(d -> out.append(renderDefault(column, d, imports)));
    table.foreignKeys().stream()
        .filter(fk -> fk.columns().size() == 1 && fk.columns().get(0).equals(column.name()))
        .findFirst()
        .ifPresent(fk -> out.append(TableReferences.reference(schema, table, fk,
            () -> imports.usePg("type AnyPgColumn"))));
    return out.toString();
  }

  private static String nativeType(Column column) {
    if (column.type() instanceof LogicalType.Native n) {
      return n.sql();
    }
    throw new IllegalArgumentException("column " + column.name() + " has no PostgreSQL type");
  }

  private static String builder(Column column, TsImports imports) {
    String name = TsText.quote(column.name());
    LogicalType.Native type = (LogicalType.Native) column.type();
    if (type.meaning() instanceof LogicalType.EnumText) {
      return enumConst(type.sql()) + "(" + name + ")";
    }
    java.util.regex.Matcher varchar =
        java.util.regex.Pattern.compile("varchar\\((\\d+)\\)").matcher(type.sql());
    if (varchar.matches()) {
      return imports.usePg("varchar") + "(" + name + ", { length: " + varchar.group(1) + " })";
    }
    java.util.regex.Matcher numeric = java.util.regex.Pattern
        .compile("numeric\\((\\d+), (\\d+)\\)").matcher(type.sql());
    if (numeric.matches()) {
      return imports.usePg("numeric") + "(" + name + ", { precision: " + numeric.group(1)
          + ", scale: " + numeric.group(2) + " })";
    }
    return switch (type.sql()) {
      case "text" -> imports.usePg("text") + "(" + name + ")";
      case "uuid" -> imports.usePg("uuid") + "(" + name + ")";
      case "smallint" -> imports.usePg("smallint") + "(" + name + ")";
      case "integer" -> imports.usePg("integer") + "(" + name + ")";
      case "bigint" -> imports.usePg("bigint") + "(" + name + ", { mode: 'number' })";
      case "serial" -> imports.usePg("serial") + "(" + name + ")";
      case "bigserial" -> imports.usePg("bigserial") + "(" + name + ", { mode: 'number' })";
      case "real" -> imports.usePg("real") + "(" + name + ")";
      case "double precision" -> imports.usePg("doublePrecision") + "(" + name + ")";
      case "boolean" -> imports.usePg("boolean") + "(" + name + ")";
      case "timestamp with time zone" -> imports.usePg("timestamp") + "(" + name
          + ", { withTimezone: true, mode: 'date' })";
      case "numeric" -> imports.usePg("numeric") + "(" + name + ")";
      case "bytea" -> "bytea(" + name + ")";
      case "jsonb" -> imports.usePg("jsonb") + "(" + name + ").$type<"
          + ((LogicalType.Json) type.meaning()).tsType() + ">()";
      default -> throw new IllegalArgumentException("unknown PostgreSQL type " + type.sql());
    };
  }

  private static String renderDefault(Column column, ColumnDefault value, TsImports imports) {
    if (value instanceof ColumnDefault.Text text && nativeType(column).startsWith("timestamp")) {
      // mode 'date' takes a Date, whose default drizzle-kit would write in its own format: the
      // literal goes in as SQL, as the snapshot has it
      return ".default(" + sqlTemplate(text.sql().orElseThrow(), imports) + ")";
    } else if (value instanceof ColumnDefault.Text text) {
      return ".default(" + TsText.quote(text.value()) + ")";
    } else if (value instanceof ColumnDefault.Number number) {
      return ".default(" + number.literal() + ")";
    } else if (value instanceof ColumnDefault.Bool bool) {
      return ".default(" + bool.value() + ")";
    } else if (value instanceof ColumnDefault.Expression expression) {
      return switch (expression.sqlText()) {
        case "now()" -> ".defaultNow()";
        case "gen_random_uuid()" -> ".defaultRandom()";
        default -> ".default(" + sqlTemplate(expression.sqlText(), imports) + ")";
      };
    } else if (value instanceof ColumnDefault.ClientFunction function) {
      return ".$defaultFn(() => " + function.typescript() + ")";
    }
    throw new IllegalArgumentException("unknown default " + value);
  }

  private static String sqlTemplate(String sqlText, TsImports imports) {
    String escaped = sqlText.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${");
    return imports.useSql() + "`" + escaped + "`";
  }

  private static List<String> renderExtras(DatabaseSchema schema, Table table, TsImports imports) {
    List<String> extras = new ArrayList<>();
    if (!table.compositePrimaryKey().isEmpty()) {
      extras.add(imports.usePg("primaryKey") + "({ columns: ["
          + columnRefs(table, table.compositePrimaryKey()) + "] })");
    }
    for (TableIndex index : table.indexes()) {
      extras.add(imports.usePg(index.unique() ? "uniqueIndex" : "index") + "("
          + TsText.quote(index.name()) + ").on(" + columnRefs(table, index.columns()) + ")");
    }
    for (ForeignKey key : table.foreignKeys()) {
      if (key.columns().size() > 1) {
        extras.add(TableReferences.foreignKey(imports.usePg("foreignKey"), schema, table, key));
      }
    }
    return extras;
  }

}
