package dev.nanoka.processor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The texts of what the model readers report about one model or between models: records and
 * keys, column types, names, foreign keys, defaults. One factory per {@link Message}, whose
 * parameters say what goes where, so a call site cannot pass too few values or pass them in the
 * wrong order unnoticed; each text says what is wrong and what to write instead. The texts about
 * the schema as a whole, its output and its migrations are in {@link SchemaMessages}.
 *
 * <p>How a subject is named is up to the caller: {@code component} is {@code Model.component}
 * (e.g. {@code Post.status}), {@code model} a record's simple name, {@code table} and
 * {@code column} SQL names.
 */
public final class ModelMessages {

  private ModelMessages() {}

  // records and keys

  /** @param kind what the type is instead, with its article: "an interface", "a class" */
  public static MessageText modelNotRecord(String model, String kind) {
    return Message.MODEL_NOT_RECORD.text("@Model goes on a record, but " + model + " is " + kind
        + ". Declare it as `public record " + model + "(...)` with one component per column.");
  }

  /** @param typeParameters as written between the angle brackets, e.g. "T, U" */
  public static MessageText modelGeneric(String model, String typeParameters) {
    return Message.MODEL_GENERIC.text("@Model record " + model + " has type parameters; a table"
        + " has fixed column types. Remove <" + typeParameters + ">.");
  }

  public static MessageText modelNoComponents(String model) {
    return Message.MODEL_NO_COMPONENTS.text("@Model record " + model + " has no components; a"
        + " table needs at least one column. Declare them in the record header, e.g. `record "
        + model + "(@Field(primaryKey = true) long id)`.");
  }

  public static MessageText noPrimaryKey(String model, String table) {
    return Message.NO_PRIMARY_KEY.text(model + " has no primary key. Mark one component"
        + " `@Field(primaryKey = true)`, or name several in `@Model(value = \"" + table
        + "\", primaryKey = {\"a\", \"b\"})`.");
  }

  /** @param keyComponents the components marked as key, in order (at least two) */
  public static MessageText twoPrimaryKeys(
      String model, String table, List<String> keyComponents) {
    return Message.TWO_PRIMARY_KEYS.text(model + "." + keyComponents.get(0) + " and " + model
        + "." + keyComponents.get(1) + " are both `@Field(primaryKey = true)`, but a table has"
        + " one primary key. For a key over several columns, remove primaryKey from the fields"
        + " and write `@Model(value = \"" + table + "\", primaryKey = {"
        + quoted(keyComponents) + "})`.");
  }

  public static MessageText primaryKeyTwice(String model, String component) {
    return Message.PRIMARY_KEY_TWICE.text(model + " declares both `@Model(primaryKey = ...)` and"
        + " `@Field(primaryKey = true)` on " + component + ". Keep one: remove primaryKey from"
        + " the field, or remove the model's primaryKey list.");
  }

  /**
   * @param list the annotation attribute holding the name, e.g. "@Index"
   * @param components the record's components, to choose from
   */
  public static MessageText unknownComponent(
      String list, String name, String model, List<String> components) {
    return Message.UNKNOWN_COMPONENT.text(list + " names \"" + name + "\", which is not a"
        + " component of " + model + ". Components: " + String.join(", ", components) + ".");
  }

  public static MessageText duplicateInList(String list, String name) {
    return Message.DUPLICATE_IN_LIST.text(
        list + " names \"" + name + "\" twice. Name each component once.");
  }

  public static MessageText emptyList(String list, String exampleComponent) {
    return Message.EMPTY_LIST.text(list + " is empty. Name at least one component, e.g. {\""
        + exampleComponent + "\"}.");
  }

  // column types and nullability

  public static MessageText unsupportedType(String component, String javaType) {
    return Message.UNSUPPORTED_TYPE.text(component + " has type " + javaType + ", which has no"
        + " column mapping. Supported: String, UUID, int, long, short, byte, double, float,"
        + " boolean (and their boxes), Instant, BigDecimal, byte[] and enums; records,"
        + " collections, maps and other arrays with `@Field(json = true)`.");
  }

  public static MessageText needsJson(String component, String javaType) {
    return Message.NEEDS_JSON.text(component + " has type " + javaType + ", which a column can"
        + " only hold as JSON. Write `@Field(json = true)` to store it as JSON text with a"
        + " generated TypeScript type.");
  }

  /**
   * @param javaType the type inside the component's type that has no JSON form
   * @param path where it sits, e.g. {@code Order.lines[]}
   */
  public static MessageText unsupportedJsonType(
      String component, String javaType, String path, String why) {
    return Message.UNSUPPORTED_JSON_TYPE.text(component + " is stored as JSON, but " + javaType
        + " at " + path + " can't be described as JSON: " + why);
  }

  public static MessageText emptyEnum(String component, String javaType) {
    return Message.EMPTY_ENUM.text(component + " has type " + javaType + ", an enum without"
        + " constants, so no value could ever be stored. Add a constant to the enum.");
  }

