package dev.nanoka.processor.model;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.core.schema.UpdateTrigger;
import dev.nanoka.processor.Diagnostics;
import dev.nanoka.processor.ModelMessages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * Joins the models of one schema: checks names across tables (SQLite has one namespace for
 * tables and indexes, compared ignoring case), resolves foreign keys, and builds the schema with
 * the rename hints the models declare.
 */
public final class SchemaAssembler {

  private final Diagnostics diagnostics;

  public SchemaAssembler(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The schema of these models, in their order; empty if any error was found (reported).
   *
   * @param droppedTables the tables {@code @Schema(droppedTables)} declares dropped on purpose
   */
  public Optional<AssembledSchema> assemble(
      List<ModelDefinition> models, List<String> droppedTables) {
    boolean namesOk = checkNames(models);
    boolean ok = namesOk;
    Map<String, ModelDefinition> byType = new LinkedHashMap<>();
    models.forEach(m -> byType.put(m.element().getQualifiedName().toString(), m));

    List<Table> tables = new ArrayList<>();
    for (ModelDefinition model : models) {
      List<ForeignKey> foreignKeys = new ArrayList<>();
      for (ColumnDefinition column : model.columns()) {
        if (column.reference().isPresent()) {
          Optional<ForeignKey> key = resolve(model, column, column.reference().get(), byType);
          ok &= key.isPresent();
          key.ifPresent(foreignKeys::add);
        }
      }
      if (!namesOk) {
        continue; // foreign keys are still checked; a Table refuses clashing index names
      }
      tables.add(new Table(
          model.tableName(),
          SqlNames.exportNameFor(model.tableName()),
          model.columns().stream().map(ColumnDefinition::column).toList(),
          model.compositeKey(),
          model.indexes(),
          foreignKeys));
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new AssembledSchema(new DatabaseSchema(tables), renameHints(models, droppedTables)));
  }

  private static RenameHints renameHints(
      List<ModelDefinition> models, List<String> droppedTables) {
    Map<String, String> tables = new HashMap<>();
    Map<String, Map<String, String>> columns = new HashMap<>();
    Map<String, Set<String>> droppedColumns = new HashMap<>();
    for (ModelDefinition model : models) {
      model.renamedFrom().ifPresent(old -> tables.put(model.tableName(), old));
      Map<String, String> renamed = new HashMap<>();
      for (ColumnDefinition column : model.columns()) {
        column.renamedFrom().ifPresent(old -> renamed.put(column.column().name(), old));
      }
      columns.put(model.tableName(), renamed);
      droppedColumns.put(model.tableName(), Set.copyOf(model.droppedColumns()));
    }
    return new RenameHints(tables, columns, Set.copyOf(droppedTables), droppedColumns);
  }

  private boolean checkNames(List<ModelDefinition> models) {
    boolean ok = true;
    Map<String, String> owners = new HashMap<>(); // lower-cased name → who uses it
    Map<String, ModelDefinition> exports = new HashMap<>();
    for (ModelDefinition model : models) {
      String previous =
          owners.putIfAbsent(key(model.tableName()), "table of " + model.simpleName());
      if (previous != null) {
        diagnostics.error(model.element(), model.model().mirror(), model.model().written("value"),
            ModelMessages.duplicateTable(model.tableName(), model.simpleName(), previous));
        ok = false;
      }
      String export = SqlNames.exportNameFor(model.tableName());
      ModelDefinition clash = exports.putIfAbsent(export, model);
      if (clash != null && previous == null) {
        diagnostics.error(model.element(), model.model().mirror(), model.model().written("value"),
            ModelMessages.duplicateExport(clash.tableName(), model.tableName(), export));
        ok = false;
      }
    }
    for (ModelDefinition model : models) {
      for (IndexDefinition definition : allIndexes(model)) {
        TableIndex index = definition.index();
        String previous = owners.putIfAbsent(key(index.name()),
            "an index of " + model.simpleName());
        if (previous != null) {
          diagnostics.error(definition.element(), definition.annotation().mirror(),
              definition.at(),
              ModelMessages.duplicateIndex(index.name(), model.simpleName(), previous));
          ok = false;
        }
      }
    }
    // Triggers have a namespace of their own; <table>_<column>_on_update can still repeat
    // (table a_b with column c, table a with column b_c).
    Map<String, String> triggers = new HashMap<>();
    for (ModelDefinition model : models) {
      for (ColumnDefinition column : model.columns()) {
        if (column.column().onRowUpdate().isEmpty()) {
          continue;
        }
        String name = model.tableName() + "_" + column.column().name() + UpdateTrigger.SUFFIX;
        String subject = model.simpleName() + "." + column.column().property();
        String previous = triggers.putIfAbsent(key(name), subject);
        if (previous != null) {
          AnnotationView field = column.field().orElseThrow();
          diagnostics.error(column.element(), field.mirror(), field.written("onRowUpdate"),
              ModelMessages.onRowUpdateInvalid("NOW", subject, "its trigger would be named \""
                  + name + "\", as the trigger of " + previous + " is", "Rename one of the two"
                  + " columns or tables (`@Field(name = …)`, `@Model(\"…\")`)."));
          ok = false;
        }
      }
    }
    return ok;
  }

  /**
   * Declared indexes plus the unique index drizzle-kit creates for each unique column. Those of
   * {@code @Index} come last: of two clashing indexes, the one reported is then the one that
   * can be renamed with {@code name = …}.
   */
  private static List<IndexDefinition> allIndexes(ModelDefinition model) {
    List<IndexDefinition> all = new ArrayList<>();
    for (ColumnDefinition column : model.columns()) {
      if (column.column().unique()) {
        String name =
            SqlNames.indexNameFor(model.tableName(), List.of(column.column().name()), true);
        AnnotationView field = column.field().orElseThrow();
        all.add(new IndexDefinition(new TableIndex(name, List.of(column.column().name()), true),
            column.element(), field, field.written("unique")));
      }
    }
    model.indexDefinitions().stream().filter(i -> !i.named()).forEach(all::add);
    model.indexDefinitions().stream().filter(IndexDefinition::named).forEach(all::add);
    return all;
  }

  private Optional<ForeignKey> resolve(
      ModelDefinition model, ColumnDefinition column, ReferenceDefinition reference,
      Map<String, ModelDefinition> byType) {
    AnnotationView field = reference.field();
    Element at = column.element();
    String subject = model.simpleName() + "." + column.column().property();
    String targetName = reference.target().toString();
    ModelDefinition target = null;
    if (reference.target().getKind() == TypeKind.DECLARED) {
      TypeElement targetElement = (TypeElement) ((DeclaredType) reference.target()).asElement();
      targetName = targetElement.getSimpleName().toString();
      target = byType.get(targetElement.getQualifiedName().toString());
    }
    if (target == null) {
      diagnostics.error(at, field.mirror(), field.written("references"),
          ModelMessages.referenceNotModel(subject, targetName,
              byType.values().stream().map(ModelDefinition::simpleName).toList()));
      return Optional.empty();
    }
    ColumnDefinition targetColumn;
    if (reference.targetField().isEmpty()) {
      List<String> key = target.primaryKey();
      if (key.size() != 1) {
        diagnostics.error(at, field.mirror(), field.written("references"),
            ModelMessages.referenceCompositeKey(subject, target.simpleName(), key));
        return Optional.empty();
      }
      targetColumn = target.columns().stream()
          .filter(c -> c.column().name().equals(key.get(0))).findFirst().orElseThrow();
    } else {
      targetColumn = target.columns().stream()
          .filter(c -> c.column().property().equals(reference.targetField()))
          .findFirst().orElse(null);
      if (targetColumn == null) {
        diagnostics.error(at, field.mirror(), field.written("referencesField"),
            ModelMessages.referencedFieldUnknown(subject, reference.targetField(),
                target.simpleName(),
                target.columns().stream().map(c -> c.column().property()).toList()));
        return Optional.empty();
      }
      if (!isUniqueKey(target, targetColumn.column())) {
        diagnostics.error(at, field.mirror(), field.written("referencesField"),
            ModelMessages.referencedNotUnique(
                subject, target.simpleName(), targetColumn.column().property()));
        return Optional.empty();
      }
    }
    if (targetColumn.column().type().sqlType() != column.column().type().sqlType()) {
      diagnostics.error(at, field.mirror(), field.written("references"),
          ModelMessages.referenceTypeMismatch(subject, column.mapping().javaType(),
              target.simpleName(), targetColumn.column().property(),
              targetColumn.mapping().javaType()));
      return Optional.empty();
    }
    List<String> columns = List.of(column.column().name());
    List<String> referenced = List.of(targetColumn.column().name());
    return Optional.of(new ForeignKey(
        ForeignKey.defaultName(model.tableName(), columns, target.tableName(), referenced),
        columns, target.tableName(), referenced, reference.onUpdate(), reference.onDelete()));
  }

  private static boolean isUniqueKey(ModelDefinition model, Column column) {
    if (model.primaryKey().equals(List.of(column.name())) || column.unique()) {
      return true;
    }
    return model.indexes().stream()
        .anyMatch(i -> i.unique() && i.columns().equals(List.of(column.name())));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
