package com.example.pg;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;
import java.math.BigDecimal;
import java.util.UUID;

@Model("posts")
public record Post(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(references = User.class, onDelete = ReferentialAction.CASCADE, index = true) UUID authorId,
    @Field(defaultValue = "untitled") String title,
    @Field(defaultValue = "DRAFT") Status status,
    @Field(nullable = true) BigDecimal price,
    @Field(defaultValue = "true") boolean visible,
    @Field(nullable = true) byte[] cover) {
  public enum Status { DRAFT, REVIEW, PUBLISHED }
}
