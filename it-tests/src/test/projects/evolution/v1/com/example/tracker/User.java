package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;

@Model("users")
public record User(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String email,
    String name,
    int age) {}
