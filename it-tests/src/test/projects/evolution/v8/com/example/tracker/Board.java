package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Index;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/** The projects table renamed, with its title column renamed to name and unique per owner. */
@Model(value = "boards", renamedFrom = "projects")
@Index(value = {"ownerId", "name"}, unique = true)
public record Board(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE) long ownerId,
    @Field(renamedFrom = "title") String name,
    @Field(nullable = true) String description,
    double budget,
    @Field(defaultValue = "false") boolean archived) {}
