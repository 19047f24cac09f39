package dev.nanoka.processor.model;

import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.processor.Diagnostics;
import dev.nanoka.processor.ModelMessages;
import dev.nanoka.processor.model.SqlNames.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @Model} record: its table name, columns, primary key and indexes. Every
 * independent problem is reported and reading goes on, so one compile shows them all; a check
 * that would only repeat another problem (a key naming a component that is itself broken) is
 * left out.
 */
public final class ModelReader {

  private final Elements elements;
  private final Diagnostics diagnostics;
  private final Unresolved unresolved;
  private final ColumnReader columns;

  public ModelReader(
      Elements elements, Types types, JavaTypeMapper typeMapper, Diagnostics diagnostics,
      Unresolved unresolved) {
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.unresolved = unresolved;
    this.columns = new ColumnReader(elements, types, typeMapper, diagnostics);
  }

  /** What {@link #read} has found so far of one model. */
  private record Read(
      TypeElement element,
      AnnotationView model,
      String tableName,
      List<ColumnDefinition> columns,
      Map<String, ColumnDefinition> byProperty,
      Set<String> broken) {

    String name() {
      return element.getSimpleName().toString();
    }
  }

  /** The model, or empty when it is too broken to take part in the schema (errors reported). */
  public Optional<ModelDefinition> read(TypeElement element) {
    AnnotationView model = AnnotationView.find(element, Annotations.MODEL, elements).orElseThrow();
    if (unresolved.inModel(element)) {
      diagnostics.unresolved(); // javac reports what it could not resolve
      return Optional.empty();
    }
    String name = element.getSimpleName().toString();
    if (element.getKind() != ElementKind.RECORD) {
      diagnostics.error(element, model.mirror(), null,
          ModelMessages.modelNotRecord(name, article(element.getKind())));
      return Optional.empty();
    }
    if (!element.getTypeParameters().isEmpty()) {
      // the components' types are the type parameters': nothing about them can be checked
      diagnostics.error(element, model.mirror(), null, ModelMessages.modelGeneric(name,
          element.getTypeParameters().stream().map(Object::toString)
              .collect(Collectors.joining(", "))));
      return Optional.empty();
    }
    String tableName = model.string("value").isEmpty()
        ? SqlNames.tableNameFor(name) : model.string("value");
    boolean tableNameOk = report(element, model, () -> SqlNames.check(tableName, Kind.TABLE,
        model.written("value"), n -> "`@Model(\"" + n + "\")`"));
    List<? extends RecordComponentElement> components = element.getRecordComponents();
    if (components.isEmpty()) {
      diagnostics.error(element, model.mirror(), null, ModelMessages.modelNoComponents(name));
      return Optional.empty();
    }

    Read read = readColumns(element, model, tableName, components);
    boolean keyOk = readPrimaryKey(read);
    Optional<List<IndexDefinition>> indexes = readIndexes(read, tableNameOk);
    if (!tableNameOk || !read.broken().isEmpty() || !keyOk || indexes.isEmpty()) {
      return Optional.empty();
    }
    List<String> compositeKey = model.strings("primaryKey").stream()
        .map(p -> read.byProperty().get(p).column().name()).toList();
    Optional<String> renamedFrom =
        Optional.of(model.string("renamedFrom")).filter(old -> !old.isEmpty());
    return Optional.of(new ModelDefinition(element, model, tableName, read.columns(), compositeKey,
        indexes.get(), renamedFrom, model.strings("droppedColumns")));
  }

