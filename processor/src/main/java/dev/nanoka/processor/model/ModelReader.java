package dev.nanoka.processor.model;

import dev.nanoka.processor.Diagnostics;
import dev.nanoka.processor.Message;
import dev.nanoka.runtime.schema.Index;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @Model} record: its table name, columns, primary key and indexes. Problems are
 * reported at the element and reading goes on, so one compile shows them all.
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

  /** The model, or empty when it is too broken to take part in the schema (errors reported). */
  public Optional<ModelDefinition> read(TypeElement element) {
    AnnotationView model = AnnotationView.find(element, Annotations.MODEL, elements).orElseThrow();
    if (unresolved.inModel(element)) {
      diagnostics.unresolved(); // javac reports what it could not resolve
      return Optional.empty();
    }
    String name = element.getSimpleName().toString();
    if (element.getKind() != ElementKind.RECORD) {
      diagnostics.error(element, model.mirror(), null, Message.MODEL_NOT_RECORD, name,
          article(element.getKind()), name);
      return Optional.empty();
    }
    if (!element.getTypeParameters().isEmpty()) {
      diagnostics.error(element, model.mirror(), null, Message.MODEL_GENERIC, name,
          element.getTypeParameters().stream().map(Object::toString)
              .collect(Collectors.joining(", ")));
      return Optional.empty();
    }
    List<? extends RecordComponentElement> components = element.getRecordComponents();
    if (components.isEmpty()) {
      diagnostics.error(element, model.mirror(), null, Message.MODEL_NO_COMPONENTS, name, name);
      return Optional.empty();
    }

    String tableName = model.string("value").isEmpty()
        ? SqlNames.tableNameFor(name) : model.string("value");
    if (!checkTableName(element, model, tableName)) {
      return Optional.empty();
    }

    List<ColumnDefinition> read = new ArrayList<>();
    Map<String, ColumnDefinition> byColumnName = new HashMap<>();
    boolean complete = true;
    List<String> listedKey = model.strings("primaryKey");
    for (RecordComponentElement component : components) {
      Optional<ColumnDefinition> column = columns.read(name, component, listedKey);
      if (column.isEmpty()) {
        complete = false;
        continue;
      }
      ColumnDefinition previous = byColumnName.putIfAbsent(
          column.get().column().name().toLowerCase(Locale.ROOT), column.get());
      if (previous != null) {
        AnnotationView field = column.get().field().orElse(null);
        diagnostics.error(component, field == null ? null : field.mirror(),
            field == null ? null : field.written("name"), Message.DUPLICATE_COLUMN,
            column.get().column().name(), name + "." + component.getSimpleName(),
            previous.element().getSimpleName(), name,
            column.get().column().name() + "_2");
        complete = false;
        continue;
      }
      read.add(column.get());
    }
    if (!complete) {
      return Optional.empty();
    }

    Map<String, ColumnDefinition> byProperty = new HashMap<>();
    read.forEach(c -> byProperty.put(c.column().property(), c));
    Optional<List<String>> compositeKey = readPrimaryKey(element, model, tableName, read, byProperty);
    Optional<List<IndexDefinition>> indexes = readIndexes(element, tableName, read, byProperty);
    if (compositeKey.isEmpty() || indexes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ModelDefinition(element, model, tableName, read, compositeKey.get(), indexes.get()));
  }

  private boolean checkTableName(TypeElement element, AnnotationView model, String tableName) {
    AnnotationValue at = model.written("value");
    String hint = "`@Model(\"" + SqlNames.suggestion(tableName) + "\")`";
    if (!SqlNames.isValidIdentifier(tableName)) {
      diagnostics.error(element, model.mirror(), at, Message.INVALID_NAME, tableName, "table", hint);
      return false;
    }
    if (SqlNames.isReserved(tableName)) {
      diagnostics.error(element, model.mirror(), at, Message.RESERVED_NAME, "Table", tableName, hint);
      return false;
    }
    return true;
  }

  private Optional<List<String>> readPrimaryKey(
      TypeElement element, AnnotationView model, String tableName, List<ColumnDefinition> read,
      Map<String, ColumnDefinition> byProperty) {
    String name = element.getSimpleName().toString();
    List<ColumnDefinition> fieldKeys = read.stream().filter(c -> c.column().primaryKey()).toList();
    List<String> listed = model.strings("primaryKey");
    if (!listed.isEmpty()) {
      if (!fieldKeys.isEmpty()) {
        ColumnDefinition key = fieldKeys.get(0);
        diagnostics.error(key.element(), key.field().get().mirror(),
            key.field().get().written("primaryKey"), Message.PRIMARY_KEY_TWICE, name,
            key.element().getSimpleName());
        return Optional.empty();
      }
      Optional<List<ColumnDefinition>> keyColumns = resolveComponents(
          element, model, "primaryKey", "@Model(primaryKey)", byProperty);
      if (keyColumns.isEmpty()) {
        return Optional.empty();
      }
      for (ColumnDefinition column : keyColumns.get()) {
        if (!column.column().notNull()) {
          diagnostics.error(column.element(), column.field().map(AnnotationView::mirror).orElse(null),
              null, Message.NULLABLE_PRIMARY_KEY, name + "." + column.element().getSimpleName());
          return Optional.empty();
        }
        if (column.column().autoIncrement()) {
          diagnostics.error(column.element(), column.field().get().mirror(),
              column.field().get().written("autoIncrement"), Message.AUTOINCREMENT_INVALID,
              name + "." + column.element().getSimpleName(), "part of a composite key");
          return Optional.empty();
        }
      }
      return Optional.of(keyColumns.get().stream().map(c -> c.column().name()).toList());
    }
    if (fieldKeys.isEmpty()) {
      diagnostics.error(element, model.mirror(), null, Message.NO_PRIMARY_KEY, name, tableName);
      return Optional.empty();
    }
    if (fieldKeys.size() > 1) {
      ColumnDefinition second = fieldKeys.get(1);
      String keyList = fieldKeys.stream()
          .map(c -> "\"" + c.column().property() + "\"").collect(Collectors.joining(", "));
      diagnostics.error(second.element(), second.field().get().mirror(),
          second.field().get().written("primaryKey"), Message.TWO_PRIMARY_KEYS,
          name + "." + fieldKeys.get(0).element().getSimpleName(),
          name + "." + second.element().getSimpleName(), tableName, keyList);
      return Optional.empty();
    }
    return Optional.of(List.of());
  }

  private Optional<List<IndexDefinition>> readIndexes(
      TypeElement element, String tableName, List<ColumnDefinition> read,
      Map<String, ColumnDefinition> byProperty) {
    List<IndexDefinition> indexes = new ArrayList<>();
    for (ColumnDefinition column : read) {
      if (column.field().map(f -> f.bool("index")).orElse(false)) {
        String columnName = column.column().name();
        AnnotationView field = column.field().get();
        indexes.add(new IndexDefinition(
            new Index(tableName + "_" + columnName + "_idx", List.of(columnName), false),
            column.element(), field, field.written("index")));
      }
    }
    boolean ok = true;
    for (AnnotationView index :
        AnnotationView.findRepeated(element, Annotations.INDEX, Annotations.INDEXES, elements)) {
      Optional<List<ColumnDefinition>> indexed =
          resolveComponents(element, index, "value", "@Index", byProperty);
      if (indexed.isEmpty()) {
        ok = false;
        continue;
      }
      List<String> columnNames = indexed.get().stream().map(c -> c.column().name()).toList();
      boolean unique = index.bool("unique");
      String indexName = index.string("name");
      if (indexName.isEmpty()) {
        indexName = tableName + "_" + String.join("_", columnNames) + (unique ? "_unique" : "_idx");
      } else if (!SqlNames.isValidIdentifier(indexName) || SqlNames.isReserved(indexName)) {
        diagnostics.error(element, index.mirror(), index.written("name"),
            SqlNames.isReserved(indexName) ? Message.RESERVED_NAME : Message.INVALID_NAME,
            SqlNames.isReserved(indexName) ? "Index" : indexName,
            SqlNames.isReserved(indexName) ? indexName : "index",
            "`name = \"" + SqlNames.suggestion(indexName) + "\"`");
        ok = false;
        continue;
      }
      indexes.add(new IndexDefinition(new Index(indexName, columnNames, unique), element, index,
          index.written("name")));
    }
    return ok ? Optional.of(indexes) : Optional.empty();
  }

  /** Resolves a list of component names written in an annotation to their columns. */
  private Optional<List<ColumnDefinition>> resolveComponents(
      TypeElement element, AnnotationView annotation, String attribute, String what,
      Map<String, ColumnDefinition> byProperty) {
    List<AnnotationValue> values = annotation.list(attribute);
    if (values.isEmpty()) {
      diagnostics.error(element, annotation.mirror(), annotation.written(attribute),
          Message.EMPTY_LIST, what, "{\"" + byProperty.keySet().stream().sorted().findFirst()
              .orElse("id") + "\"}");
      return Optional.empty();
    }
    List<ColumnDefinition> resolved = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (AnnotationValue value : values) {
      String component = (String) value.getValue();
      ColumnDefinition column = byProperty.get(component);
      if (column == null) {
        diagnostics.error(element, annotation.mirror(), value, Message.UNKNOWN_COMPONENT, what,
            component, element.getSimpleName(),
            String.join(", ", byProperty.keySet().stream().sorted().toList()));
        return Optional.empty();
      }
      if (!seen.add(component)) {
        diagnostics.error(element, annotation.mirror(), value, Message.DUPLICATE_IN_LIST, what,
            component);
        return Optional.empty();
      }
      resolved.add(column);
    }
    return Optional.of(resolved);
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
