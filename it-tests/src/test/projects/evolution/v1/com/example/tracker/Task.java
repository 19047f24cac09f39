package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/** The assignee is a user id, not yet declared as a foreign key. */
@Model("tasks")
public record Task(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = Project.class, onDelete = ReferentialAction.CASCADE) long projectId,
    String title,
    @Field(nullable = true) Long assigneeId,
    int estimate,
    @Field(defaultValue = "false") boolean done) {}
