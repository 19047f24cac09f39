package com.example.stamp;

import dev.nanoka.ColumnType;
import dev.nanoka.DefaultFunction;
import dev.nanoka.Field;
import dev.nanoka.Model;
import java.time.Instant;

@Model("posts")
public record Post(
    @Field(primaryKey = true, autoIncrement = true) long id,
    String title,
    @Field(defaultFunction = DefaultFunction.NOW, onRowUpdate = DefaultFunction.NOW)
        Instant updatedAt,
    @Field(type = ColumnType.TIMESTAMP, nullable = true, onRowUpdate = DefaultFunction.NOW)
        Instant seenAt) {}
