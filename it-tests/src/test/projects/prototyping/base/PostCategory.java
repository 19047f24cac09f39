package com.example.proto;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/** Prisma's implicit many-to-many between posts and categories, as an explicit join table. */
@Model(value = "post_categories", primaryKey = {"postId", "categoryId"})
public record PostCategory(
    @Field(references = Post.class, onDelete = ReferentialAction.CASCADE) long postId,
    @Field(references = Category.class, onDelete = ReferentialAction.CASCADE) long categoryId) {}
