package dev.nanoka.processor.model;

import dev.nanoka.processor.Diagnostics;
import dev.nanoka.processor.Message;
import dev.nanoka.runtime.schema.Column;
import dev.nanoka.runtime.schema.ColumnDefault;
import dev.nanoka.runtime.schema.ForeignKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads one record component of a {@code @Model} into a column. */
final class ColumnReader {

  private static final Set<Message> TYPE_PROBLEMS = EnumSet.of(Message.UNSUPPORTED_TYPE,
      Message.NEEDS_JSON, Message.UNSUPPORTED_JSON_TYPE, Message.EMPTY_ENUM,
      Message.NULLABLE_PRIMITIVE);

  private final Elements elements;
  private final Types types;
  private final JavaTypeMapper typeMapper;
  private final Diagnostics diagnostics;

  ColumnReader(Elements elements, Types types, JavaTypeMapper typeMapper, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.typeMapper = typeMapper;
    this.diagnostics = diagnostics;
  }

  /**
   * The column, or empty when the component has an error (already reported).
   *
   * @param compositeKey the components named in {@code @Model(primaryKey)}, for messages
   */
  Optional<ColumnDefinition> read(
      String modelName, RecordComponentElement component, List<String> compositeKey) {
    Optional<AnnotationView> field = AnnotationView.find(component, Annotations.FIELD, elements);
    String property = component.getSimpleName().toString();
    String subject = modelName + "." + property;
    try {
      return Optional.of(read(subject, component, property, field, compositeKey));
    } catch (InvalidModelException e) {
      if (e.isUnresolved()) {
        diagnostics.unresolved(); // javac reports the name it could not resolve
        return Optional.empty();
      }
      // Without a value to point at, a problem of the Java type is shown at the component
      // (its type and name), not at a @Field that may sit on the line above and is not at fault.
      boolean atComponent = e.at() == null && TYPE_PROBLEMS.contains(e.problem());
      diagnostics.error(component,
          atComponent ? null : field.map(AnnotationView::mirror).orElse(null), e.at(),
          e.problem(), e.args());
      return Optional.empty();
    }
  }

  private ColumnDefinition read(
      String subject, RecordComponentElement component, String property,
      Optional<AnnotationView> field, List<String> compositeKey) throws InvalidModelException {
    String name = field.map(f -> f.string("name")).filter(n -> !n.isEmpty()).orElse(property);
    AnnotationValue nameAt = field.map(f -> f.written("name")).orElse(null);
    checkName(name, "column", nameAt);

    ColumnMapping mapping = typeMapper.map(
        subject,
        component.asType(),
        field.map(f -> f.enumConstant("type")).orElse("AUTO"),
        field.map(f -> f.written("type")).orElse(null),
        field.map(f -> f.bool("json")).orElse(false));

    boolean declaredNullable = field.map(f -> f.bool("nullable")).orElse(false);
    boolean nullable = declaredNullable || Nullability.isNullable(component);
    if (nullable && mapping.primitive()) {
      throw new InvalidModelException(Message.NULLABLE_PRIMITIVE,
          field.map(f -> f.written("nullable")).orElse(null), subject, mapping.javaType(),
          boxed(component));
    }
    boolean primaryKey = field.map(f -> f.bool("primaryKey")).orElse(false);
    if (primaryKey && nullable) {
      throw new InvalidModelException(Message.NULLABLE_PRIMARY_KEY,
          field.map(f -> f.written("nullable")).orElse(null), subject);
    }
    boolean autoIncrement = field.map(f -> f.bool("autoIncrement")).orElse(false);
    if (autoIncrement && !(primaryKey && mapping.scalar().isWholeNumber())) {
      throw new InvalidModelException(Message.AUTOINCREMENT_INVALID,
          field.get().written("autoIncrement"), subject,
          primaryKey ? "of type " + mapping.javaType()
              : compositeKey.contains(property) ? "part of a composite key"
              : "not the primary key");
    }

    Optional<ColumnDefault> defaultValue =
        field.isPresent() ? readDefault(subject, field.get(), mapping) : Optional.empty();
    Optional<ReferenceDefinition> reference =
        field.isPresent() ? readReference(subject, field.get(), nullable) : Optional.empty();

    Column column = new Column(
        name,
        property,
        mapping.type(),
        !nullable,
        primaryKey,
        autoIncrement,
        field.map(f -> f.bool("unique")).orElse(false),
        defaultValue);
    return new ColumnDefinition(component, field, column, mapping, reference);
  }

  private Optional<ColumnDefault> readDefault(
      String subject, AnnotationView field, ColumnMapping mapping) throws InvalidModelException {
    String literal = field.string("defaultValue");
    String function = field.enumConstant("defaultFunction");
    boolean hasLiteral = !literal.equals(Annotations.NO_DEFAULT);
    boolean hasFunction = !function.equals("NONE");
    if (hasLiteral && hasFunction) {
      throw new InvalidModelException(Message.DEFAULT_TWICE, field.written("defaultFunction"),
          subject);
    }
    if (hasFunction) {
      return Optional.of(
          DefaultValueParser.function(subject, function, mapping, field.written("defaultFunction")));
    }
    if (!hasLiteral) {
      return Optional.empty();
    }
    Optional<ColumnDefault> parsed =
        DefaultValueParser.literal(subject, literal, mapping, field.written("defaultValue"));
    if (parsed.isEmpty()) {
      diagnostics.warning(field.element(), field.mirror(), field.written("defaultValue"),
          Message.DEFAULT_NOT_RENDERED, literal, subject, mapping.scalar().display());
    }
    return parsed;
  }

  private Optional<ReferenceDefinition> readReference(
      String subject, AnnotationView field, boolean nullable) throws InvalidModelException {
    ForeignKey.Action onDelete = ForeignKey.Action.valueOf(field.enumConstant("onDelete"));
    ForeignKey.Action onUpdate = ForeignKey.Action.valueOf(field.enumConstant("onUpdate"));
    var target = field.type("references");
    if (target.isEmpty()) {
      for (String option : new String[] {"referencesField", "onDelete", "onUpdate"}) {
        if (field.isWritten(option)) {
          throw new InvalidModelException(Message.REFERENCE_OPTION_WITHOUT_REFERENCE,
              field.written(option), subject, option, option);
        }
      }
      return Optional.empty();
    }
    if (!nullable) {
      if (onDelete == ForeignKey.Action.SET_NULL) {
        throw new InvalidModelException(Message.SET_NULL_ON_NOT_NULL, field.written("onDelete"),
            "onDelete", subject);
      }
      if (onUpdate == ForeignKey.Action.SET_NULL) {
        throw new InvalidModelException(Message.SET_NULL_ON_NOT_NULL, field.written("onUpdate"),
            "onUpdate", subject);
      }
    }
    return Optional.of(new ReferenceDefinition(
        field, target.get(), field.string("referencesField"), onUpdate, onDelete));
  }

  private static void checkName(String name, String kind, AnnotationValue at)
      throws InvalidModelException {
    if (!SqlNames.isValidIdentifier(name)) {
      throw new InvalidModelException(Message.INVALID_NAME, at, name, kind,
          "`name = \"" + SqlNames.suggestion(name) + "\"`");
    }
    if (SqlNames.isReserved(name)) {
      throw new InvalidModelException(Message.RESERVED_NAME, at, "Column", name,
          "`name = \"" + SqlNames.suggestion(name) + "\"`");
    }
  }

  private String boxed(RecordComponentElement component) {
    return types.boxedClass(types.getPrimitiveType(component.asType().getKind()))
        .getSimpleName() + " " + component.getSimpleName();
  }
}
