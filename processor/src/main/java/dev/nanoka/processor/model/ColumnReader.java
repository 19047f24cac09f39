package dev.nanoka.processor.model;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.OnRowUpdate;
import dev.nanoka.processor.Diagnostics;
import dev.nanoka.processor.Message;
import dev.nanoka.processor.ModelMessages;
import dev.nanoka.processor.model.SqlNames.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one record component of a {@code @Model} into a column. Every independent problem of the
 * component is reported (its name, its type, its nullability, its default, its reference); a
 * check that needs what another one found wrong is skipped, so no error only echoes another.
 */
final class ColumnReader {

  /** Problems of the component itself, shown at it (its type and name) when no value is at fault. */
  private static final Set<Message> AT_COMPONENT = EnumSet.of(Message.UNSUPPORTED_TYPE,
      Message.NEEDS_JSON, Message.UNSUPPORTED_JSON_TYPE, Message.EMPTY_ENUM,
      Message.NULLABLE_PRIMITIVE, Message.PROTO_COMPONENT);

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

  /** One check of a component; a problem it throws is collected, and the next check runs. */
  private interface Check<T> {
    T run() throws InvalidModelException;
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
    List<InvalidModelException> problems = new ArrayList<>();

    String name = field.map(f -> f.string("name")).filter(n -> !n.isEmpty()).orElse(property);
    AnnotationValue nameAt = field.map(f -> f.written("name")).orElse(null);
    boolean protoComponent = property.equals(SqlNames.PROTO);
    if (protoComponent) {
      problems.add(new InvalidModelException(ModelMessages.protoComponent(subject), null));
    }
    // a column __proto__ named after a component __proto__ is covered by the component's message
    if (!protoComponent || !name.equals(SqlNames.PROTO)) {
      check(problems, () -> {
        SqlNames.check(name, Kind.COLUMN, nameAt, n -> "`name = \"" + n + "\"`");
        return null;
      });
    }

    Optional<ColumnMapping> mapping = check(problems, () -> typeMapper.map(
        subject,
        component.asType(),
        field.map(f -> f.enumConstant("type")).orElse("AUTO"),
        field.map(f -> f.written("type")).orElse(null),
        field.map(f -> f.bool("json")).orElse(false)));

    boolean nullable = field.map(f -> f.bool("nullable")).orElse(false)
        || Nullability.isNullable(component);
    boolean primaryKey = field.map(f -> f.bool("primaryKey")).orElse(false);
    AnnotationValue nullableAt = field.map(f -> f.written("nullable")).orElse(null);
    if (nullable && component.asType().getKind().isPrimitive()) {
      problems.add(new InvalidModelException(
          ModelMessages.nullablePrimitive(subject, javaType(component), boxed(component)),
          nullableAt));
    } else if (primaryKey && nullable) {
      // one of the two: both are fixed by dropping nullable
      problems.add(
          new InvalidModelException(ModelMessages.nullablePrimaryKey(subject), nullableAt));
    }
    boolean autoIncrement = field.map(f -> f.bool("autoIncrement")).orElse(false);
    if (autoIncrement && (!primaryKey
        || mapping.isPresent() && !mapping.get().scalar().isWholeNumber())) {
      String problem = primaryKey ? "of type " + mapping.get().javaType()
          : compositeKey.contains(property) ? "part of a composite key"
          : "not the primary key";
      problems.add(new InvalidModelException(ModelMessages.autoIncrementInvalid(subject, problem),
          field.get().written("autoIncrement")));
    }

    Optional<ColumnDefault> defaultValue = Optional.empty();
    Optional<OnRowUpdate> onRowUpdate = Optional.empty();
    Optional<ReferenceDefinition> reference = Optional.empty();
    if (field.isPresent()) {
      defaultValue = check(problems, () -> readDefault(subject, field.get(), mapping))
          .flatMap(d -> d);
      boolean keyColumn = primaryKey || compositeKey.contains(property);
      onRowUpdate = check(problems, () -> readOnRowUpdate(subject, field.get(), mapping,
          keyColumn)).flatMap(u -> u);
      reference = readReference(subject, field.get(), nullable, problems);
    }

    if (!problems.isEmpty() || mapping.isEmpty()) {
      report(component, field, problems);
      return Optional.empty();
    }
    Column column = new Column(
        name,
        property,
        mapping.get().type(),
        !nullable,
        primaryKey,
        autoIncrement,
        field.map(f -> f.bool("unique")).orElse(false),
        defaultValue,
        onRowUpdate);
    Optional<String> renamedFrom =
        field.map(f -> f.string("renamedFrom")).filter(old -> !old.isEmpty());
    return Optional.of(
        new ColumnDefinition(component, field, column, mapping.get(), reference, renamedFrom));
  }

  private static <T> Optional<T> check(List<InvalidModelException> problems, Check<T> check) {
    try {
      return Optional.ofNullable(check.run());
    } catch (InvalidModelException e) {
      problems.add(e);
      return Optional.empty();
    }
  }

