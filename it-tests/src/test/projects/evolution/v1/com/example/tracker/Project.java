package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

@Model("projects")
public record Project(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE) long ownerId,
    String title,
    int budget) {}
