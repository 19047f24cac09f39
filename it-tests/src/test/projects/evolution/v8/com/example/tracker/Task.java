package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Index;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * estimate gets a default: a second rebuild in the same migration as the one of users,
 * which is its ancestor.
 */
@Model("tasks")
@Index(value = {"projectId", "done"}, name = "tasks_open_idx")
public record Task(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = Board.class, onDelete = ReferentialAction.CASCADE) long projectId,
    String title,
    @Field(nullable = true, references = User.class, onDelete = ReferentialAction.SET_NULL)
        Long assigneeId,
    @Field(nullable = true, defaultValue = "1") Integer estimate,
    @Field(defaultValue = "false") boolean done) {}
