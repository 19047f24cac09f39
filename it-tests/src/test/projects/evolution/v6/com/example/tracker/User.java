package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;

/** age, which has an index, is dropped. */
@Model(value = "users", droppedColumns = {"age"})
public record User(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String email,
    @Field(renamedFrom = "name") String displayName,
    @Field(nullable = true) String nickname,
    @Field(defaultValue = "MEMBER") Role role,
    @Field(defaultValue = "true") boolean active) {

  public enum Role {
    MEMBER,
    ADMIN
  }
}
