package dev.nanoka.core.sql.postgres;

import static dev.nanoka.core.sql.postgres.PostgresDdl.typeSql;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.sql.MigrationStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statements that change one PostgreSQL enum type's values. */
final class EnumStatements {

  private EnumStatements() {}

  /**
   * Whether a column of the type gets one of its added values as default. PostgreSQL refuses to
   * use a value added by {@code ALTER TYPE … ADD VALUE} before the transaction that added it
   * commits ("unsafe use of new value"), and a migration is one transaction: such a type is
   * created again instead ({@link #rebuild}), which the same transaction may use.
   */
  static boolean defaultsToAdded(DatabaseSchema to, String name, List<String> old) {
    return to.tables().stream().flatMap(t -> t.columns().stream())
        .filter(c -> EnumTypes.typeName(c).equals(Optional.of(name)))
        .anyMatch(c -> c.defaultValue().filter(d -> d instanceof ColumnDefault.Text text
            && !old.contains(text.value())).isPresent());
  }

  /** {@code ALTER TYPE … ADD VALUE … BEFORE …} for each new value, in its place. */
  static List<MigrationStatement> addValues(String name, List<String> old, List<String> now) {
    List<MigrationStatement> out = new ArrayList<>();
    for (int i = 0; i < now.size(); i++) {
      String value = now.get(i);
      if (!old.contains(value)) {
        Optional<String> before = now.subList(i + 1, now.size()).stream()
            .filter(old::contains).findFirst();
        out.add(MigrationStatement.of(PostgresDdl.addEnumValue(name, value, before)));
      }
    }
    return out;
  }

  /**
   * Values removed or reordered: PostgreSQL cannot drop an enum value, so the columns of the type
   * hold text while the type is created again. A row holding a removed value makes the cast back
   * fail, and the migration with it.
   *
   * @param renamed the old schema after the migration's renames: the columns as they are now
   * @param to the schema the migration leads to: the defaults to put back
   */
  static List<MigrationStatement> rebuild(String name, List<String> old, List<String> now,
      DatabaseSchema renamed, DatabaseSchema to) {
    List<String> tables = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (Table table : renamed.tables()) {
      for (Column column : table.columns()) {
        if (EnumTypes.typeName(column).equals(Optional.of(name))) {
          tables.add(table.name());
          columns.add(column);
        }
      }
    }
    List<String> sql = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      if (column.defaultValue().isPresent()) {
        sql.add(PostgresDdl.alterColumn(tables.get(i), column.name(), "DROP DEFAULT"));
      }
      sql.add(PostgresDdl.alterColumn(tables.get(i), column.name(), "SET DATA TYPE text"));
    }
    sql.add(PostgresDdl.dropEnum(name));
    sql.add(PostgresDdl.createEnum(name, now));
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      String table = tables.get(i);
      sql.add(PostgresDdl.alterColumn(table, column.name(), "SET DATA TYPE " + typeSql(column)
          + " USING " + PostgresDdl.quote(column.name()) + "::" + typeSql(column)));
      // the default the models want now: the old one may be a removed value
      to.table(table).flatMap(t -> t.column(column.name()))
          .filter(wanted -> EnumTypes.typeName(wanted).equals(Optional.of(name)))
          .flatMap(PostgresDdl::defaultSql)
          .ifPresent(d -> sql.add(
              PostgresDdl.alterColumn(table, column.name(), "SET DEFAULT " + d)));
    }
    List<String> removed = old.stream().filter(v -> !now.contains(v)).toList();
    List<String> comments = removed.isEmpty() ? List.of()
        : List.of("Data loss: removes " + String.join(", ", removed) + " from enum " + name
            + "; rows holding them make this migration fail");
    List<MigrationStatement> out = new ArrayList<>();
    for (int i = 0; i < sql.size(); i++) {
      out.add(new MigrationStatement(sql.get(i), i == 0 ? comments : List.of()));
    }
    return out;
  }
}
