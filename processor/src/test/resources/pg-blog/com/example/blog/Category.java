package com.example.blog;

import dev.nanoka.DefaultFunction;
import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;
import java.math.BigDecimal;
import java.util.UUID;

/** Categories in a tree: the parent reference makes schema.ts name the column type. */
@Model("categories")
public record Category(
    @Field(primaryKey = true, defaultFunction = DefaultFunction.RANDOM_UUID) UUID id,
    @Field(nullable = true, references = Category.class, onDelete = ReferentialAction.SET_NULL)
        UUID parentId,
    @Field(length = 60, index = true) String slug,
    @Field(defaultValue = "0") short position,
    @Field(defaultValue = "1.5") double weight,
    @Field(defaultValue = "9.99", precision = 8, scale = 2) BigDecimal fee,
    @Field(nullable = true) byte[] icon,
    @Field(defaultValue = "2024-01-01T00:00:00Z") java.time.Instant since,
    @Field(defaultFunction = DefaultFunction.RANDOM_UUID) String token) {}
