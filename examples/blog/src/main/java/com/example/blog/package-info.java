/**
 * The blog's database schema. The list below is the Java form of {@code nanoka.config.ts}'s
 * {@code models: [...]}: its order is the order of the tables in {@code drizzle/schema.ts}, and
 * every model is read from it even when an IDE recompiles a single file. Version 2 added
 * {@code users.displayName}.
 */
@Schema(version = 2, models = {User.class, Post.class, Tag.class, PostTag.class})
package com.example.blog;

import dev.nanoka.Schema;
