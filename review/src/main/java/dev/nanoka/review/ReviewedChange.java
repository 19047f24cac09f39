package dev.nanoka.review;

import java.util.List;
import java.util.Objects;

/**
 * One thing a migration does to the schema, in a reviewer's words.
 *
 * @param kind stable, kebab-case: {@code create-table}, {@code drop-table}, {@code rename-table},
 *     {@code rename-column}, {@code add-column}, {@code drop-column}, {@code rebuild-table},
 *     {@code create-index}, {@code drop-index}
 * @param table the table, as the migration leaves it named (the dropped one's old name)
 * @param text one line, names in backticks, e.g. {@code Adds column `users`.`nickname` text}
 * @param details what a line cannot hold: a new table's columns, a rebuild's column changes and
 *     the tables whose rows it moves
 */
public record ReviewedChange(String kind, String table, String text, List<String> details) {

  public ReviewedChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(text, "text");
    details = List.copyOf(details);
  }
}