  /** The columns that could be read; the others are {@link Read#broken}, their errors reported. */
  private Read readColumns(
      TypeElement element, AnnotationView model, String tableName,
      List<? extends RecordComponentElement> components) {
    String name = element.getSimpleName().toString();
    List<ColumnDefinition> read = new ArrayList<>();
    Map<String, ColumnDefinition> byColumnName = new HashMap<>();
    Set<String> broken = new HashSet<>();
    List<String> listedKey = model.strings("primaryKey");
    for (RecordComponentElement component : components) {
      Optional<ColumnDefinition> column = columns.read(name, component, listedKey);
      if (column.isEmpty()) {
        broken.add(component.getSimpleName().toString());
        continue;
      }
      ColumnDefinition previous = byColumnName.putIfAbsent(
          column.get().column().name().toLowerCase(Locale.ROOT), column.get());
      if (previous != null) {
        AnnotationView field = column.get().field().orElse(null);
        diagnostics.error(component, field == null ? null : field.mirror(),
            field == null ? null : field.written("name"),
            ModelMessages.duplicateColumn(column.get().column().name(), name,
                component.getSimpleName().toString(),
                previous.element().getSimpleName().toString()));
        broken.add(component.getSimpleName().toString());
        continue;
      }
      read.add(column.get());
    }
    Map<String, ColumnDefinition> byProperty = new HashMap<>();
    read.forEach(c -> byProperty.put(c.column().property(), c));
    return new Read(element, model, tableName, read, byProperty, broken);
  }

  /**
   * Checks the primary key, declared on one field or listed in {@code @Model(primaryKey)}. Which
   * fields declare it is read from their annotations, so a field broken otherwise still counts.
   */
  private boolean readPrimaryKey(Read read) {
    String name = read.name();
    List<RecordComponentElement> fieldKeys = new ArrayList<>();
    for (RecordComponentElement component : read.element().getRecordComponents()) {
      if (field(component).map(f -> f.bool("primaryKey")).orElse(false)) {
        fieldKeys.add(component);
      }
    }
    if (!read.model().strings("primaryKey").isEmpty()) {
      boolean ok = true;
      if (!fieldKeys.isEmpty()) {
        RecordComponentElement key = fieldKeys.get(0);
        AnnotationView field = field(key).orElseThrow();
        diagnostics.error(key, field.mirror(), field.written("primaryKey"),
            ModelMessages.primaryKeyTwice(name, key.getSimpleName().toString()));
        ok = false;
      }
      Optional<List<ColumnDefinition>> keyColumns =
          resolveComponents(read, read.model(), "primaryKey", "@Model(primaryKey)");
      for (ColumnDefinition column : keyColumns.orElse(List.of())) {
        if (!column.column().notNull()) {
          diagnostics.error(
              column.element(),
              column.field().map(AnnotationView::mirror).orElse(null),
              null,
              ModelMessages.nullablePrimaryKey(name + "." + column.element().getSimpleName()));
          ok = false;
        }
        if (column.column().autoIncrement()) {
          diagnostics.error(column.element(), column.field().get().mirror(),
              column.field().get().written("autoIncrement"), ModelMessages.autoIncrementInvalid(
                  name + "." + column.element().getSimpleName(), "part of a composite key"));
          ok = false;
        }
      }
      return ok && keyColumns.isPresent();
    }
    if (fieldKeys.isEmpty()) {
      diagnostics.error(read.element(), read.model().mirror(), null,
          ModelMessages.noPrimaryKey(name, read.tableName()));
      return false;
    }
    if (fieldKeys.size() > 1) {
      RecordComponentElement second = fieldKeys.get(1);
      AnnotationView field = field(second).orElseThrow();
      diagnostics.error(second, field.mirror(), field.written("primaryKey"),
          ModelMessages.twoPrimaryKeys(name, read.tableName(),
              fieldKeys.stream().map(c -> c.getSimpleName().toString()).toList()));
      return false;
    }
    return true;
  }

