package com.example.blog;

import dev.nanoka.Field;
import dev.nanoka.Model;

/** A label that posts can carry; see {@link PostTag}. */
@Model("tags")
public record Tag(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String name) {}
