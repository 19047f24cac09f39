package com.example.pg;

import dev.nanoka.Field;
import dev.nanoka.Model;

@Model("tags")
public record Tag(
    @Field(primaryKey = true, autoIncrement = true) int id,
    @Field(unique = true) String label) {}
