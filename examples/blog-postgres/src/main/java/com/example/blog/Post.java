package com.example.blog;

import dev.nanoka.DefaultFunction;
import dev.nanoka.Field;
import dev.nanoka.Index;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;
import java.time.Instant;

/**
 * A blog post. Deleting its author deletes the post; the index serves "an author's posts,
 * newest first".
 */
@Model("posts")
@Index({"authorId", "createdAt"})
public record Post(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE) String authorId,
    String title,
    @Field(nullable = true) String subtitle,
    @Field(defaultValue = "DRAFT") Status status,
    @Field(json = true) PostMetadata metadata,
    @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt) {

  /** Where a post is in its life; stored as the constant's name. */
  public enum Status {
    DRAFT,
    PUBLISHED,
    ARCHIVED
  }
}
