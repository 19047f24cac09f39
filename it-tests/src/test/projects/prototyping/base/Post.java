package com.example.proto;

import dev.nanoka.Field;
import dev.nanoka.Model;

@Model("posts")
public record Post(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String title,
    @Field(defaultValue = "true") boolean published,
    String content,
    @Field(references = User.class) long authorId) {}
