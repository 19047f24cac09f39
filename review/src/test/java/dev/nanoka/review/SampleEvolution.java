package dev.nanoka.review;

import static dev.nanoka.core.schema.ForeignKey.Action.CASCADE;
import static dev.nanoka.core.testing.Schemas.INTEGER;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.schema.DatabaseSchema;
import java.util.Map;
import java.util.Set;

/**
 * A blog's schema in two versions, the second doing what a pull request reviewer meets: a
 * declared rename, a rebuild of a table others reference, a declared drop, and a new column
 * backfilled by hand before a unique index on it.
 */
final class SampleEvolution {

  private SampleEvolution() {}

  static DatabaseSchema v1() {
    return schema(
        table("users").id().text("email").unique().nullableText("fullName")
            .integer("createdAt").build(),
        table("posts").id().integer("authorId").text("title").nullableText("body")
            .references("authorId", "users", "id", CASCADE)
            .index("posts_author_idx", "authorId").build(),
        table("sessions").key("id", dev.nanoka.core.testing.Schemas.TEXT).integer("userId")
            .integer("expiresAt").references("userId", "users", "id", CASCADE).build(),
        table("legacy_tokens").key("token", dev.nanoka.core.testing.Schemas.TEXT)
            .nullable("userId", INTEGER).build());
  }

  static DatabaseSchema v2() {
    return schema(
        table("users").id().text("email").unique().text("displayName").defaultText("")
            .integer("createdAt").build(),
        table("posts").id().integer("authorId").text("title").nullableText("body")
            .nullableText("slug")
            .references("authorId", "users", "id", CASCADE)
            .index("posts_author_idx", "authorId")
            .uniqueIndex("posts_slug_unique", "slug").build(),
        table("sessions").key("id", dev.nanoka.core.testing.Schemas.TEXT).integer("userId")
            .integer("expiresAt").references("userId", "users", "id", CASCADE).build());
  }

  /** What v2's annotations declare: {@code @Field(renamedFrom)}, {@code droppedTables}. */
  static RenameHints v2Hints() {
    return new RenameHints(Map.of(), Map.of("users", Map.of("displayName", "fullName")),
        Set.of("legacy_tokens"), Map.of());
  }

  /** The backfill a developer writes into v2's migration, after the generated ADD. */
  static final String BACKFILL = "UPDATE `posts` SET `slug` = lower(replace(`title`, ' ', '-'));"
      + "--> statement-breakpoint\n";

  static final String BACKFILL_AFTER = "ALTER TABLE `posts` ADD `slug` text;";
}
