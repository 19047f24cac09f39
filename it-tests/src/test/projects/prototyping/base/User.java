package com.example.proto;

import dev.nanoka.Field;
import dev.nanoka.Model;

@Model("users")
public record User(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String name,
    String jobTitle) {}
