package com.example.rel;

import dev.nanoka.Field;
import dev.nanoka.Model;

/** Referenced twice by posts (author, editor) and by notes. */
@Model("users")
public record User(@Field(primaryKey = true) String id, String name) {}
