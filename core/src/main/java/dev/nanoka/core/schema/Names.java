package dev.nanoka.core.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Invariant checks on SQL names shared by the model's records. */
final class Names {

  private Names() {}

  static void requireUniqueIgnoringCase(List<String> names, String kind) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("duplicate " + kind + " name: " + name);
      }
    }
  }

  static String requireName(String name, String kind) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(kind + " name must not be empty");
    }
    return name;
  }

  static List<String> requireColumns(List<String> columns, String owner) {
    List<String> copy = List.copyOf(columns);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(owner + " needs at least one column");
    }
    return copy;
  }
}
