package com.example.proto;

import dev.nanoka.Field;
import dev.nanoka.Model;

@Model("categories")
public record Category(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String name) {}
