package com.example.rel;

import dev.nanoka.Field;
import dev.nanoka.Model;

@Model("tags")
public record Tag(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String name) {}
