/** Version 1: users and their posts. */
@Schema(version = 3, dialect = Dialect.POSTGRESQL, models = {User.class, Post.class, Tag.class, PostTag.class})
package com.example.pg;

import dev.nanoka.Dialect;
import dev.nanoka.Schema;
