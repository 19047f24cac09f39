package com.example.rel;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * Two keys to users (author, editor), one to categories, and one to tags (featured tag) beside
 * the post_tags join table to the same table.
 */
@Model("posts")
public record Post(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String title,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE) String authorId,
    @Field(references = User.class, nullable = true) String editorId,
    @Field(references = Category.class, nullable = true) Long categoryId,
    @Field(references = Tag.class, nullable = true) Long featuredTagId) {}
