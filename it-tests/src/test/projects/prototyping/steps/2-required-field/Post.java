package com.example.proto;

import dev.nanoka.Field;
import dev.nanoka.Model;

/** A new required field: push cannot add it to a table that holds posts. */
@Model("posts")
public record Post(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String title,
    String description,
    @Field(defaultValue = "true") boolean published,
    String content,
    @Field(references = User.class) long authorId) {}