  private void report(
      RecordComponentElement component, Optional<AnnotationView> field,
      List<InvalidModelException> problems) {
    for (InvalidModelException problem : problems) {
      if (problem.isUnresolved()) {
        diagnostics.unresolved(); // javac reports the name it could not resolve
        continue;
      }
      // Without a value to point at, a problem of the Java type is shown at the component
      // (its type and name), not at a @Field that may sit on the line above and is not at fault.
      boolean atComponent =
          problem.at() == null && AT_COMPONENT.contains(problem.problem().message());
      diagnostics.error(component,
          atComponent ? null : field.map(AnnotationView::mirror).orElse(null), problem.at(),
          problem.problem());
    }
  }

  /** The default; a literal is only checked against a column type that could be mapped. */
  private Optional<ColumnDefault> readDefault(
      String subject, AnnotationView field, Optional<ColumnMapping> mapping)
      throws InvalidModelException {
    String literal = field.string("defaultValue");
    String function = field.enumConstant("defaultFunction");
    boolean hasLiteral = !literal.equals(Annotations.NO_DEFAULT);
    boolean hasFunction = !function.equals("NONE");
    if (hasLiteral && hasFunction) {
      throw new InvalidModelException(
          ModelMessages.defaultTwice(subject), field.written("defaultFunction"));
    }
    if (mapping.isEmpty() || !hasLiteral && !hasFunction) {
      return Optional.empty();
    }
    if (hasFunction) {
      return Optional.of(DefaultValueParser.function(
          subject, function, mapping.get(), field.written("defaultFunction")));
    }
    Optional<ColumnDefault> parsed =
        DefaultValueParser.literal(subject, literal, mapping.get(), field.written("defaultValue"));
    if (parsed.isEmpty()) {
      diagnostics.warning(field.element(), field.mirror(), field.written("defaultValue"),
          ModelMessages.defaultNotRendered(literal, subject, mapping.get().scalar().display()));
    }
    return parsed;
  }

  /**
   * {@code onRowUpdate}: only {@code NOW}, on an {@code Instant} column that is no part of the
   * primary key (a key that moves on every update would break every reference to the row).
   */
  private static Optional<OnRowUpdate> readOnRowUpdate(String subject, AnnotationView field,
      Optional<ColumnMapping> mapping, boolean keyColumn) throws InvalidModelException {
    String function = field.enumConstant("onRowUpdate");
    if (function.equals("NONE")) {
      return Optional.empty();
    }
    AnnotationValue at = field.written("onRowUpdate");
    if (!function.equals("NOW")) {
      throw new InvalidModelException(ModelMessages.onRowUpdateInvalid(function, subject,
          "only NOW can be kept up to date by the database (SQLite has no " + function
              + " function)", "Use `onRowUpdate = DefaultFunction.NOW` on an Instant column,"
              + " or set the value in application code and remove onRowUpdate."), at);
    }
    if (keyColumn) {
      throw new InvalidModelException(ModelMessages.onRowUpdateInvalid(function, subject,
          "it is (part of) the primary key, which would change on every update and break the"
              + " rows that reference it", "Remove onRowUpdate here and put it on a column of"
              + " its own: `@Field(defaultFunction = DefaultFunction.NOW, onRowUpdate ="
              + " DefaultFunction.NOW) Instant updatedAt`."), at);
    }
    if (mapping.isEmpty()) {
      return Optional.empty(); // the type's own error is reported
    }
    if (!(mapping.get().type() instanceof LogicalType.Timestamp timestamp)) {
      throw new InvalidModelException(ModelMessages.onRowUpdateInvalid(function, subject,
          "it is of type " + mapping.get().javaType() + " and NOW is for Instant columns",
          "Change the component's type to java.time.Instant, or remove onRowUpdate."), at);
    }
    return Optional.of(OnRowUpdate.now(timestamp.unit()));
  }

  /** The reference; each option that can't apply is a problem of its own. */
  private Optional<ReferenceDefinition> readReference(
      String subject, AnnotationView field, boolean nullable,
      List<InvalidModelException> problems) {
    ForeignKey.Action onDelete = ForeignKey.Action.valueOf(field.enumConstant("onDelete"));
    ForeignKey.Action onUpdate = ForeignKey.Action.valueOf(field.enumConstant("onUpdate"));
    var target = field.type("references");
    int before = problems.size();
    if (target.isEmpty()) {
      for (String option : new String[] {"referencesField", "onDelete", "onUpdate"}) {
        if (field.isWritten(option)) {
          problems.add(new InvalidModelException(
              ModelMessages.referenceOptionWithoutReference(subject, option),
              field.written(option)));
        }
      }
      return Optional.empty();
    }
    if (!nullable && onDelete == ForeignKey.Action.SET_NULL) {
      problems.add(new InvalidModelException(
          ModelMessages.setNullOnNotNull("onDelete", subject), field.written("onDelete")));
    }
    if (!nullable && onUpdate == ForeignKey.Action.SET_NULL) {
      problems.add(new InvalidModelException(
          ModelMessages.setNullOnNotNull("onUpdate", subject), field.written("onUpdate")));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new ReferenceDefinition(
        field, target.get(), field.string("referencesField"), onUpdate, onDelete));
  }

  /** The type as messages show it, as {@link ColumnMapping#javaType()} does. */
  private String javaType(RecordComponentElement component) {
    return types.erasure(component.asType()).toString();
  }

  private String boxed(RecordComponentElement component) {
    return types.boxedClass(types.getPrimitiveType(component.asType().getKind()))
        .getSimpleName() + " " + component.getSimpleName();
  }
}
