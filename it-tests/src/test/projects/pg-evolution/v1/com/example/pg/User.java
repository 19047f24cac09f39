package com.example.pg;

import dev.nanoka.DefaultFunction;
import dev.nanoka.Field;
import dev.nanoka.Model;
import java.time.Instant;
import java.util.UUID;

@Model("users")
public record User(
    @Field(primaryKey = true, defaultFunction = DefaultFunction.RANDOM_UUID) UUID id,
    @Field(unique = true) String email,
    String name,
    int age,
    @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
