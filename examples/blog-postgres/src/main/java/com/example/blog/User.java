package com.example.blog;

import dev.nanoka.Field;
import dev.nanoka.Model;
import java.time.Instant;

/**
 * A registered author. The id is chosen by the application (e.g. a UUID string). The display
 * name came with schema version 2; its migration was edited by hand to start it as the name
 * (see {@code BlogMigrationTest}).
 */
@Model("users")
public record User(
    @Field(primaryKey = true) String id,
    @Field(unique = true) String email,
    String name,
    String passwordHash,
    Instant createdAt,
    @Field(defaultValue = "") String displayName) {}
