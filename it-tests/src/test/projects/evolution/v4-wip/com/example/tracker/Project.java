package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/** budget changes from int to double: a rebuild of a parent whose children cascade. */
@Model("projects")
public record Project(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE) long ownerId,
    String title,
    double budget,
    @Field(defaultValue = "false") boolean archived) {}
