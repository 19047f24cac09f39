package com.example.blog;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * Which tags a post carries: a join table whose key is the pair. Deleting a post or a tag deletes
 * its links.
 */
@Model(value = "post_tags", primaryKey = {"postId", "tagId"})
public record PostTag(
    @Field(references = Post.class, onDelete = ReferentialAction.CASCADE) long postId,
    @Field(references = Tag.class, onDelete = ReferentialAction.CASCADE) long tagId) {}
