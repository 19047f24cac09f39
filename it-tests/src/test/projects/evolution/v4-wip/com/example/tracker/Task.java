package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Index;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/** New: an index over two columns. */
@Model("tasks")
@Index({"projectId", "title"})
public record Task(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = Project.class, onDelete = ReferentialAction.CASCADE) long projectId,
    String title,
    @Field(nullable = true) Long assigneeId,
    int estimate,
    @Field(defaultValue = "false") boolean done) {}
