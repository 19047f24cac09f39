package com.example.tracker;

import dev.nanoka.DefaultFunction;
import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;
import java.time.Instant;

/**
 * New: an index on the foreign key. A reply cannot outlive the comment it answers (RESTRICT, a
 * reference to the same table).
 */
@Model("comments")
public record Comment(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = Task.class, onDelete = ReferentialAction.CASCADE, index = true)
        long taskId,
    String body,
    @Field(nullable = true, references = Comment.class, onDelete = ReferentialAction.RESTRICT)
        Long replyToId,
    @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