  /** @param problem what is wrong with {@code length}, {@code precision} or {@code scale} */
  public static MessageText typeParameterInvalid(String component, String problem,
      String instead) {
    return Message.TYPE_PARAMETER_INVALID.text(component + ": " + problem + ". " + instead);
  }

  /**
   * @param component the component whose enum clashes; {@code other} the one that named the
   *     PostgreSQL type first
   */
  public static MessageText postgresEnumClash(String component, String javaType, String typeName,
      String other, String otherType) {
    return Message.POSTGRES_ENUM_CLASH.text(component + " has enum " + javaType + ", and "
        + other + " has enum " + otherType + " with other constants: both would be the"
        + " PostgreSQL type " + typeName + " (the enum's simple name in snake_case), which holds"
        + " one list of values. Rename one of the enums, or give both the same constants.");
  }

  /** @param override the {@code ColumnType} constant written; {@code allowed} those that fit */
  public static MessageText typeOverrideMismatch(
      String override, String component, String javaType, List<String> allowed) {
    return Message.TYPE_OVERRIDE_MISMATCH.text("`type = ColumnType." + override + "` does not"
        + " fit " + component + " of Java type " + javaType + ". Use one of: "
        + String.join(", ", allowed) + ", or drop `type`.");
  }

  /** @param boxedDeclaration the component declared with the box, e.g. "Boolean pinned" */
  public static MessageText nullablePrimitive(
      String component, String primitive, String boxedDeclaration) {
    return Message.NULLABLE_PRIMITIVE.text(component + " is the primitive " + primitive
        + ", which can't hold NULL. Declare it `" + boxedDeclaration + "`, or drop nullable.");
  }

  public static MessageText nullablePrimaryKey(String component) {
    return Message.NULLABLE_PRIMARY_KEY.text(component + " is part of the primary key, which"
        + " can't be NULL. Drop nullable, or take it out of the key.");
  }

  /** @param problem what the component is instead, e.g. "not the primary key" */
  public static MessageText autoIncrementInvalid(String component, String problem) {
    return Message.AUTOINCREMENT_INVALID.text("autoIncrement needs the table's only primary key"
        + " column with an integer type (`@Field(primaryKey = true, autoIncrement = true) long"
        + " id`); " + component + " is " + problem + ".");
  }

  // names

  /**
   * @param kind "table", "column" or "index"
   * @param suggestion how to write a valid name instead
   */
  public static MessageText invalidName(String name, String kind, String suggestion) {
    return Message.INVALID_NAME.text("\"" + name + "\" is not a valid " + kind + " name: use"
        + " ASCII letters, digits and underscores, not starting with a digit, e.g. "
        + suggestion + ".");
  }

  /**
   * @param kind "table", "column" or "index"
   * @param reason who takes the name, e.g. "starts with \"sqlite_\", which SQLite reserves…"
   * @param suggestion how to write another name instead
   */
  public static MessageText reservedName(
      String kind, String name, String reason, String suggestion) {
    return Message.RESERVED_NAME.text(Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
        + " name \"" + name + "\" " + reason + ". Rename it, e.g. " + suggestion + ".");
  }

  public static MessageText protoComponent(String component) {
    return Message.PROTO_COMPONENT.text(component + " is named __proto__, which can't be a"
        + " property in schema.ts: in a JavaScript object literal, `__proto__: …` (quoted or"
        + " not) sets the object's prototype instead of adding a property, so Drizzle would"
        + " never see the column. Rename the component, e.g. to `proto`. The column can't be"
        + " named __proto__ either: drizzle-kit keeps columns in objects keyed by name and fails"
        + " on it.");
  }

  /** @param owner who has the name already, e.g. "table of User" */
  public static MessageText duplicateTable(String table, String model, String owner) {
    return Message.DUPLICATE_TABLE.text("Table name \"" + table + "\" of " + model + " is"
        + " already used by " + owner + " (SQLite compares names ignoring case). Name one of"
        + " them differently, e.g. `@Model(\"" + table + "_2\")`.");
  }

  /** @param otherComponent the component of the same model that has the name already */
  public static MessageText duplicateColumn(
      String column, String model, String component, String otherComponent) {
    return Message.DUPLICATE_COLUMN.text("Column name \"" + column + "\" of " + model + "."
        + component + " is already used by " + otherComponent + " in " + model + " (SQLite"
        + " compares names ignoring case). Rename one, e.g. `@Field(name = \"" + column
        + "_2\")`.");
  }

  /** @param owner who has the name already, e.g. "an index of Post" */
  public static MessageText duplicateIndex(String index, String model, String owner) {
    return Message.DUPLICATE_INDEX.text("Name \"" + index + "\" of " + model + " is already"
        + " used by " + owner + "; tables and indexes share one namespace in SQLite. Name the"
        + " index differently, e.g. `name = \"" + index + "_2\"`.");
  }

