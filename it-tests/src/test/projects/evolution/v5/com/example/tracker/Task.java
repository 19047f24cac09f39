package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Index;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * assigneeId becomes a foreign key to users, whose rows it already points at, and estimate
 * becomes nullable: a rebuild of a table with rows whose own children (comments, task_labels)
 * cascade on delete.
 */
@Model("tasks")
@Index({"projectId", "title"})
public record Task(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = Project.class, onDelete = ReferentialAction.CASCADE) long projectId,
    String title,
    @Field(nullable = true, references = User.class, onDelete = ReferentialAction.SET_NULL)
        Long assigneeId,
    @Field(nullable = true) Integer estimate,
    @Field(defaultValue = "false") boolean done) {}
