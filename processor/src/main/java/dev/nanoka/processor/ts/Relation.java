package dev.nanoka.processor.ts;

import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.Table;
import java.util.Optional;

/**
 * One entry of a table's Drizzle relations: {@code author: one(users, { fields: …, references: …
 * })} on the table holding the foreign key, or {@code posts: many(posts)} on the table it points
 * at.
 *
 * @param property the relation's key, as {@code with: { <property>: true }} names it
 * @param many whether this is the referenced side ({@code many}); else the referencing side
 *     ({@code one} with the key's columns)
 * @param target the table the relation leads to
 * @param key the foreign key both sides come from
 * @param relationName Drizzle's {@code relationName}, present on both sides when the two tables
 *     are joined by more than one foreign key (or are the same table), which Drizzle can't pair
 *     up otherwise
 */
record Relation(
    String property, boolean many, Table target, ForeignKey key, Optional<String> relationName) {}
