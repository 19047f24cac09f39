package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

@Model("legacy_sessions")
public record LegacySession(
    @Field(primaryKey = true) String token,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE) long userId) {}
