package dev.nanoka.processor.model;

import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.LogicalType.Timestamp.TimeUnit;
import dev.nanoka.processor.ModelMessages;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Maps a record component's Java type (and an optional {@code ColumnType} override) to a column
 * type. The table of what fits is here and in {@code dev.nanoka.ColumnType}'s documentation.
 */
public final class JavaTypeMapper {

  private static final Map<String, JavaScalar> DECLARED = Map.ofEntries(
      Map.entry("java.lang.String", JavaScalar.STRING),
      Map.entry("java.util.UUID", JavaScalar.UUID),
      Map.entry("java.lang.Byte", JavaScalar.BYTE),
      Map.entry("java.lang.Short", JavaScalar.SHORT),
      Map.entry("java.lang.Integer", JavaScalar.INT),
      Map.entry("java.lang.Long", JavaScalar.LONG),
      Map.entry("java.lang.Float", JavaScalar.FLOAT),
      Map.entry("java.lang.Double", JavaScalar.DOUBLE),
      Map.entry("java.lang.Boolean", JavaScalar.BOOLEAN),
      Map.entry("java.time.Instant", JavaScalar.INSTANT),
      Map.entry("java.math.BigDecimal", JavaScalar.BIG_DECIMAL));

  private final Types types;
  private final JsonTypeMapper json;

  public JavaTypeMapper(Types types, JsonTypeMapper json) {
    this.types = types;
    this.json = json;
  }

  /**
   * The mapping of a component.
   *
   * @param subject how messages name the component, e.g. {@code Post.status}
   * @param override the {@code ColumnType} constant written, {@code AUTO} for none
   * @param overrideAt where the override was written, for diagnostics
   * @param asJson whether {@code @Field(json = true)}
   */
  public ColumnMapping map(
      String subject, TypeMirror type, String override, AnnotationValue overrideAt, boolean asJson)
      throws InvalidModelException {
    String shown = types.erasure(type).toString();
    if (asJson) {
      String tsType = json.describe(subject, type);
      checkOverride(subject, shown, override, overrideAt, List.of("TEXT"));
      return new ColumnMapping(new LogicalType.Json(tsType), JavaScalar.JSON, shown);
    }
    JavaScalar scalar = classify(subject, type);
    LogicalType columnType = switch (scalar) {
      case STRING, UUID -> {
        checkOverride(subject, shown, override, overrideAt, List.of("TEXT"));
        yield new LogicalType.Text();
      }
      case ENUM -> {
        checkOverride(subject, shown, override, overrideAt, List.of("TEXT"));
        List<String> constants = enumConstants(type);
        if (constants.isEmpty()) {
          throw new InvalidModelException(ModelMessages.emptyEnum(subject, shown), null);
        }
        yield new LogicalType.EnumText(constants);
      }
      case BYTE, SHORT, INT, LONG -> {
        checkOverride(subject, shown, override, overrideAt, List.of("INTEGER"));
        yield new LogicalType.Int();
      }
      case FLOAT, DOUBLE -> {
        checkOverride(subject, shown, override, overrideAt, List.of("REAL"));
        yield new LogicalType.Real();
      }
      case BOOLEAN -> {
        checkOverride(subject, shown, override, overrideAt, List.of("INTEGER"));
        yield new LogicalType.Bool();
      }
      case INSTANT -> {
        checkOverride(subject, shown, override, overrideAt, List.of("TIMESTAMP_MS", "TIMESTAMP"));
        yield new LogicalType.Timestamp(
            override.equals("TIMESTAMP") ? TimeUnit.SECONDS : TimeUnit.MILLISECONDS);
      }
      case BIG_DECIMAL -> {
        // TEXT by default: SQLite's numeric affinity turns 1.10 into 1.1 and keeps only 15
        // significant digits, which is not what anyone storing a BigDecimal wants.
        checkOverride(subject, shown, override, overrideAt, List.of("TEXT", "NUMERIC"));
        yield override.equals("NUMERIC") ? new LogicalType.Numeric() : new LogicalType.Text();
      }
      case BYTES -> {
        checkOverride(subject, shown, override, overrideAt, List.of("BLOB"));
        yield new LogicalType.Blob();
      }
      case JSON -> throw new IllegalStateException("JSON is only chosen by @Field(json = true)");
    };
    return new ColumnMapping(columnType, scalar, shown);
  }

  private JavaScalar classify(String subject, TypeMirror type) throws InvalidModelException {
    switch (type.getKind()) {
      case BYTE: return JavaScalar.BYTE;
      case SHORT: return JavaScalar.SHORT;
      case INT: return JavaScalar.INT;
      case LONG: return JavaScalar.LONG;
      case FLOAT: return JavaScalar.FLOAT;
      case DOUBLE: return JavaScalar.DOUBLE;
      case BOOLEAN: return JavaScalar.BOOLEAN;
      case ARRAY:
        if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
          return JavaScalar.BYTES;
        }
        throw new InvalidModelException(ModelMessages.needsJson(subject, type.toString()), null);
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        JavaScalar known = DECLARED.get(element.getQualifiedName().toString());
        if (known != null) {
          return known;
        }
        if (element.getKind() == ElementKind.ENUM) {
          return JavaScalar.ENUM;
        }
        if (element.getKind() == ElementKind.RECORD || isContainer(type)) {
          throw new InvalidModelException(ModelMessages.needsJson(subject, type.toString()), null);
        }
        throw new InvalidModelException(
            ModelMessages.unsupportedType(subject, type.toString()), null);
      default:
        throw new InvalidModelException(
            ModelMessages.unsupportedType(subject, type.toString()), null);
    }
  }

  private boolean isContainer(TypeMirror type) {
    String erased = types.erasure(type).toString();
    return erased.startsWith("java.util.") && (erased.endsWith("List") || erased.endsWith("Set")
        || erased.endsWith("Map") || erased.endsWith("Collection"));
  }

  private static List<String> enumConstants(TypeMirror type) {
    return EnumConstants.of((TypeElement) ((DeclaredType) type).asElement());
  }

  private static void checkOverride(
      String subject, String javaType, String override, AnnotationValue at, List<String> allowed)
      throws InvalidModelException {
    if (!override.equals("AUTO") && !allowed.contains(override)) {
      throw new InvalidModelException(
          ModelMessages.typeOverrideMismatch(override, subject, javaType, allowed), at);
    }
  }
}
