package dev.nanoka.processor;

/**
 * The kinds of diagnostic the processor prints, each with a stable tag (shown as
 * {@code [NanokaTag]}) that tests and users can search for. A tag never changes once released.
 *
 * <p>The texts are made by {@link ModelMessages} (problems of models) and {@link SchemaMessages}
 * (the schema, output and migrations), one factory method with named parameters per constant;
 * tests refer to the constant, e.g. {@code Message.NO_PRIMARY_KEY}, to assert that a
 * diagnostic of that kind was printed where it should be.
 */
public enum Message {
  // records and keys
  MODEL_NOT_RECORD("ModelNotRecord"),
  MODEL_GENERIC("ModelGeneric"),
  MODEL_NO_COMPONENTS("ModelNoColumns"),
  NO_PRIMARY_KEY("NoPrimaryKey"),
  TWO_PRIMARY_KEYS("TwoPrimaryKeys"),
  PRIMARY_KEY_TWICE("PrimaryKeyTwice"),
  UNKNOWN_COMPONENT("UnknownComponent"),
  DUPLICATE_IN_LIST("DuplicateInList"),
  EMPTY_LIST("EmptyList"),

  // column types and nullability
  UNSUPPORTED_TYPE("UnsupportedType"),
  NEEDS_JSON("NeedsJson"),
  UNSUPPORTED_JSON_TYPE("UnsupportedJsonType"),
  EMPTY_ENUM("EmptyEnum"),
  POSTGRES_ENUM_CLASH("PostgresEnumClash"),
  TYPE_PARAMETER_INVALID("TypeParameter"),
  TYPE_OVERRIDE_MISMATCH("TypeMismatch"),
  NULLABLE_PRIMITIVE("NullablePrimitive"),
  NULLABLE_PRIMARY_KEY("NullablePrimaryKey"),
  AUTOINCREMENT_INVALID("AutoIncrement"),

  // names
  INVALID_NAME("InvalidName"),
  RESERVED_NAME("ReservedName"),
  PROTO_COMPONENT("ProtoComponent"),
  DUPLICATE_TABLE("DuplicateTable"),
  DUPLICATE_COLUMN("DuplicateColumn"),
  DUPLICATE_INDEX("DuplicateIndex"),
  DUPLICATE_EXPORT("DuplicateExport"),

  // foreign keys
  REFERENCE_NOT_MODEL("ReferenceNotModel"),
  REFERENCED_FIELD_UNKNOWN("ReferencedFieldUnknown"),
  REFERENCE_COMPOSITE_KEY("ReferenceCompositeKey"),
  REFERENCED_NOT_UNIQUE("ReferencedNotUnique"),
  REFERENCE_TYPE_MISMATCH("ReferenceTypeMismatch"),
  REFERENCE_OPTION_WITHOUT_REFERENCE("ReferenceOptionWithoutReference"),
  SET_NULL_ON_NOT_NULL("SetNullOnNotNull"),

  // defaults
  DEFAULT_MISMATCH("DefaultMismatch"),
  DEFAULT_UNSAFE_TEXT("DefaultText"),
  DEFAULT_TWICE("DefaultTwice"),
  DEFAULT_FUNCTION_MISMATCH("DefaultFunctionMismatch"),
  DEFAULT_NOT_RENDERED("DefaultNotRendered"),
  ON_ROW_UPDATE_INVALID("OnRowUpdate"),

  // the schema and where models are declared
  FIELD_OUTSIDE_MODEL("FieldOutsideModel"),
  INDEX_OUTSIDE_MODEL("IndexOutsideModel"),
  LOCAL_MODEL("LocalModel"),
  MODEL_NOT_IN_SCHEMA("ModelNotInSchema"),
  SCHEMA_LISTS_NON_MODEL("SchemaListsNonModel"),
  SCHEMA_LISTS_TWICE("SchemaListsTwice"),
  SCHEMA_EMPTY("SchemaEmpty"),
  SCHEMA_VERSION("SchemaVersion"),
  SCHEMA_SAME_OUTPUT("SchemaSameOutput"),
  SCHEMA_SAME_MIGRATIONS("SchemaSameMigrations"),

  // output
  NO_OUTPUT("NoOutput"),
  OPTION_CONFLICT("OptionConflict"),
  OPTION_INVALID("OptionInvalid"),
  LAYOUT_NOT_FOR_DIALECT("LayoutDialect"),
  WRITE_FAILED("WriteFailed"),
  MIGRATION_FOLDER_INVALID("MigrationFolder"),
  NOT_REGENERATED("NotRegenerated"),

  // migrations
  TABLE_RENAME_OR_DROP("RenameOrDropTable"),
  COLUMN_RENAME_OR_DROP("RenameOrDropColumn"),
  DESTRUCTIVE_CHANGE("DataLoss"),
  DECLARED_DATA_LOSS("DeclaredDrop"),
  VERSION_BEHIND("VersionBehind"),
  VERSION_SKIPPED("VersionSkipped"),
  MIGRATION_EDITED("MigrationEdited"),
  STRAY_MIGRATION("StrayMigration"),
  MIGRATION_COLLISION("MigrationCollision"),
  NO_CHANGES("NoChanges"),
  DOWN_MIGRATION_EDITED("DownMigrationEdited"),
  DOWN_MIGRATION_REVIEW("DownMigrationReview"),

  // bugs
  INTERNAL_ERROR("InternalError");

  private final String tag;

  Message(String tag) {
    this.tag = tag;
  }

  /** The tag as the text shows it, e.g. {@code [NanokaNoPrimaryKey]}. */
  public String tag() {
    return "[Nanoka" + tag + "]";
  }

  /** This kind of message with its text; only the factories of the message texts call it. */
  MessageText text(String text) {
    return new MessageText(this, tag() + " " + text);
  }
}
