package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;

/** New: nickname (nullable, declared mid-record) and role (NOT NULL with a default). */
@Model("users")
public record User(
    @Field(primaryKey = true, autoIncrement = true) long id,
    @Field(unique = true) String email,
    String name,
    @Field(nullable = true) String nickname,
    int age,
    @Field(defaultValue = "MEMBER") Role role) {

  public enum Role {
    MEMBER,
    ADMIN
  }
}
