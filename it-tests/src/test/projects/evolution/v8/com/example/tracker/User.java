package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * The role's default changes: a rebuild of the table every other table descends from (boards,
 * tasks, comments, task_labels all cascade from it), and which references one of them back
 * (favoriteBoardId, a cycle).
 */
@Model(value = "users", droppedColumns = {"age"})
public record User(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String email,
    @Field(renamedFrom = "name") String displayName,
    @Field(nullable = true) String nickname,
    @Field(defaultValue = "GUEST") Role role,
    @Field(defaultValue = "true") boolean active,
    @Field(defaultValue = "0") int karma,
    @Field(nullable = true, references = Board.class, onDelete = ReferentialAction.SET_NULL)
        Long favoriteBoardId) {

  public enum Role {
    GUEST,
    MEMBER,
    ADMIN
  }
}
