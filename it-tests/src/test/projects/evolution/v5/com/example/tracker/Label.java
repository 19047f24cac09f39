package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import java.time.Instant;
import java.util.List;

/** Columns of every storage class, with the kinds of defaults drizzle-kit must read back. */
@Model("labels")
public record Label(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String name,
    @Field(defaultValue = "#cccccc") String color,
    @Field(defaultValue = "1.5") double weight,
    @Field(defaultValue = "true") boolean visible,
    @Field(defaultValue = "2024-01-01T00:00:00Z") Instant since,
    @Field(nullable = true) byte[] icon,
    @Field(json = true) List<String> aliases) {}