  /** @param export the name both would have in schema.ts */
  public static MessageText duplicateExport(String firstTable, String table, String export) {
    return Message.DUPLICATE_EXPORT.text("Tables \"" + firstTable + "\" and \"" + table
        + "\" would both be exported as `" + export + "` in schema.ts. Rename one table, e.g."
        + " `@Model(\"" + table + "_2\")`.");
  }

  // foreign keys

  /** @param models the models of the schema, which the component may reference */
  public static MessageText referenceNotModel(
      String component, String target, List<String> models) {
    return Message.REFERENCE_NOT_MODEL.text(component + " references " + target + ", which is"
        + " not a @Model of this schema. Reference one of "
        + models.stream().map(m -> m + ".class").collect(Collectors.joining(", "))
        + ", or add @Model to " + target + " and list it in @Schema(models).");
  }

  /** @param components the target's components, to choose from */
  public static MessageText referencedFieldUnknown(
      String component, String field, String target, List<String> components) {
    return Message.REFERENCED_FIELD_UNKNOWN.text(component + " references field \"" + field
        + "\" of " + target + ", which has no such component. Components: "
        + String.join(", ", components) + ".");
  }

  public static MessageText referenceCompositeKey(
      String component, String target, List<String> keyColumns) {
    return Message.REFERENCE_COMPOSITE_KEY.text(component + " references " + target + ", whose"
        + " primary key has several columns (" + String.join(", ", keyColumns) + "); one column"
        + " can't point at it. Reference a unique component: `referencesField = \"…\"`.");
  }

  public static MessageText referencedNotUnique(String component, String target, String field) {
    return Message.REFERENCED_NOT_UNIQUE.text(component + " references " + target + "." + field
        + ", which is neither the primary key nor unique; SQLite rejects such a foreign key when"
        + " rows are written. Mark it `@Field(unique = true)` or reference the primary key.");
  }

  public static MessageText referenceTypeMismatch(
      String component, String javaType, String target, String field, String targetJavaType) {
    return Message.REFERENCE_TYPE_MISMATCH.text(component + " is " + javaType + " but references "
        + target + "." + field + ", which is " + targetJavaType + ". Give both the same type.");
  }

  /** @param option the attribute written, e.g. "onDelete" */
  public static MessageText referenceOptionWithoutReference(String component, String option) {
    return Message.REFERENCE_OPTION_WITHOUT_REFERENCE.text(component + " sets " + option
        + " without `references`. Add `references = Parent.class`, or drop " + option + ".");
  }

  /** @param option "onDelete" or "onUpdate" */
  public static MessageText setNullOnNotNull(String option, String component) {
    return Message.SET_NULL_ON_NOT_NULL.text(option + " = SET_NULL on " + component + ", which"
        + " is NOT NULL: the database could not carry it out. Add `nullable = true`, or choose"
        + " another action.");
  }

  // defaults

  /** @param example a value that fits, written as the default instead */
  public static MessageText defaultMismatch(
      String value, String component, String javaType, String why, String example) {
    return Message.DEFAULT_MISMATCH.text("Default \"" + value + "\" does not fit " + component
        + " (" + javaType + "): " + why + ". Write e.g. `@Field(defaultValue = \"" + example
        + "\")`.");
  }

  /**
   * @param what what the text contains, e.g. "the character U+0000"
   * @param index where in the text
   */
  public static MessageText defaultUnsafeText(
      String component, String what, int index, String why) {
    return Message.DEFAULT_UNSAFE_TEXT.text("Default of " + component + " contains " + what
        + " at index " + index + ", which no migration can carry: " + why + ". Remove it from"
        + " defaultValue, or set such a value in application code.");
  }

  public static MessageText defaultTwice(String component) {
    return Message.DEFAULT_TWICE.text(component + " has both defaultValue and defaultFunction; a"
        + " column has one default. Keep one.");
  }

  /** @param function the {@code DefaultFunction} constant written */
  public static MessageText defaultFunctionMismatch(
      String function, String component, String javaType, String why) {
    return Message.DEFAULT_FUNCTION_MISMATCH.text("`defaultFunction = DefaultFunction." + function
        + "` does not fit " + component + " of type " + javaType + ": " + why + ". Change the"
        + " component's type, or drop defaultFunction (a literal defaultValue may fit).");
  }

  /**
   * {@code @Field(onRowUpdate = …)} that can't apply.
   *
   * @param problem why, e.g. "is of type String"
   * @param fix what to write instead
   */
  public static MessageText onRowUpdateInvalid(
      String function, String component, String problem, String fix) {
    return Message.ON_ROW_UPDATE_INVALID.text("`onRowUpdate = DefaultFunction." + function
        + "` does not fit " + component + ": " + problem + ". " + fix);
  }

  /** @param columnKind what the column holds, e.g. "byte[]" or "JSON" */
  public static MessageText defaultNotRendered(String value, String component, String columnKind) {
    return Message.DEFAULT_NOT_RENDERED.text("Default \"" + value + "\" of " + component + " is"
        + " ignored: " + columnKind + " columns can't carry a default in schema.ts or SQL. Set"
        + " the value in application code, or remove defaultValue.");
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
  }
}
