package com.example.pg;

import dev.nanoka.DefaultFunction;
import dev.nanoka.Field;
import dev.nanoka.Model;
import java.time.Instant;
import java.util.UUID;

@Model(value = "users", droppedColumns = {"age"})
public record User(
    @Field(primaryKey = true, defaultFunction = DefaultFunction.RANDOM_UUID) UUID id,
    @Field(unique = true, length = 320) String email,
    @Field(renamedFrom = "name") String displayName,
    @Field(nullable = true) String nickname,
    @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
