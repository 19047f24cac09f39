package com.example.pg;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

@Model(value = "post_tags", primaryKey = {"postId", "tagId"})
public record PostTag(
    @Field(references = Post.class, onDelete = ReferentialAction.CASCADE) long postId,
    @Field(references = Tag.class) int tagId) {}
