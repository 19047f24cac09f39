package com.example.proto;

import dev.nanoka.Field;
import dev.nanoka.Model;

@Model("profiles")
public record Profile(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String biograpy, // Intentional typo!
    @Field(unique = true, references = User.class) long userId) {}
