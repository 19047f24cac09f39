package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;

/** name is renamed to displayName; age gets an index. */
@Model("users")
public record User(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String email,
    @Field(renamedFrom = "name") String displayName,
    @Field(nullable = true) String nickname,
    @Field(index = true) int age,
    @Field(defaultValue = "MEMBER") Role role,
    @Field(defaultValue = "true") boolean active) {

  public enum Role {
    MEMBER,
    ADMIN
  }
}
