package com.example.rel;

import dev.nanoka.Field;
import dev.nanoka.Model;

/**
 * Referenced twice by posts (author, editor) and by notes; its favourite post closes a cycle
 * (users → posts → users), so every key between the two carries a relationName.
 */
@Model("users")
public record User(
    @Field(primaryKey = true) String id,
    String name,
    @Field(references = Post.class, nullable = true) Long favoritePostId) {}
