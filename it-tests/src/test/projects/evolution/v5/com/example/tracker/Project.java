package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * budget changes from int to double: a rebuild of a parent whose children (tasks, and their
 * comments and labels) cascade on delete. description is added in the same migration.
 */
@Model("projects")
public record Project(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE) long ownerId,
    String title,
    @Field(nullable = true) String description,
    double budget,
    @Field(defaultValue = "false") boolean archived) {}
