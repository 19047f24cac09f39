/**
 * Prototyping a feature over an existing migration history: version 2 is on its way, but its
 * migration is not written while the feature is pushed and reworked.
 */
@Schema(models = {User.class, Profile.class, Post.class, Category.class, PostCategory.class},
    version = 2, migrate = false)
package com.example.proto;

import dev.nanoka.Schema;
