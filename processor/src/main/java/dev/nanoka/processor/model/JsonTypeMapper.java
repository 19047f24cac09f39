package dev.nanoka.processor.model;

import dev.nanoka.processor.ModelMessages;
import dev.nanoka.processor.ts.TsText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Describes a Java type as the TypeScript type of its JSON form, the way Jackson writes it by
 * default for records: records become named object types (declared once per schema.ts),
 * collections and arrays become {@code T[]}, maps with text keys {@code Record<string, V>},
 * enums a union of their names, numbers {@code number}, and java.time values {@code string}
 * (ISO-8601 text).
 */
public final class JsonTypeMapper {

  private static final Set<String> NUMBERS = Set.of(
      "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
      "java.lang.Float", "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger");
  private static final Set<String> STRINGS = Set.of(
      "java.lang.String", "java.lang.Character", "java.lang.CharSequence", "java.util.UUID",
      "java.net.URI");

  /** Type names schema.ts refers to; a record alias of that name would shadow them. */
  private static final Set<String> TS_TYPES_USED = Set.of("Record", "AnySQLiteColumn");

  private final Types types;
  private final Elements elements;
  /** Alias name → declaration, sorted so schema.ts lists them in a fixed order. */
  private final Map<String, String> declarations = new TreeMap<>();
  /** Record qualified name → alias name. */
  private final Map<String, String> aliases = new HashMap<>();

  public JsonTypeMapper(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The TypeScript type of the JSON form of {@code type}, declaring record types as needed. */
  public String describe(String subject, TypeMirror type) throws InvalidModelException {
    return describe(subject, type, subject);
  }

  /** The type declarations collected so far, e.g. {@code export type Address = {...}}, by name. */
  public List<String> declarations() {
    return List.copyOf(declarations.values());
  }

  private String describe(String subject, TypeMirror type, String path)
      throws InvalidModelException {
    switch (type.getKind()) {
      case BOOLEAN:
        return "boolean";
      case BYTE: case SHORT: case INT: case LONG: case FLOAT: case DOUBLE:
        return "number";
      case CHAR:
        return "string";
      case ARRAY:
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind() == TypeKind.BYTE) {
          return "string"; // Jackson writes byte[] as base64 text
        }
        return arrayOf(describe(subject, component, path + "[]"));
      case TYPEVAR:
      case WILDCARD:
        return "unknown";
      case DECLARED:
        return describeDeclared(subject, (DeclaredType) type, path);
      default:
        throw unsupported(subject, type, path, "it is not a value type");
    }
  }

  private String describeDeclared(String subject, DeclaredType type, String path)
      throws InvalidModelException {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (name.equals("java.lang.Boolean")) {
      return "boolean";
    }
    if (NUMBERS.contains(name)) {
      return "number";
    }
    if (STRINGS.contains(name) || name.startsWith("java.time.")) {
      return "string";
    }
    if (name.equals("java.lang.Object")) {
      return "unknown";
    }
    if (element.getKind() == ElementKind.ENUM) {
      return enumUnion(element);
    }
    if (name.equals("java.util.Optional")) {
      return describe(subject, argument(type, 0), path) + " | null";
    }
    if (isSubtype(type, "java.util.Map")) {
      TypeMirror key = argument(type, 0);
      if (!isTextKey(key)) {
        throw unsupported(subject, type, path,
            "JSON object keys are text; use a Map with String, UUID, enum or number keys");
      }
      return "Record<string, " + describe(subject, argument(type, 1), path + "{}") + ">";
    }
    if (isSubtype(type, "java.lang.Iterable")) {
      return arrayOf(describe(subject, argument(type, 0), path + "[]"));
    }
    if (element.getKind() == ElementKind.RECORD) {
      return recordAlias(subject, element);
    }
    throw unsupported(subject, type, path,
        "only records, collections, maps, enums and value types have a fixed JSON form;"
            + " make " + element.getSimpleName() + " a record");
  }

  private String recordAlias(String subject, TypeElement record) throws InvalidModelException {
    String qualified = record.getQualifiedName().toString();
    String existing = aliases.get(qualified);
    if (existing != null) {
      return existing;
    }
    String alias = uniqueAlias(record.getSimpleName().toString());
    aliases.put(qualified, alias); // before the components: a record may contain itself
    StringBuilder body = new StringBuilder("export type ").append(alias).append(" = {\n");
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (Unresolved.in(component.asType())) {
        throw InvalidModelException.unresolved();
      }
      String tsType = describe(subject, component.asType(),
          record.getSimpleName() + "." + component.getSimpleName());
      if (Nullability.isNullable(component) && !tsType.endsWith(" | null")) {
        tsType += " | null";
      }
      body.append("  ").append(component.getSimpleName()).append(": ").append(tsType).append('\n');
    }
    declarations.put(alias, body.append('}').toString());
    return alias;
  }

  private String uniqueAlias(String simpleName) {
    String alias = simpleName;
    for (int n = 2; aliases.containsValue(alias) || TS_TYPES_USED.contains(alias); n++) {
      alias = simpleName + n;
    }
    return alias;
  }

  private static String arrayOf(String element) {
    return element.contains(" ") ? "(" + element + ")[]" : element + "[]";
  }

  private static String enumUnion(TypeElement element) {
    List<String> names = EnumConstants.of(element).stream().map(TsText::quote).toList();
    return names.isEmpty() ? "never" : String.join(" | ", names);
  }

  private boolean isTextKey(TypeMirror key) {
    if (key.getKind() != TypeKind.DECLARED) {
      return key.getKind() == TypeKind.WILDCARD || key.getKind() == TypeKind.TYPEVAR;
    }
    TypeElement element = (TypeElement) ((DeclaredType) key).asElement();
    String name = element.getQualifiedName().toString();
    return element.getKind() == ElementKind.ENUM || STRINGS.contains(name)
        || NUMBERS.contains(name);
  }

  private boolean isSubtype(DeclaredType type, String supertype) {
    TypeElement superElement = elements.getTypeElement(supertype);
    return superElement != null
        && types.isSubtype(types.erasure(type), types.erasure(superElement.asType()));
  }

  private TypeMirror argument(DeclaredType type, int index) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.size() <= index) {
      return elements.getTypeElement("java.lang.Object").asType(); // raw type
    }
    return arguments.get(index);
  }

  private static InvalidModelException unsupported(
      String subject, TypeMirror type, String path, String why) {
    return new InvalidModelException(
        ModelMessages.unsupportedJsonType(subject, type.toString(), path, why), null);
  }
}
