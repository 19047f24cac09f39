package dev.nanoka.processor.migrate;

import javax.lang.model.element.Element;

/** Finds the source element a migration diagnostic should point at. */
public interface ModelLocator {

  /** The element for a table of the new schema (its model), or the schema's element. */
  Element table(String tableName);

  /** The element carrying {@code @Schema}, or null when the schema is implicit. */
  Element schema();
}
