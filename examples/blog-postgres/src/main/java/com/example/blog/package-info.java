/**
 * The blog's database schema, for PostgreSQL: the same records as {@code examples/blog}, with
 * {@code dialect = POSTGRESQL}. javac writes a {@code drizzle-orm/pg-core} schema.ts and
 * drizzle-kit's {@code postgresql} migrations. Version 2 added {@code users.displayName}.
 */
@Schema(
    dialect = Dialect.POSTGRESQL,
    version = 2,
    models = {User.class, Post.class, Tag.class, PostTag.class})
package com.example.blog;

import dev.nanoka.Dialect;
import dev.nanoka.Schema;
