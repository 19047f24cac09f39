package dev.nanoka.core.diff;

import dev.nanoka.core.diff.DataLoss.NewValue;
import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one set of rules for what a change can do to existing rows. The differ calls them while it
 * builds the changes; nothing else decides data loss.
 */
final class DataLossRules {

  private DataLossRules() {}

  /**
   * What re-creating {@code before} as {@code after} can do to its rows.
   *
   * @param copied column of {@code after} → column of {@code before} it is copied from
   */
  static List<DataLoss> ofRebuild(Table before, Table after, List<Column> added,
      List<Column> dropped, Map<String, String> copied) {
    List<DataLoss> losses = new ArrayList<>();
    String table = after.name();
    if (copied.isEmpty()) {
      losses.add(new DataLoss.RowsDropped(table));
    }
    for (Column column : dropped) {
      losses.add(new DataLoss.ColumnDropped(table, column.name()));
    }
    for (Map.Entry<String, String> pair : copied.entrySet()) {
      Column old = before.column(pair.getValue()).orElseThrow();
      Column now = after.column(pair.getKey()).orElseThrow();
      if (old.type() instanceof LogicalType.Native was
          && now.type() instanceof LogicalType.Native becomes) {
        // a dialect with its own types: its casts decide, not SQLite's affinities
        if (!NativeTypeConversion.holdsAll(was.sql(), becomes.sql())) {
          losses.add(new DataLoss.ValuesNarrowed(table, now.name(), old.name(), was.sql(),
              becomes.sql()));
        }
      } else if (SqlTypeConversion.canChangeValues(old.type().sqlType(), now.type().sqlType())) {
        losses.add(new DataLoss.ValuesConverted(table, now.name(), old.name(),
            old.type().sqlType(), now.type().sqlType()));
      }
      if (!old.notNull() && now.notNull()) {
        Optional<String> fallback = SchemaDiffer.defaultSql(now);
        losses.add(fallback.isPresent()
            ? new DataLoss.NullsFilled(table, now.name(), old.name(), fallback.get())
            : new DataLoss.NullsRejected(table, now.name(), old.name()));
      }
    }
    for (Column column : added) {
      losses.addAll(ofAddedColumn(table, column));
    }
    if (!after.primaryKey().isEmpty()
        && !alreadyUnique(before, after, copied, after.primaryKey())) {
      losses.add(new DataLoss.DuplicatesRejected(table, DataLoss.PRIMARY_KEY,
          newValues(after, after.primaryKey(), copied)));
    }
    return losses;
  }

  /** A column added to a table that may hold rows. */
  static List<DataLoss> ofAddedColumn(String table, Column column) {
    if (column.notNull() && SchemaDiffer.defaultSql(column).isEmpty()) {
      return List.of(new DataLoss.RequiredColumnAdded(table, column.name()));
    }
    return List.of();
  }

  /**
   * An index created on a table that existed before (and may hold rows): a unique one the rows
   * must satisfy, unless their values there are unique already.
   *
   * @param copied column of {@code after} → column of {@code before} its values come from
   * @param before the table as it was, null when new
   */
  static List<DataLoss> ofIndex(Table before, Table after, TableIndex index,
      Map<String, String> copied) {
    if (before == null || !index.unique()
        || alreadyUnique(before, after, copied, index.columns())) {
      return List.of();
    }
    List<NewValue> values = newValues(after, index.columns(), copied);
    if (values.stream().anyMatch(DataLossRules::alwaysNull)) {
      return List.of(); // rows with a NULL in a unique index never collide
    }
    return List.of(new DataLoss.DuplicatesRejected(after.name(), index.name(), values));
  }

  /**
   * The SQL schema has no enums (SQLite stores their constants as text), so the differ cannot
   * see one narrowed: every enum column of a table that exists in {@code database} may hold
   * text that is not one of its constants.
   */
  static List<DataLoss> enumValues(DatabaseSchema database, DatabaseSchema models) {
    List<DataLoss> losses = new ArrayList<>();
    for (Table table : models.tables()) {
      Optional<Table> existing = database.table(table.name());
      for (Column column : table.columns()) {
        Optional<Column> old = existing.flatMap(t -> t.column(column.name()));
        if (column.type() instanceof LogicalType.EnumText enumText && old.isPresent()
            && !(old.get().type() instanceof LogicalType.EnumText was
                && enumText.values().containsAll(was.values()))) {
          losses.add(new DataLoss.ValuesOutsideEnum(table.name(), column.name(),
              enumText.values()));
        }
      }
    }
    return losses;
  }

  /**
   * Whether rows of {@code before} cannot collide on these columns of {@code after}: every value
   * is copied unchanged, and {@code before} had a primary key or unique index over some of them
   * (rows distinct on a subset are distinct on the whole; rows with a NULL there never collide).
   */
  private static boolean alreadyUnique(Table before, Table after, Map<String, String> copied,
      List<String> columns) {
    List<String> sources = new ArrayList<>();
    for (String name : columns) {
      Column now = after.column(name).orElseThrow();
      Optional<Column> old = source(copied, now).flatMap(before::column);
      if (old.isEmpty() || changesValues(old.get(), now)) {
        return false;
      }
      sources.add(old.get().name().toLowerCase(Locale.ROOT));
    }
    List<List<String>> unique = new ArrayList<>();
    unique.add(before.primaryKey());
    EffectiveIndexes.effective(before).stream()
        .filter(TableIndex::unique)
        .forEach(i -> unique.add(i.columns()));
    return unique.stream()
        .anyMatch(u -> !u.isEmpty() && sources.containsAll(EffectiveIndexes.lower(u)));
  }

  /** Whether a copied value can differ from what it was: converted, or NULL filled. */
  private static boolean changesValues(Column old, Column now) {
    if (old.type() instanceof LogicalType.Native was
        && now.type() instanceof LogicalType.Native becomes) {
      return !NativeTypeConversion.holdsAll(was.sql(), becomes.sql())
          || !old.notNull() && now.notNull() && SchemaDiffer.defaultSql(now).isPresent();
    }
    return SqlTypeConversion.canChangeValues(old.type().sqlType(), now.type().sqlType())
        || !old.notNull() && now.notNull() && SchemaDiffer.defaultSql(now).isPresent();
  }

  private static List<NewValue> newValues(Table after, List<String> columns,
      Map<String, String> copied) {
    List<NewValue> values = new ArrayList<>();
    for (String name : columns) {
      Column column = after.column(name).orElseThrow();
      values.add(new NewValue(column, source(copied, column)));
    }
    return values;
  }

  /** A column new to the table without a default: NULL in every existing row. */
  private static boolean alwaysNull(NewValue value) {
    return value.source().isEmpty() && SchemaDiffer.defaultSql(value.column()).isEmpty();
  }

  private static Optional<String> source(Map<String, String> copied, Column column) {
    return Optional.ofNullable(copied.get(column.name()));
  }
}
