package com.example.blog;

import dev.nanoka.Field;
import dev.nanoka.Model;
import java.time.Instant;

/** A registered author. The id is chosen by the application (e.g. a UUID string). */
@Model("users")
public record User(
    @Field(primaryKey = true) String id,
    @Field(unique = true) String email,
    String name,
    String passwordHash,
    Instant createdAt) {}
