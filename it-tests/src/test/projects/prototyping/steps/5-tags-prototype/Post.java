package com.example.proto;

import dev.nanoka.Field;
import dev.nanoka.Model;
import java.util.List;

/** The seed's {@code tags String[]}, stored as JSON text. */
@Model("posts")
public record Post(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String title,
    String description,
    @Field(defaultValue = "true") boolean published,
    String content,
    @Field(references = User.class) long authorId,
    @Field(json = true, nullable = true) List<String> tags) {}
