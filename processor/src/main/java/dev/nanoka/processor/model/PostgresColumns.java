package dev.nanoka.processor.model;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.processor.Diagnostics;
import dev.nanoka.processor.ModelMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * The PostgreSQL dialect's reading of the models: the schema as read for SQLite (which tells
 * only affinities apart) with every column given its PostgreSQL type, chosen from the Java type
 * the column was read from. The SQLite reading is left exactly as it was, so SQLite schemas,
 * snapshots and goldens cannot change with this class.
 *
 * <table>
 *   <caption>Java types and their PostgreSQL columns</caption>
 *   <tr><th>Java</th><th>column</th></tr>
 *   <tr><td>String</td><td>text</td></tr>
 *   <tr><td>UUID</td><td>uuid ({@code RANDOM_UUID}: {@code DEFAULT gen_random_uuid()})</td></tr>
 *   <tr><td>byte, short / int / long</td><td>smallint / integer / bigint; with
 *       {@code autoIncrement}: serial / serial / bigserial</td></tr>
 *   <tr><td>float / double</td><td>real / double precision</td></tr>
 *   <tr><td>boolean</td><td>boolean</td></tr>
 *   <tr><td>Instant</td><td>timestamp with time zone ({@code NOW}: {@code DEFAULT now()})</td></tr>
 *   <tr><td>BigDecimal</td><td>numeric</td></tr>
 *   <tr><td>byte[]</td><td>bytea</td></tr>
 *   <tr><td>enum</td><td>a {@code pgEnum} named after the enum in snake_case</td></tr>
 *   <tr><td>{@code json = true}</td><td>jsonb</td></tr>
 * </table>
 */
public final class PostgresColumns {

  private PostgresColumns() {}

  /**
   * The schema with PostgreSQL's column types and defaults; empty when two enums would be one
   * PostgreSQL type with different values (reported at the second one's component).
   */
  public static Optional<AssembledSchema> convert(AssembledSchema schema,
      List<ModelDefinition> models, Diagnostics diagnostics) {
    Map<String, ColumnDefinition> enumOwners = new HashMap<>();
    boolean clash = false;
    for (ModelDefinition model : models) {
      for (ColumnDefinition column : model.columns()) {
        if (column.mapping().scalar() != JavaScalar.ENUM) {
          continue;
        }
        String name = enumTypeName(column);
        ColumnDefinition owner = enumOwners.putIfAbsent(name, column);
        if (owner != null && !((LogicalType.EnumText) owner.column().type()).values()
            .equals(((LogicalType.EnumText) column.column().type()).values())) {
          clash = true;
          diagnostics.error(column.element(), ModelMessages.postgresEnumClash(
              model.simpleName() + "." + column.column().property(), column.mapping().javaType(),
              name, owner.element().getEnclosingElement().getSimpleName() + "."
                  + owner.column().property(), owner.mapping().javaType()));
        }
      }
    }
    boolean invalid = false;
    for (ModelDefinition model : models) {
      for (ColumnDefinition column : model.columns()) {
        invalid |= !checkParameters(model, column, diagnostics);
        invalid |= !checkOnRowUpdate(model, column, diagnostics);
      }
    }
    return clash || invalid ? Optional.empty() : Optional.of(convert(schema, models));
  }

  /**
   * {@code onRowUpdate} is written as a SQLite trigger; PostgreSQL's needs a trigger function,
   * which neither the renderer, the snapshot nor the runtime's introspection knows yet. Refused
   * rather than left out: schema.ts would say the column moves while other clients' updates
   * would not move it.
   */
  private static boolean checkOnRowUpdate(ModelDefinition model, ColumnDefinition column,
      Diagnostics diagnostics) {
    if (column.column().onRowUpdate().isEmpty()) {
      return true;
    }
    AnnotationView field = column.field().orElseThrow();
    diagnostics.error(column.element(), field.mirror(), field.written("onRowUpdate"),
        ModelMessages.onRowUpdateInvalid("NOW", model.simpleName() + "."
            + column.column().property(), "PostgreSQL schemas have no update trigger yet",
            "Remove onRowUpdate and set the column in application code (in Drizzle,"
                + " `.$onUpdate(() => new Date())`), or keep the model in a SQLite schema."));
    return false;
  }

