/** The blog example's models, for PostgreSQL, with a self-referencing category and bytes. */
@Schema(
    dialect = Dialect.POSTGRESQL,
    models = {User.class, Post.class, Tag.class, PostTag.class, Category.class})
package com.example.blog;

import dev.nanoka.Dialect;
import dev.nanoka.Schema;
