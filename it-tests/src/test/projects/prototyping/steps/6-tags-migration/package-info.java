/** The feature is done: version 2's migration (0001_*.sql) adds what was prototyped. */
@Schema(models = {User.class, Profile.class, Post.class, Category.class, PostCategory.class},
    version = 2)
package com.example.proto;

import dev.nanoka.Schema;
