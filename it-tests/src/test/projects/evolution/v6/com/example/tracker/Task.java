package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Index;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * The two-column index is replaced by one over other columns, with its own name.
 */
@Model("tasks")
@Index(value = {"projectId", "done"}, name = "tasks_open_idx")
public record Task(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = Project.class, onDelete = ReferentialAction.CASCADE) long projectId,
    String title,
    @Field(nullable = true, references = User.class, onDelete = ReferentialAction.SET_NULL)
        Long assigneeId,
    @Field(nullable = true) Integer estimate,
    @Field(defaultValue = "false") boolean done) {}
