package com.example.rel;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/** A self-reference: parent and child categories. */
@Model("categories")
public record Category(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String name,
    @Field(references = Category.class, nullable = true, onDelete = ReferentialAction.SET_NULL)
        Long parentId) {}
