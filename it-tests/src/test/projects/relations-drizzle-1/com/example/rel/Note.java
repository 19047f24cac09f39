package com.example.rel;

import dev.nanoka.Field;
import dev.nanoka.Model;

/**
 * Hostile names: a column already called {@code author} beside the key {@code authorId}, and a
 * key {@code defaultId} whose relation is the reserved word {@code default}.
 */
@Model("notes")
public record Note(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String author,
    @Field(references = User.class) String authorId,
    @Field(references = Post.class, nullable = true) Long defaultId) {}
