package com.example.rel;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/** A join table with a composite primary key: posts and tags, many to many. */
@Model(value = "post_tags", primaryKey = {"postId", "tagId"})
public record PostTag(
    @Field(references = Post.class, onDelete = ReferentialAction.CASCADE) long postId,
    @Field(references = Tag.class, onDelete = ReferentialAction.CASCADE) long tagId) {}
