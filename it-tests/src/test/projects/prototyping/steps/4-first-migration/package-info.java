/**
 * The prototype is stable: migrations are turned on, and version 1's migration
 * (drizzle/migrations/0000_*.sql) creates the schema as prototyped.
 */
@Schema(models = {User.class, Profile.class, Post.class, Category.class, PostCategory.class},
    version = 1)
package com.example.proto;

import dev.nanoka.Schema;
