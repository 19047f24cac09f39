package dev.nanoka.processor;

/**
 * Every diagnostic the processor prints, in one place. Each has a stable tag (shown as
 * {@code [NanokaTag]}) that tests and users can search for, and says what to write instead.
 * Arguments are filled with {@link String#format}.
 */
public enum Message {
  MODEL_NOT_RECORD(
      "ModelNotRecord",
      "@Model goes on a record, but %s is %s. Declare it as `public record %s(...)` with one"
          + " component per column."),
  MODEL_GENERIC(
      "ModelGeneric",
      "@Model record %s has type parameters; a table has fixed column types. Remove <%s>."),
  MODEL_NO_COMPONENTS(
      "ModelNoColumns",
      "@Model record %s has no components; a table needs at least one column. Declare them"
          + " in the record header, e.g. `record %s(@Field(primaryKey = true) long id)`."),
  NO_PRIMARY_KEY(
      "NoPrimaryKey",
      "%s has no primary key. Mark one component `@Field(primaryKey = true)`, or name several"
          + " in `@Model(value = \"%s\", primaryKey = {\"a\", \"b\"})`."),
  TWO_PRIMARY_KEYS(
      "TwoPrimaryKeys",
      "%s and %s are both `@Field(primaryKey = true)`, but a table has one primary key. For a"
          + " key over several columns, remove primaryKey from the fields and write"
          + " `@Model(value = \"%s\", primaryKey = {%s})`."),
  PRIMARY_KEY_TWICE(
      "PrimaryKeyTwice",
      "%s declares both `@Model(primaryKey = ...)` and `@Field(primaryKey = true)` on %s. Keep"
          + " one: remove primaryKey from the field, or remove the model's primaryKey list."),
  UNKNOWN_COMPONENT(
      "UnknownComponent",
      "%s names \"%s\", which is not a component of %s. Components: %s."),
  DUPLICATE_IN_LIST(
      "DuplicateInList", "%s names \"%s\" twice. Name each component once."),
  EMPTY_LIST("EmptyList", "%s is empty. Name at least one component, e.g. %s."),
  UNSUPPORTED_TYPE(
      "UnsupportedType",
      "%s has type %s, which has no column mapping. Supported: String, UUID, int, long, short,"
          + " byte, double, float, boolean (and their boxes), Instant, BigDecimal, byte[] and"
          + " enums; records, collections, maps and other arrays with `@Field(json = true)`."),
  NEEDS_JSON(
      "NeedsJson",
      "%s has type %s, which a column can only hold as JSON. Write `@Field(json = true)` to"
          + " store it as JSON text with a generated TypeScript type."),
  UNSUPPORTED_JSON_TYPE(
      "UnsupportedJsonType",
      "%s is stored as JSON, but %s at %s can't be described as JSON: %s"),
  EMPTY_ENUM(
      "EmptyEnum",
      "%s has type %s, an enum without constants, so no value could ever be stored. Add a"
          + " constant to the enum."),
  TYPE_OVERRIDE_MISMATCH(
      "TypeMismatch",
      "`type = ColumnType.%s` does not fit %s of Java type %s. Use one of: %s, or drop `type`."),
  NULLABLE_PRIMITIVE(
      "NullablePrimitive",
      "%s is the primitive %s, which can't hold NULL. Declare it `%s`, or drop nullable."),
  NULLABLE_PRIMARY_KEY(
      "NullablePrimaryKey",
      "%s is part of the primary key, which can't be NULL. Drop nullable, or take it out of"
          + " the key."),
  AUTOINCREMENT_INVALID(
      "AutoIncrement",
      "autoIncrement needs the table's only primary key column with an integer type"
          + " (`@Field(primaryKey = true, autoIncrement = true) long id`); %s is %s."),
  INVALID_NAME(
      "InvalidName",
      "\"%s\" is not a valid %s name: use ASCII letters, digits and underscores, not starting"
          + " with a digit, e.g. %s."),
  RESERVED_NAME(
      "ReservedName",
      "%s name \"%s\" %s. Rename it, e.g. %s."),
  PROTO_COMPONENT(
      "ProtoComponent",
      "%s is named __proto__, which can't be a property in schema.ts: in a JavaScript object"
          + " literal, `__proto__: …` (quoted or not) sets the object's prototype instead of"
          + " adding a property, so Drizzle would never see the column. Rename the component,"
          + " e.g. to `proto`. The column can't be named __proto__ either: drizzle-kit keeps"
          + " columns in objects keyed by name and fails on it."),
  DUPLICATE_TABLE(
      "DuplicateTable",
      "Table name \"%s\" of %s is already used by %s (SQLite compares names ignoring case)."
          + " Name one of them differently, e.g. `@Model(\"%s\")`."),
  DUPLICATE_COLUMN(
      "DuplicateColumn",
      "Column name \"%s\" of %s is already used by %s in %s (SQLite compares names ignoring"
          + " case). Rename one, e.g. `@Field(name = \"%s\")`."),
  DUPLICATE_INDEX(
      "DuplicateIndex",
      "Name \"%s\" of %s is already used by %s; tables and indexes share one namespace in"
          + " SQLite. Name the index differently, e.g. `name = \"%s\"`."),
  DUPLICATE_EXPORT(
      "DuplicateExport",
      "Tables \"%s\" and \"%s\" would both be exported as `%s` in schema.ts. Rename one"
          + " table, e.g. `@Model(\"%s\")`."),
  REFERENCE_NOT_MODEL(
      "ReferenceNotModel",
      "%s references %s, which is not a @Model of this schema. Reference one of %s, or add"
          + " @Model to %s and list it in @Schema(models)."),
  REFERENCED_FIELD_UNKNOWN(
      "ReferencedFieldUnknown",
      "%s references field \"%s\" of %s, which has no such component. Components: %s."),
  REFERENCE_COMPOSITE_KEY(
      "ReferenceCompositeKey",
      "%s references %s, whose primary key has several columns (%s); one column can't point"
          + " at it. Reference a unique component: `referencesField = \"…\"`."),
  REFERENCED_NOT_UNIQUE(
      "ReferencedNotUnique",
      "%s references %s.%s, which is neither the primary key nor unique; SQLite rejects such a"
          + " foreign key when rows are written. Mark it `@Field(unique = true)` or reference"
          + " the primary key."),
  REFERENCE_TYPE_MISMATCH(
      "ReferenceTypeMismatch",
      "%s is %s but references %s.%s, which is %s. Give both the same type."),
  REFERENCE_OPTION_WITHOUT_REFERENCE(
      "ReferenceOptionWithoutReference",
      "%s sets %s without `references`. Add `references = Parent.class`, or drop %s."),
  SET_NULL_ON_NOT_NULL(
      "SetNullOnNotNull",
      "%s = SET_NULL on %s, which is NOT NULL: the database could not carry it out. Add"
          + " `nullable = true`, or choose another action."),
  DEFAULT_MISMATCH(
      "DefaultMismatch",
      "Default \"%s\" does not fit %s (%s): %s. Write e.g. `@Field(defaultValue = \"%s\")`."),
  DEFAULT_UNSAFE_TEXT(
      "DefaultText",
      "Default of %s contains %s at index %d, which no migration can carry: %s. Remove it from"
          + " defaultValue, or set such a value in application code."),
  DEFAULT_TWICE(
      "DefaultTwice",
      "%s has both defaultValue and defaultFunction; a column has one default. Keep one."),
  DEFAULT_FUNCTION_MISMATCH(
      "DefaultFunctionMismatch",
      "`defaultFunction = DefaultFunction.%s` does not fit %s of type %s: %s. Change the"
          + " component's type, or drop defaultFunction (a literal defaultValue may fit)."),
  DEFAULT_NOT_RENDERED(
      "DefaultNotRendered",
      "Default \"%s\" of %s is ignored: %s columns can't carry a default in schema.ts or SQL."
          + " Set the value in application code, or remove defaultValue."),
  FIELD_OUTSIDE_MODEL(
      "FieldOutsideModel",
      "@Field is only read on components of a @Model record, and %s has no @Model. Add"
          + " `@Model` to %s."),
  INDEX_OUTSIDE_MODEL(
      "IndexOutsideModel",
      "@Index is only read on a @Model record, and %s has no @Model. Add `@Model` to %s."),
  LOCAL_MODEL(
      "LocalModel",
      "@Model %s is declared inside a %s, and javac never shows such local types to annotation"
          + " processors, so it would get no table. Declare it outside the %s: as a top-level"
          + " `public record %s(...)` in its own file, or as a member of a class."),
  MODEL_NOT_IN_SCHEMA(
      "ModelNotInSchema",
      "@Model %s is not listed in @Schema(models) on %s, so it would get no table. Add"
          + " `%s.class` to the list."),
  SCHEMA_LISTS_NON_MODEL(
      "SchemaListsNonModel",
      "@Schema lists %s, which has no @Model. Add @Model to %s, or remove it from the list."),
  SCHEMA_LISTS_TWICE(
      "SchemaListsTwice", "@Schema lists %s twice. List each model once."),
  SCHEMA_EMPTY(
      "SchemaEmpty",
      "@Schema(models = {}) lists no models. List the records, e.g."
          + " `@Schema(models = {User.class, Post.class})`."),
  SCHEMA_VERSION(
      "SchemaVersion", "@Schema(version = %d): versions start at 1. Write `version = 1`."),
  SCHEMA_SAME_OUTPUT(
      "SchemaSameOutput",
      "@Schema on %s writes %s, which @Schema on %s writes too. Give each its own file:"
          + " `@Schema(models = {...}, output = \"drizzle/%s.ts\")`."),
  SCHEMA_SAME_MIGRATIONS(
      "SchemaSameMigrations",
      "@Schema on %s writes its migrations to %s, which @Schema on %s uses too, and one folder"
          + " holds one history. Give each its own: `@Schema(models = {...},"
          + " out = \"drizzle/%s-migrations\")`."),
  NO_OUTPUT(
      "NoOutput",
      "The models were checked, but schema.ts was not written: no output location. Pass"
          + " `-Ananoka.output=<path>/schema.ts` to javac (Maven: <compilerArgs><arg>"
          + "-Ananoka.output=${project.basedir}/drizzle/schema.ts</arg></compilerArgs>), or"
          + " set @Schema(output). Migrations then go to the folder `migrations` beside it."),
  WRITE_FAILED(
      "WriteFailed",
      "Could not write %s: %s. For schema.ts and migrations, check that -Ananoka.output,"
          + " -Ananoka.out or @Schema(output/out) name a location that can be created and"
          + " written."),
  MIGRATION_FOLDER_INVALID(
      "MigrationFolder",
      "%s %s. No migration was written: Nanoka never regenerates a history it cannot read."),
  TABLE_RENAME_OR_DROP(
      "RenameOrDropTable",
      "%s of the previous version %s gone and %s appeared; Nanoka does not guess which."
          + " If %s is %s renamed, write `@Model(value = \"%s\", renamedFrom = \"%s\")`."
          + " If %s was dropped on purpose (its rows are lost), write"
          + " `@Schema(models = {...}, droppedTables = {\"%s\"})`."),
  COLUMN_RENAME_OR_DROP(
      "RenameOrDropColumn",
      "%s of the previous version %s gone and %s appeared; Nanoka does not guess which."
          + " If %s is %s renamed, write `@Field(renamedFrom = \"%s\")` on it. If %s"
          + " was dropped on purpose (its values are lost), write"
          + " `@Model(value = \"%s\", droppedColumns = {\"%s\"})`."),
  DESTRUCTIVE_CHANGE(
      "DataLoss",
      "Migration %s %s. If that is intended, nothing to do; otherwise change the model, or"
          + " edit the migration (e.g. to copy the data first)."),
  VERSION_BEHIND(
      "VersionBehind",
      "@Schema(version = %d), but %s already holds %d migrations (versions 1 to %d), and"
          + " superseded migrations are never rewritten. Write `version = %d` to keep iterating"
          + " on the latest, or `version = %d` to start the next."),
  VERSION_SKIPPED(
      "VersionSkipped",
      "@Schema(version = %d) skips versions: %s holds %s, so the next one is version"
          + " %d. Write `version = %d`."),
  MIGRATION_EDITED(
      "MigrationEdited",
      "%s was edited by hand (or not generated by Nanoka), and the models have changed since, so"
          + " it is not overwritten. To regenerate it from the models and lose the edits, delete"
          + " it; to keep it and put the new changes in a migration of their own, write"
          + " `@Schema(version = %d)`."),
  STRAY_MIGRATION(
      "StrayMigration",
      "%s is not listed in meta/_journal.json: wrangler will apply it, drizzle-orm will not."
          + " Add it to the journal (drizzle-kit generate --custom does) or move it out of the"
          + " folder."),
  NO_CHANGES(
      "NoChanges",
      "Schema version %d has no changes from version %d yet, so there is no migration for it%s."),
  INTERNAL_ERROR(
      "InternalError",
      "Nanoka hit a bug while reading %s: %s. Please report it with this message; the"
          + " models were not written.");

  private final String tag;
  private final String format;

  Message(String tag, String format) {
    this.tag = tag;
    this.format = format;
  }

  /** The text shown to the user, e.g. {@code [NanokaNoPrimaryKey] User has no primary key…}. */
  public String format(Object... args) {
    return "[Nanoka" + tag + "] " + String.format(format, args);
  }
}