  /**
   * The indexes of {@code @Field(index = true)} and {@code @Index}, each checked on its own.
   * Derived names ({@code <table>_…}) are checked only when the table name itself is fine:
   * otherwise they would only repeat its problem.
   */
  private Optional<List<IndexDefinition>> readIndexes(Read read, boolean tableNameOk) {
    String tableName = read.tableName();
    List<IndexDefinition> indexes = new ArrayList<>();
    boolean ok = true;
    for (ColumnDefinition column : read.columns()) {
      AnnotationView field = column.field().orElse(null);
      String columnName = column.column().name();
      for (boolean unique : new boolean[] {true, false}) {
        if (field == null || !field.bool(unique ? "unique" : "index")) {
          continue;
        }
        String attribute = unique ? "unique" : "index";
        String indexName = SqlNames.indexNameFor(tableName, List.of(columnName), unique);
        AnnotationValue at = field.written(attribute);
        UnaryOperator<String> hint = n -> "`@Index(value = \"" + column.column().property()
            + "\"" + (unique ? ", unique = true" : "") + ", name = \"" + n
            + "\")` on the record instead of `" + attribute + " = true`";
        ok &=
            !tableNameOk
                || report(
                    column.element(), field, () -> SqlNames.check(indexName, Kind.INDEX, at, hint));
        if (!unique) { // a unique column's index stays on the column, as Drizzle keeps it
          indexes.add(new IndexDefinition(
              new TableIndex(indexName, List.of(columnName), false), column.element(), field, at));
        }
      }
    }
    for (AnnotationView index : AnnotationView.findRepeated(
        read.element(), Annotations.INDEX, Annotations.INDEXES, elements)) {
      String written = index.string("name");
      UnaryOperator<String> hint = n -> "`name = \"" + n + "\"`";
      boolean nameOk = written.isEmpty() || report(read.element(), index,
          () -> SqlNames.check(written, Kind.INDEX, index.written("name"), hint));
      Optional<List<ColumnDefinition>> indexed =
          resolveComponents(read, index, "value", "@Index");
      if (indexed.isEmpty() || !nameOk) {
        ok = false;
        continue;
      }
      List<String> columnNames = indexed.get().stream().map(c -> c.column().name()).toList();
      boolean unique = index.bool("unique");
      String indexName =
          written.isEmpty() ? SqlNames.indexNameFor(tableName, columnNames, unique) : written;
      if (written.isEmpty() && tableNameOk) {
        ok &= report(read.element(), index,
            () -> SqlNames.check(indexName, Kind.INDEX, null, hint));
      }
      indexes.add(
          new IndexDefinition(
              new TableIndex(indexName, columnNames, unique),
              read.element(),
              index,
              index.written("name")));
    }
    return ok ? Optional.of(indexes) : Optional.empty();
  }

  /**
   * Resolves a list of component names written in an annotation to their columns, reporting
   * each name that is unknown or repeated. A component that is broken itself is known: the
   * list is not wrong for naming it.
   */
  private Optional<List<ColumnDefinition>> resolveComponents(
      Read read, AnnotationView annotation, String attribute, String what) {
    TypeElement element = read.element();
    List<String> components = element.getRecordComponents().stream()
        .map(c -> c.getSimpleName().toString()).sorted().toList();
    List<AnnotationValue> values = annotation.list(attribute);
    if (values.isEmpty()) {
      diagnostics.error(element, annotation.mirror(), annotation.written(attribute),
          ModelMessages.emptyList(what, components.get(0)));
      return Optional.empty();
    }
    List<ColumnDefinition> resolved = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    boolean ok = true;
    for (AnnotationValue value : values) {
      String component = (String) value.getValue();
      ColumnDefinition column = read.byProperty().get(component);
      if (!seen.add(component)) {
        diagnostics.error(element, annotation.mirror(), value,
            ModelMessages.duplicateInList(what, component));
        ok = false;
      } else if (column == null && !read.broken().contains(component)) {
        diagnostics.error(element, annotation.mirror(), value, ModelMessages.unknownComponent(what,
            component, element.getSimpleName().toString(), components));
        ok = false;
      } else if (column == null) {
        ok = false;
      } else {
        resolved.add(column);
      }
    }
    return ok ? Optional.of(resolved) : Optional.empty();
  }

  /** Reports the problem a name check finds, at the annotation given; false if there was one. */
  private boolean report(Element element, AnnotationView annotation, NameCheck check) {
    try {
      check.run();
      return true;
    } catch (InvalidModelException e) {
      diagnostics.error(element, annotation.mirror(), e.at(), e.problem());
      return false;
    }
  }

  private interface NameCheck {
    void run() throws InvalidModelException;
  }

  private Optional<AnnotationView> field(RecordComponentElement component) {
    return AnnotationView.find(component, Annotations.FIELD, elements);
  }

  private static String article(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT);
    };
  }
}
