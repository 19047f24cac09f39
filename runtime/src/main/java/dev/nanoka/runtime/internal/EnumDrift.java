package dev.nanoka.runtime.internal;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.postgres.EnumTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL enum types whose values differ: the differ compares a column's type by its name,
 * so a value added or removed by hand shows only here. SQLite schemas hold no enum type.
 */
final class EnumDrift {

  private EnumDrift() {}

  static List<String> describe(DatabaseSchema expected, DatabaseSchema actual) {
    Map<String, List<String>> wanted = EnumTypes.of(expected).values();
    EnumTypes found = EnumTypes.of(actual);
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<String>> type : wanted.entrySet()) {
      Optional<List<String>> values = found.get(type.getKey());
      if (values.isPresent() && !values.get().equals(type.getValue())) {
        lines.add("enum type " + type.getKey() + ": the migrations give it the values "
            + String.join(", ", type.getValue()) + "; the database has "
            + String.join(", ", values.get()));
      }
    }
    return lines;
  }
}
