package com.example.pg;

import dev.nanoka.Field;
import dev.nanoka.Index;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;
import java.math.BigDecimal;
import java.util.UUID;

@Model("posts")
@Index({"status", "title"})
public record Post(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE, index = true) UUID authorId,
    @Field(nullable = true) String title,
    @Field(defaultValue = "DRAFT") Status status,
    @Field(nullable = true, precision = 12, scale = 2) BigDecimal price,
    @Field(defaultValue = "true") boolean visible,
    @Field(nullable = true) byte[] cover) {
  public enum Status { DRAFT, REVIEW, PUBLISHED }
}
