package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * New: karma, NOT NULL with a default, and a favourite board: a foreign key that closes a cycle
 * (boards reference their owner), so users is rebuilt while boards and everything below them
 * hold rows.
 */
@Model(value = "users", droppedColumns = {"age"})
public record User(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String email,
    @Field(renamedFrom = "name") String displayName,
    @Field(nullable = true) String nickname,
    @Field(defaultValue = "MEMBER") Role role,
    @Field(defaultValue = "true") boolean active,
    @Field(defaultValue = "0") int karma,
    @Field(nullable = true, references = Board.class, onDelete = ReferentialAction.SET_NULL)
        Long favoriteBoardId) {

  public enum Role {
    MEMBER,
    ADMIN
  }
}
