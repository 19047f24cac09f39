/**
 * The seed's first draft, prototyped with {@code nanoka push}: no migrations are written yet.
 */
@Schema(models = {User.class, Profile.class, Post.class, Category.class, PostCategory.class},
    migrate = false)
package com.example.proto;

import dev.nanoka.Schema;