  /** {@code length}, {@code precision} and {@code scale} fit the column; reported if not. */
  private static boolean checkParameters(ModelDefinition model, ColumnDefinition column,
      Diagnostics diagnostics) {
    if (column.field().isEmpty()) {
      return true;
    }
    AnnotationView field = column.field().get();
    String subject = model.simpleName() + "." + column.column().property();
    JavaScalar scalar = column.mapping().scalar();
    int length = field.integer("length");
    int precision = field.integer("precision");
    int scale = field.integer("scale");
    String problem = null;
    String instead = null;
    String at = null;
    if (length != 0 && (scalar != JavaScalar.STRING || length < 0)) {
      at = "length";
      problem = length < 0 ? "length = " + length + " is negative"
          : "length is for String columns (varchar), not " + column.mapping().javaType();
      instead = "Remove length, or give a positive length to a String.";
    } else if ((precision != 0 || scale != 0) && scalar != JavaScalar.BIG_DECIMAL) {
      at = precision != 0 ? "precision" : "scale";
      problem = "precision and scale are for BigDecimal columns (numeric), not "
          + column.mapping().javaType();
      instead = "Remove them.";
    } else if (precision < 0 || precision > 1000 || scale < 0 || scale > precision) {
      at = precision < 0 || precision > 1000 ? "precision" : "scale";
      problem = "numeric(" + precision + ", " + scale + ") is not a PostgreSQL type: precision"
          + " is 1 to 1000 and scale 0 to precision";
      instead = "For example @Field(precision = 12, scale = 2).";
    }
    if (problem == null) {
      return true;
    }
    diagnostics.error(column.element(), field.mirror(), field.written(at),
        ModelMessages.typeParameterInvalid(subject, problem, instead));
    return false;
  }

  static AssembledSchema convert(AssembledSchema schema, List<ModelDefinition> models) {
    Map<String, ModelDefinition> byTable = new HashMap<>();
    models.forEach(m -> byTable.put(m.tableName(), m));
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.schema().tables()) {
      ModelDefinition model = byTable.get(table.name());
      List<Column> columns = new ArrayList<>();
      for (Column column : table.columns()) {
        ColumnDefinition definition = model.columns().stream()
            .filter(c -> c.column().name().equals(column.name())).findFirst().orElseThrow();
        columns.add(convert(column, definition));
      }
      tables.add(new Table(table.name(), table.exportName(), columns,
          table.compositePrimaryKey(), table.indexes(), table.foreignKeys()));
    }
    return new AssembledSchema(new DatabaseSchema(tables), schema.renameHints());
  }

  private static Column convert(Column column, ColumnDefinition definition) {
    JavaScalar scalar = definition.mapping().scalar();
    LogicalType meaning = column.type();
    String sql = switch (scalar) {
      case STRING -> parameter(definition, "length") > 0
          ? "varchar(" + parameter(definition, "length") + ")" : "text";
      case UUID -> "uuid";
      case BYTE, SHORT -> column.autoIncrement() ? "serial" : "smallint";
      case INT -> column.autoIncrement() ? "serial" : "integer";
      case LONG -> column.autoIncrement() ? "bigserial" : "bigint";
      case FLOAT -> "real";
      case DOUBLE -> "double precision";
      case BOOLEAN -> "boolean";
      case INSTANT -> "timestamp with time zone";
      case BIG_DECIMAL -> parameter(definition, "precision") == 0 ? "numeric"
          : "numeric(" + parameter(definition, "precision") + ", "
              + parameter(definition, "scale") + ")";
      case BYTES -> "bytea";
      case JSON -> "jsonb";
      case ENUM -> enumTypeName(definition);
    };
    if (scalar == JavaScalar.BIG_DECIMAL) {
      meaning = new LogicalType.Numeric(); // SQLite's reading is text; the value is a number here
    }
    return new Column(column.name(), column.property(), new LogicalType.Native(sql, meaning),
        column.notNull(), column.primaryKey(), column.autoIncrement(), column.unique(),
        column.defaultValue().map(d -> convertDefault(d, scalar,
            column.type() instanceof LogicalType.Timestamp t
                && t.unit() == LogicalType.Timestamp.TimeUnit.SECONDS)));
  }

  /**
   * SQLite's defaults said in PostgreSQL: the current time is {@code now()}, a random UUID the
   * database's own {@code gen_random_uuid()}, an instant the timestamp literal.
   */
  private static ColumnDefault convertDefault(ColumnDefault value, JavaScalar scalar,
      boolean seconds) {
    if (scalar == JavaScalar.INSTANT) {
      if (value instanceof ColumnDefault.Expression) {
        return new ColumnDefault.Expression("now()");
      }
      if (value instanceof ColumnDefault.Number number) {
        // the SQLite reading is Unix time in milliseconds (or seconds for TIMESTAMP, which
        // PostgreSQL does not tell apart: it stores microseconds either way)
        long epoch = Long.parseLong(number.literal());
        return new ColumnDefault.Text((seconds ? Instant.ofEpochSecond(epoch)
            : Instant.ofEpochMilli(epoch)).toString());
      }
    }
    if (scalar == JavaScalar.UUID && value instanceof ColumnDefault.ClientFunction) {
      return new ColumnDefault.Expression("gen_random_uuid()");
    }
    return value;
  }

  private static int parameter(ColumnDefinition definition, String name) {
    return definition.field().map(f -> f.integer(name)).orElse(0);
  }

  /** {@code PostStatus} → {@code post_status}; a nested enum is named by its own name. */
  static String enumTypeName(ColumnDefinition definition) {
    var type = definition.element().asType();
    String simple = type.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) type).asElement().getSimpleName().toString() : type.toString();
    return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** The dialect named by {@code @Schema(dialect)}: the constant's name. */
  public static boolean isPostgres(Optional<AnnotationView> schema) {
    return schema.map(s -> s.enumConstant("dialect").equals("POSTGRESQL")).orElse(false);
  }
}
