package com.example.tracker;

import dev.nanoka.DefaultFunction;
import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;
import java.time.Instant;

/** A reply cannot outlive the comment it answers (RESTRICT, a reference to the same table). */
@Model("comments")
public record Comment(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = Task.class, onDelete = ReferentialAction.CASCADE) long taskId,
    String body,
    @Field(nullable = true, references = Comment.class, onDelete = ReferentialAction.RESTRICT)
        Long replyToId,
    @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
