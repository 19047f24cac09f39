package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Index;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * Now references boards, the renamed projects table (no change to this table).
 */
@Model("tasks")
@Index(value = {"projectId", "done"}, name = "tasks_open_idx")
public record Task(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = Board.class, onDelete = ReferentialAction.CASCADE) long projectId,
    String title,
    @Field(nullable = true, references = User.class, onDelete = ReferentialAction.SET_NULL)
        Long assigneeId,
    @Field(nullable = true) Integer estimate,
    @Field(defaultValue = "false") boolean done) {}
